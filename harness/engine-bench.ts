// Starts the benchmark worker and hands its Comlink proxy to the driver script through window.
import { wrap } from 'comlink';

const worker = new Worker(new URL('../bench/engine.bench.worker.ts', import.meta.url), { type: 'module', name: 'engine-bench' });
(globalThis as unknown as { engineBench: unknown }).engineBench = wrap(worker);
