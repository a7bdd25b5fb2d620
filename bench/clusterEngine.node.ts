// The cluster benchmark's workload on the one engine (Node): createCluster({ brokers: 3 }) with
// memory storage on a virtual clock, the kafkajs-shaped producer and consumers — 3 topics × 12
// partitions, RF 3, min.insync.replicas 2, acks=all, 4 consumer groups × 3 members consuming
// everything. Prints produced records per wall second and heap per million replicated records.
//   npm run bench -- bench/clusterEngine.node.ts [records=300000]
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCluster } from '../src/engine/index';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
};

const TOPICS = ['orders', 'payments', 'shipments'];
const PARTITIONS = 12;
const BATCH = 1_000;
const GROUPS = 4;
const MEMBERS = 3;

export async function main(args: string[]): Promise<void> {
  const total = Number(args[0] ?? 300_000);
  const cluster = await createCluster({ brokers: 3, clock: 'virtual', cleanerIntervalMs: 0, seed: 1 });
  await cluster.admin().createTopics({
    topics: TOPICS.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] })),
  });
  let consumed = 0;
  const consumers = [];
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
  console.log('| produced | acknowledged | consumed (4 groups) | wall s (produce until acknowledged) | produced records / wall s | heap + ArrayBuffers MB per million replicated records |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(
    `| ${produced.toLocaleString('en')} | ${acked.toLocaleString('en')} | ${consumed.toLocaleString('en')} | ${(wallMs / 1000).toFixed(2)} | ${Math.round(produced / (wallMs / 1000)).toLocaleString('en')} | ${((heapAfter - heapBefore) / 1e6 / (replicated / 1e6)).toFixed(1)} |`,
  );
  for (const c of consumers) void c.disconnect().catch(() => undefined);
  await cluster.close();
}
