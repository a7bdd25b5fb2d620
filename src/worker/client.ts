// Main-thread side of the engine worker: starts the worker lazily on first use and returns a
// typed proxy of the protocol. terminate() ends the worker (its unfinished writes may be lost;
// acknowledged ones are durable).
import { wrap, type Remote } from 'comlink';
import type { EngineWorkerApi } from './protocol';

export interface EngineClient {
  readonly api: Remote<EngineWorkerApi>;
  terminate(): void;
}

export function createEngineClient(makeWorker: () => Worker = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' })): EngineClient {
  let worker: Worker | undefined;
  let remote: Remote<EngineWorkerApi> | undefined;
  const start = () => {
    if (!remote) {
      worker = makeWorker();
      remote = wrap<EngineWorkerApi>(worker);
    }
    return remote;
  };
  const api = new Proxy({} as Remote<EngineWorkerApi>, {
    get: (_t, prop) => (start() as unknown as Record<string | symbol, unknown>)[prop],
  });
  return {
    api,
    terminate() {
      worker?.terminate();
      worker = undefined;
      remote = undefined;
    },
  };
}
