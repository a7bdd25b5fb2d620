// Entry of the simulation worker: wires the host to the worker's message port and timers.
/// <reference lib="webworker" />
import { SimWorkerHost } from './simWorkerHost';
import type { SimCommand } from './simProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new SimWorkerHost({
  post: (message, transfer) => scope.postMessage(message, transfer),
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
});
scope.onmessage = (e: MessageEvent<SimCommand>) => void host.handle(e.data);
