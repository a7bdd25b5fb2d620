#!/usr/bin/env bash
# Runs some e2e specs on a private port and build folder, so parallel work does not collide:
#   E2E_PORT=4175 scripts/e2e.sh e2e/board.spec.ts
set -euo pipefail
cd "$(dirname "$0")/.."
port=${E2E_PORT:-4173}
dist=${E2E_DIST:-.tmp/dist-$port}
npx vite build --logLevel warn --outDir "$dist"
E2E_PORT=$port E2E_DIST=$dist E2E_REPORT=.tmp/e2e-$port.json STORMBENCH_CHROMIUM=$(node scripts/findChromium.mjs) npx playwright test "$@"
