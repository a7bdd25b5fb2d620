// Engine benchmarks in Node (memory storage): append, sequential consume, one key's events
// out of a 1,000,000-record partition, a compaction pass, and heap per 1,000,000 records.
//   npm run bench -- bench/engine.node.ts [records=1000000]
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCluster, type Cluster, type Producer } from '../src/engine/index';

const VALUE = 'v'.repeat(100);
const BATCH = 1000;
const KEYS = 10_000;

function gc(): void {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function fill(producer: Producer, topic: string, records: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < records; i += BATCH) {
    const messages = Array.from({ length: Math.min(BATCH, records - i) }, (_, j) => ({ key: `key-${(i + j) % KEYS}`, value: VALUE }));
    await producer.send({ topic, messages });
  }
  return performance.now() - t0;
}

async function fresh(config: Record<string, string> = {}): Promise<{ cluster: Cluster; producer: Producer }> {
  const cluster = await createCluster({ brokers: 1, clock: 'virtual', cleanerIntervalMs: 0 });
  await cluster.admin().createTopics({ topics: [{ topic: 't', numPartitions: 1, configEntries: Object.entries(config).map(([name, value]) => ({ name, value })) }] });
  const producer = cluster.producer();
  await producer.connect();
  return { cluster, producer };
}

export async function main(args: string[]): Promise<void> {
  const N = Number(args[0] ?? 1_000_000);
  const rows: [string, string, string][] = [];

  // Append (five runs, median; the machine is shared, so the spread is printed too).
  const appendRates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const { producer, cluster } = await fresh();
    appendRates.push(N / ((await fill(producer, 't', N)) / 1000));
    await cluster.close();
  }
  rows.push(['in-memory append (keyed, murmur2 partitioner, 100-byte values, batches of 1,000)', `${fmt(median(appendRates))} records/s (min ${fmt(Math.min(...appendRates))}, max ${fmt(Math.max(...appendRates))})`, '≥ 1,000,000']);

  // Heap held by N records.
  // Record bytes live in ArrayBuffers, which V8 counts outside heapUsed: count both.
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  gc();
  const heap0 = used();
  const { cluster, producer } = await fresh();
  await fill(producer, 't', N);
  gc();
  const heap = used() - heap0;
  const payload = N * (100 + `key-${KEYS - 1}`.length);
  rows.push([`heap + array buffers for ${fmt(N)} records in memory`, `${(heap / 2 ** 20).toFixed(1)} MiB (${(heap / payload).toFixed(2)}× key+value bytes)`, '≤ 160 MB, ≤ 1.5×']);

  // Sequential consume through the kafkajs-shaped consumer (eachBatch).
  const consumeRates: number[] = [];
  for (let run = 0; run < 3; run++) {
    const consumer = cluster.consumer({ groupId: `bench-${run}` });
    await consumer.connect();
    await consumer.subscribe({ topic: 't', fromBeginning: true });
    let seen = 0;
    const t0 = performance.now();
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
      },
    });
    // The group's join and the consumer's polls run on the virtual clock: it moves while we wait.
    while (seen < N) await cluster.advance(10);
    consumeRates.push(N / ((performance.now() - t0) / 1000));
    await consumer.disconnect();
  }
  rows.push(['sequential consume from memory (eachBatch)', `${fmt(median(consumeRates))} records/s`, '≥ 1,000,000']);

  // One key's events (N / KEYS of them) out of the N-record partition.
  const store = cluster.eventStore('t');
  let t0 = performance.now();
  await store.read('key-0');
  const indexMs = performance.now() - t0;
  const reads: number[] = [];
  for (let i = 1; i <= 21; i++) {
    t0 = performance.now();
    const evs = await store.read(`key-${i * 37}`);
    reads.push(performance.now() - t0);
    if (evs.length !== N / KEYS) throw new Error(`expected ${N / KEYS} events, got ${evs.length}`);
  }
  rows.push([`read one key's ${N / KEYS} events of ${fmt(N)} (index built once: ${indexMs.toFixed(0)} ms)`, `${median(reads).toFixed(2)} ms (median of 21)`, '≤ 5 ms']);
  await cluster.close();

  // A compaction pass over N records with KEYS keys.
  const c = await fresh({ 'cleanup.policy': 'compact', 'min.cleanable.dirty.ratio': '0.01' });
  await fill(c.producer, 't', N);
  const log = c.cluster.engine.log('t', 0);
  t0 = performance.now();
  const report = await c.cluster.admin().runCleaner();
  const compactMs = performance.now() - t0;
  rows.push([`compaction pass, ${fmt(N)} records, ${fmt(KEYS)} keys (${fmt(report.recordsRemoved)} removed, ${log.segments.length} segments left)`, `${(compactMs / 1000).toFixed(2)} s`, '≤ 2 s']);
  await c.cluster.close();

  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length)), 12];
  console.log(`| ${'benchmark'.padEnd(w[0]!)} | ${'result'.padEnd(w[1]!)} | target |`);
  console.log(`| ${'-'.repeat(w[0]!)} | ${'-'.repeat(w[1]!)} | ------ |`);
  for (const r of rows) console.log(`| ${r[0].padEnd(w[0]!)} | ${r[1].padEnd(w[1]!)} | ${r[2]} |`);
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
}
