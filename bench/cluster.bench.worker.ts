// Web Worker side of the browser cluster benchmark: runs the shared throughput workload and
// posts the result back (driven by bench/cluster.browser.ts).
import { throughput } from './clusterWorkload';
import type { Acks } from '../src/engine/replication/producePath';

self.onmessage = async (e: MessageEvent<{ total: number; acks: Acks }>) => {
  const r = await throughput(e.data.total, e.data.acks);
  self.postMessage(r);
};
