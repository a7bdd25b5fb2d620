import { defineConfig } from '@playwright/test';
import { COLLAB_PORT, COLLAB_URL } from './e2e/collabServer';

// Playwright cannot download its own browser here: scripts/findChromium.mjs picks one and
// passes it in STORMBENCH_CHROMIUM. These flags are what Chromium needs on a sandboxed,
// offline root machine.
const executablePath = process.env.STORMBENCH_CHROMIUM || undefined;
// Port and build folder can be moved so that several e2e runs on one machine do not collide;
// the test command and scripts/e2e.sh choose free ports (scripts/lib/e2eRun.mjs).
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_DIST ?? 'dist';
// A server already listening on a port is someone else's unless asked for: reusing it tested
// another checkout's build. Only a bare `E2E_REUSE_SERVER=1 npx playwright test` (e.g. beside
// a running `npm run preview`) reuses one; otherwise a taken port fails the run.
const reuseExistingServer = !process.env.CI && process.env.E2E_REUSE_SERVER === '1';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? '.test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1 --outDir ${outDir}`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer,
      timeout: 60_000,
    },
    {
      // The workshop server on its own port, serving the same build, with an empty data folder.
      command: `rm -rf .tmp/collab-data-${COLLAB_PORT} && node scripts/collab.mjs`,
      env: { PORT: String(COLLAB_PORT), HOST: '127.0.0.1', DATA_DIR: `.tmp/collab-data-${COLLAB_PORT}`, DIST_DIR: outDir },
      url: `${COLLAB_URL}/collab.json`,
      reuseExistingServer,
      timeout: 120_000,
    },
  ],
});
