// One Playwright e2e run on servers of its own. playwright.config.ts starts two servers (the
// app's `vite preview` and the workshop server); with fixed ports, a run in one checkout once
// found another checkout's servers already listening and tested that build instead of its own.
// So a run takes free ports chosen now (unless E2E_PORT / E2E_COLLAB_PORT name them) and tells
// Playwright never to reuse a server: if a port is taken after all, the run fails and says so.
// Used by the test command (scripts/test.mjs) and by scripts/e2e.sh:
//   node scripts/lib/e2eRun.mjs [playwright test arguments]
//   (E2E_DIST: the build to serve, default dist; E2E_REPORT: the JSON report's path)
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findChromium } from '../findChromium.mjs';
import { freePorts } from './freePorts.mjs';
import { runCommand } from './runCommand.mjs';

/** The ports of the app and the workshop server: the environment's, or free ones, distinct. */
export async function e2ePorts(env = process.env) {
  const named = (value) => (value === undefined || value === '' ? undefined : Number(value));
  const port = named(env.E2E_PORT);
  const collab = named(env.E2E_COLLAB_PORT);
  for (const [name, value] of [['E2E_PORT', port], ['E2E_COLLAB_PORT', collab]]) {
    if (value !== undefined && !(Number.isInteger(value) && value > 0 && value < 65536)) {
      throw new Error(`${name} must be a port number (1–65535), got "${env[name]}".`);
    }
  }
  if (port !== undefined && port === collab) throw new Error(`E2E_PORT and E2E_COLLAB_PORT must differ (both ${port}).`);
  const free = (await freePorts(3)).filter((p) => p !== port && p !== collab);
  return { port: port ?? free[0], collabPort: collab ?? free[1] };
}

/**
 * The environment of a Playwright run on the given ports: `dist` is the build to serve, the
 * JSON report goes to `report`, `chromium` is the browser's executable.
 */
export function e2eEnv(base, { port, collabPort }, { dist, report, chromium }) {
  const env = {
    ...base,
    E2E_PORT: String(port),
    E2E_COLLAB_PORT: String(collabPort),
    E2E_DIST: dist,
    E2E_REPORT: report ?? `.tmp/e2e-${port}.json`,
  };
  if (chromium) env.STORMBENCH_CHROMIUM = chromium;
  // A developer's shell may allow reuse for a bare `npx playwright test`; a run never does.
  delete env.E2E_REUSE_SERVER;
  return env;
}

/** Runs `npx playwright test <args>` on fresh servers (see e2eEnv) and returns its exit code. */
export async function runE2e(args, { dist = 'dist', report, chromium }) {
  const ports = await e2ePorts();
  console.log(`e2e servers: app on 127.0.0.1:${ports.port}, workshop server on 127.0.0.1:${ports.collabPort} (build ${dist})`);
  const code = await runCommand('npx', ['playwright', 'test', ...args], { env: e2eEnv(process.env, ports, { dist, report, chromium }) });
  // The workshop server's data folder is per port (see playwright.config.ts): drop this run's.
  rmSync(`.tmp/collab-data-${ports.collabPort}`, { recursive: true, force: true });
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const chromium = findChromium();
  if (!chromium) {
    console.error('No Chromium: set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH or install chromium.');
    process.exit(1);
  }
  process.exit(await runE2e(process.argv.slice(2), { dist: process.env.E2E_DIST || 'dist', report: process.env.E2E_REPORT || undefined, chromium }));
}
