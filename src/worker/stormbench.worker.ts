// Entry of the one worker: the engine and the simulation live here, never on the page's
// thread. Wires the host to the worker's message port and timers.
/// <reference lib="webworker" />
import type { WorkerCommand } from './protocol';
import { WorkerHost } from './workerHost';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new WorkerHost(
  {
    post: (message, transfer) => scope.postMessage(message, transfer),
    now: () => performance.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
  },
  // Runs are stored per board in the origin's IndexedDB (when the browser offers it).
  typeof scope.indexedDB === 'undefined' ? {} : { indexedDB: scope.indexedDB },
);
scope.onmessage = (e: MessageEvent<WorkerCommand>) => void host.handle(e.data);
