#!/usr/bin/env bash
# Runs some e2e specs on a build of this checkout, served on servers of their own:
#   scripts/e2e.sh e2e/board.spec.ts
# Ports are free ones chosen now unless E2E_PORT (the app) / E2E_COLLAB_PORT (the workshop
# server) name them; a server already listening there is never reused (scripts/lib/e2eRun.mjs).
# The build goes to E2E_DIST, else .tmp/dist-$E2E_PORT, else a folder removed afterwards
# (with the JSON report, which otherwise goes to E2E_REPORT or .tmp/e2e-<port>.json).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
if [[ -n ${E2E_DIST:-} ]]; then
  dist=$E2E_DIST
elif [[ -n ${E2E_PORT:-} ]]; then
  dist=.tmp/dist-$E2E_PORT
else
  run=$(mktemp -d .tmp/e2e-run-XXXXXX)
  trap 'rm -rf "$run"' EXIT
  dist=$run/dist
  export E2E_REPORT=${E2E_REPORT:-$run/report.json}
fi
npx vite build --logLevel warn --outDir "$dist"
E2E_DIST=$dist node scripts/lib/e2eRun.mjs "$@"
