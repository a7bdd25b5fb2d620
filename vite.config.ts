import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// index.html is the app; harness/*.html are pages the e2e suite opens to run pure layers
// (the engine in a real Web Worker) inside Chromium.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        engineHarness: resolve(import.meta.dirname, 'harness/engine.html'),
      },
    },
  },
  preview: { port: 4173, strictPort: true },
});
