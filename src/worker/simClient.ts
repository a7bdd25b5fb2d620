// The page side of the simulation protocol: starts the worker lazily on the first command,
// sends typed commands and hands every message to one listener (the sim store, which keeps
// only the latest snapshot and renders once per animation frame).
import type { SimCommand, SimMessage } from './simProtocol';

export interface SimClient {
  send(cmd: SimCommand): void;
  onMessage(listener: (m: SimMessage) => void): () => void;
  terminate(): void;
}

export function createSimClient(makeWorker: () => Worker = () => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' })): SimClient {
  let worker: Worker | null = null;
  const listeners = new Set<(m: SimMessage) => void>();
  const ensure = (): Worker => {
    if (worker) return worker;
    worker = makeWorker();
    worker.onmessage = (e: MessageEvent<SimMessage>) => {
      for (const l of listeners) l(e.data);
    };
    worker.onerror = (e) => {
      for (const l of listeners) l({ type: 'error', code: 'SIM_WORKER_FAILED', message: `The simulation worker failed: ${e.message}`, problems: [] });
    };
    return worker;
  };
  return {
    send(cmd) {
      ensure().postMessage(cmd);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    terminate() {
      worker?.terminate();
      worker = null;
    },
  };
}
