// Web Worker side of the browser cluster benchmark: runs a shared workload and posts the result
// back (driven by bench/cluster.browser.ts) — the replication layer's own produce path
// (bench/clusterWorkload.ts), or the kafkajs-shaped clients (bench/clientWorkload.ts).
import { throughput } from './clusterWorkload';
import { clientThroughput } from './clientWorkload';
import type { Acks } from '../src/engine/replication/producePath';

self.onmessage = async (e: MessageEvent<{ total: number; acks: Acks; clients?: boolean }>) => {
  const r = e.data.clients ? await clientThroughput(e.data.total) : await throughput(e.data.total, e.data.acks);
  self.postMessage(r);
};
