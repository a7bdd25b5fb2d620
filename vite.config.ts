import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

// index.html is the app; every harness/*.html is a page the e2e suite and the browser
// benchmarks open to run pure layers (the engine in a real Web Worker, canvas stress boards)
// inside Chromium.
const root = import.meta.dirname;
const harnessPages = Object.fromEntries(
  readdirSync(resolve(root, 'harness'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => [`harness-${f.replace(/\.html$/, '')}`, resolve(root, 'harness', f)]),
);

export default defineConfig({
  plugins: [react()],
  // avsc (the schema registry's Avro codec) is written for Node: in the browser its buffer
  // comes from the buffer package and its util from a small shim (src/engine/schemaRegistry).
  resolve: {
    alias: {
      util: resolve(root, 'src/engine/schemaRegistry/utilShim.ts'),
      buffer: resolve(root, 'node_modules/buffer/index.js'),
    },
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: { main: resolve(root, 'index.html'), ...harnessPages },
    },
  },
  preview: { port: 4173, strictPort: true },
});
