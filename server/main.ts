// `npm run collab` runs this (scripts/collab.mjs bundles it first and starts the bundle):
// reads the settings from the environment, serves the app and the sync endpoint, and stores
// every room before exiting on Ctrl+C, SIGTERM or when the starting process goes away.
import { createCollabServer } from './collabServer';
import { CollabConfigError, readConfig } from './config';
import { ROOMS_FILE } from './roomStore';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.env);
  } catch (e) {
    if (e instanceof CollabConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const server = createCollabServer(config);
  let url: string;
  try {
    url = await server.listen();
  } catch (e) {
    const code = (e as { code?: string }).code;
    console.error(code === 'EADDRINUSE' ? `Port ${config.port} is taken: set PORT to a free one (e.g. PORT=1250 npm run collab).` : `Could not start: ${String(e)}`);
    await server.close();
    process.exit(1);
  }
  const shown = config.host === '0.0.0.0' ? url.replace('0.0.0.0', '<this machine’s address>') : url;
  console.log(`Stormbench collaboration server on ${shown}/ (boards stored in ${join(config.dataDir, ROOMS_FILE)})`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
}

// Run when this bundle is the process's entry (not when imported by a test or a benchmark).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
