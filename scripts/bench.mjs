// Runs a TypeScript benchmark file in Node through Vite's module loader (Node 20 cannot run
// TypeScript itself):  npm run bench -- bench/engine.node.ts [args...]
// The benchmark module runs on import or exports main(args); it prints its own table.
import { createServer } from 'vite';
import { resolve } from 'node:path';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run bench -- bench/<name>.ts [args...]');
  process.exit(2);
}
const server = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true } });
try {
  const mod = await server.ssrLoadModule(resolve(file));
  if (typeof mod.main === 'function') await mod.main(args);
} finally {
  await server.close();
}
