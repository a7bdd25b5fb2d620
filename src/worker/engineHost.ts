// The engine as the worker hosts it: the protocol's methods over one cluster. Kept apart from
// the worker entry so it can be tested in Node without a Worker.
import { createCluster, IllegalStateError, toKafkaMessage, type Cluster, type KafkaMessage } from '../engine/index';
import type { EngineWorkerApi, OpenOptions } from './protocol';
import { setOwn } from '../lib/ownKey';

/** Plain Uint8Arrays clone across the worker boundary; the Buffer-like subclass would not. */
function plain(m: KafkaMessage): KafkaMessage {
  const headers: KafkaMessage['headers'] = {};
  for (const [k, v] of Object.entries(m.headers)) setOwn(headers, k, Array.isArray(v) ? v.map((x) => new Uint8Array(x)) : v && new Uint8Array(v));
  return { ...m, key: m.key && new Uint8Array(m.key), value: m.value && new Uint8Array(m.value), headers };
}

/** How much simulated time consume() on a virtual clock waits for its records. */
const CONSUME_VIRTUAL_LIMIT_MS = 60_000;

export function createEngineHost(env: { indexedDB?: IDBFactory } = {}): EngineWorkerApi {
  let cluster: Cluster | undefined;
  const need = (): Cluster => {
    if (!cluster) throw new IllegalStateError('The engine is not open: call open() first.');
    return cluster;
  };
  return {
    async open(o: OpenOptions) {
      if (cluster) await cluster.close();
      const factory = env.indexedDB ?? globalThis.indexedDB;
      cluster = await createCluster({
        ...(o.brokers ? { brokers: o.brokers } : {}),
        ...(o.clock ? { clock: o.clock } : {}),
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        storage: o.storage === 'memory' ? 'memory' : { indexedDB: factory, name: o.storage.name, ...(o.storage.durability ? { durability: o.storage.durability } : {}) },
      });
    },
    createTopics: (topics) => need().admin().createTopics({ topics }),
    listTopics: () => need().admin().listTopics(),
    async send(topic, messages, acks) {
      const producer = need().producer();
      await producer.connect();
      return producer.send({ topic, messages, ...(acks === undefined ? {} : { acks }) });
    },
    async fetchTopicOffsets(topic) {
      return (await need().admin().fetchTopicOffsets(topic)).map(({ partition, low, high }) => ({ partition, low, high }));
    },
    async fetchOffsets(groupId, topic) {
      const [t] = await need().admin().fetchOffsets({ groupId, topics: [topic] });
      return (t?.partitions ?? []).map(({ partition, offset }) => ({ partition, offset }));
    },
    async consume({ groupId, topic, fromBeginning, count }) {
      const consumer = need().consumer({ groupId });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: fromBeginning ?? true });
      const got: KafkaMessage[] = [];
      let finished = false;
      const done = new Promise<void>((resolve, reject) => {
        consumer.on('consumer.crash', ({ error }) => reject(error instanceof Error ? error : new Error(String(error))));
        if (count <= 0) return resolve();
        void consumer.run({
          eachMessage: async ({ message }) => {
            if (got.length >= count) return;
            // Plain Uint8Arrays clone across the boundary; the Buffer-like subclass would not.
            got.push(plain(message));
            if (got.length === count) resolve();
          },
        });
      });
      void done.then(
        () => (finished = true),
        () => (finished = true),
      );
      // On a virtual clock the consumer polls only while time moves: move it until the records are in.
      const cluster = need();
      if (cluster.clock.kind === 'virtual') for (let t = 0; !finished && t < CONSUME_VIRTUAL_LIMIT_MS; t += 100) await cluster.advance(100);
      await done;
      await consumer.disconnect();
      return got;
    },
    async read(topic, partition, offset, maxRecords) {
      const log = need().engine.log(topic, partition);
      const out: KafkaMessage[] = [];
      for (let at = Number(offset); out.length < maxRecords && at < log.highWatermark; ) {
        const recs = await log.read(at, { maxRecords: maxRecords - out.length });
        if (recs.length === 0) break;
        for (const r of recs) out.push(plain(toKafkaMessage(r)));
        at = recs[recs.length - 1]!.offset + 1;
      }
      return out;
    },
    runCleaner: () => need().admin().runCleaner(),
    async heapUsed() {
      const mem = (globalThis.performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return mem ? mem.usedJSHeapSize : null;
    },
    async close() {
      await cluster?.close();
      cluster = undefined;
    },
  };
}
