// Runs a TypeScript benchmark file in Node:  npm run bench -- bench/engine.node.ts [args...]
// The file is bundled first (Vite's server-side build, packages left to Node), then run as plain
// JavaScript, so a benchmark measures code shaped as the app ships it: the browser runs Vite's
// bundle, not a module loader that turns every imported name into a property read through a
// getter (Vite's loader made the simulator benchmark about 8 % slower than its bundle).
// The benchmark module runs on import or exports main(args); it prints its own table.
import { build } from 'vite';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run bench -- bench/<name>.ts [args...]');
  process.exit(2);
}
// Inside the checkout, so the bundle's package imports resolve from its node_modules.
mkdirSync('node_modules/.cache', { recursive: true });
const outDir = mkdtempSync(resolve('node_modules/.cache/bench-'));
try {
  await build({
    configFile: false,
    logLevel: 'error',
    build: { ssr: resolve(file), outDir, emptyOutDir: true, minify: false, target: 'node20', rollupOptions: { output: { format: 'es', entryFileNames: 'bench.mjs' } } },
  });
  const mod = await import(pathToFileURL(join(outDir, 'bench.mjs')).href);
  if (typeof mod.main === 'function') await mod.main(args);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
