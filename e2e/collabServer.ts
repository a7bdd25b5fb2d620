// Where the e2e run's workshop server (`npm run collab`, started by playwright.config.ts as a
// second web server with its own port and a fresh data folder) listens: E2E_COLLAB_PORT, which
// the test command and scripts/e2e.sh set to a free port (scripts/lib/e2eRun.mjs); a bare
// `npx playwright test` falls back to E2E_PORT + 1000.
const e2ePort = Number(process.env.E2E_PORT ?? 4173);
export const COLLAB_PORT = Number(process.env.E2E_COLLAB_PORT ?? e2ePort + 1000);
export const COLLAB_URL = `http://127.0.0.1:${COLLAB_PORT}`;
