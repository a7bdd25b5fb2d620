// Where the e2e run's workshop server (`npm run collab`, started by playwright.config.ts as a
// second web server with its own port and a fresh data folder) listens.
const e2ePort = Number(process.env.E2E_PORT ?? 4173);
export const COLLAB_PORT = Number(process.env.E2E_COLLAB_PORT ?? e2ePort + 1000);
export const COLLAB_URL = `http://127.0.0.1:${COLLAB_PORT}`;
