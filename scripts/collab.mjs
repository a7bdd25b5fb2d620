// `npm run collab`: the workshop server. Builds the app when no build is there (DIST_DIR,
// default dist), bundles server/ for Node with Vite (Node 20 runs no TypeScript), and runs the
// bundle in a process of its own (without Vite loaded), passing signals on and ending with it.
// Settings come from the environment: PORT, HOST, DATA_DIR, DIST_DIR, MAX_MESSAGE_BYTES,
// MAX_ROOMS, MAX_CONNECTIONS_PER_ROOM (see docs/collab.md).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(process.cwd(), process.env.DIST_DIR || 'dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.log(`No build in ${dist}: building the app first…`);
  await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
}
const outDir = resolve(root, 'node_modules/.stormbench-server');
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: { ssr: resolve(root, 'server/main.ts'), outDir, emptyOutDir: true, target: 'node20', minify: false, sourcemap: true },
});
// The IPC channel tells the server when this process is gone, however it ended.
const server = spawn(process.execPath, ['--enable-source-maps', resolve(outDir, 'main.js')], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
