// Entry of the comparison worker: three whole runs of a board take seconds of CPU, so they get a
// worker of their own, started for one comparison and ended after it, rather than the run
// worker (stormbench.worker.ts), whose live simulation would stall meanwhile.
/// <reference lib="webworker" />
import type { CompareCommand } from './comparisonProtocol';
import { runComparison } from './comparisonHost';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<CompareCommand>) => void runComparison(e.data, (m) => scope.postMessage(m));
