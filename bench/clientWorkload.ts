// The cluster benchmark through the engine's kafkajs-shaped clients: createCluster({ brokers: 3 })
// with memory storage on a virtual clock, one Producer and 4 groups × 3 Consumers — 3 topics ×
// 12 partitions, RF 3, min.insync.replicas 2, acks=all. Shared by the Node run
// (bench/clusterEngine.node.ts) and the Web Worker run (bench/cluster.browser.ts): no Node or
// DOM APIs here.
import { createCluster, type Consumer } from '../src/engine';
import { BATCH, PARTITIONS, TOPICS } from './clusterWorkload';

const GROUPS = 4;
const MEMBERS = 3;

export interface ClientThroughput {
  produced: number;
  acked: number;
  consumed: number;
  wallMs: number;
  /** Heap + ArrayBuffers grown per million replicated records (null where it cannot be read). */
  heapMBPerMillion: number | null;
}

export async function clientThroughput(total: number, heap: () => number | null = () => null): Promise<ClientThroughput> {
  const cluster = await createCluster({ brokers: 3, clock: 'virtual', cleanerIntervalMs: 0, seed: 1 });
  await cluster.admin().createTopics({
    topics: TOPICS.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] })),
  });
  let consumed = 0;
  const consumers: Consumer[] = [];
  for (let g = 0; g < GROUPS; g++) {
    for (let m = 0; m < MEMBERS; m++) {
      const c = cluster.consumer({ groupId: `group-${g}` });
      await c.connect();
      for (const topic of TOPICS) await c.subscribe({ topic, fromBeginning: true });
      await c.run({ eachBatch: async ({ batch }) => void (consumed += batch.messages.length) });
      consumers.push(c);
    }
  }
  await cluster.advance(500);
  const producer = cluster.producer();
  await producer.connect();
  const value = 'x'.repeat(100);
  const heapBefore = heap();
  let produced = 0;
  let acked = 0;
  let open = 0;
  const t0 = performance.now();
  while (produced < total) {
    for (const topic of TOPICS) {
      for (let p = 0; p < PARTITIONS && produced < total; p++) {
        open++;
        void producer
          .send({ topic, acks: -1, messages: Array.from({ length: BATCH }, () => ({ value, partition: p })) })
          .then(() => (acked += BATCH))
          .finally(() => open--);
        produced += BATCH;
      }
    }
    await cluster.advance(5);
  }
  for (let i = 0; i < 1_000 && open > 0; i++) await cluster.advance(5);
  const wallMs = performance.now() - t0;
  for (let i = 0; i < 400 && consumed < GROUPS * total; i++) await cluster.advance(50);
  const heapAfter = heap();
  const snap = cluster.snapshot();
  const replicated = snap.partitions.filter((p) => TOPICS.includes(p.topic)).reduce((s, p) => s + p.replicaLogEnd.reduce((a, b) => a + b, 0), 0);
  for (const c of consumers) void c.disconnect().catch(() => undefined);
  await cluster.close();
  const heapMBPerMillion = heapBefore === null || heapAfter === null ? null : (heapAfter - heapBefore) / 1e6 / (replicated / 1e6);
  return { produced, acked, consumed, wallMs, heapMBPerMillion };
}

export const CLIENT_HEAD = [
  '| produced | acknowledged | consumed (4 groups) | wall s (produce until acknowledged) | produced records / wall s | heap + ArrayBuffers MB per million replicated records |',
  '| --- | --- | --- | --- | --- | --- |',
];

export function clientRow(r: ClientThroughput): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return `| ${n(r.produced)} | ${n(r.acked)} | ${n(r.consumed)} | ${(r.wallMs / 1000).toFixed(2)} | ${n(r.produced / (r.wallMs / 1000))} | ${r.heapMBPerMillion === null ? 'n/a' : r.heapMBPerMillion.toFixed(1)} |`;
}
