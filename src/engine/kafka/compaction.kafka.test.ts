// Differential test of compaction: the same seeded keyed records and tombstones go to a
// compacted topic on a real Kafka 4.4 and on the engine; Kafka's cleaner is made to run
// (segment.ms and min.cleanable.dirty.ratio small, a sentinel record appended after segment.ms
// to roll the active segment; the test brokers' cleaner checks every 200 ms), the engine's by
// admin.runCleaner() (the engine's manual pass, a documented departure). Afterwards both logs
// must hold the same offsets, keys, values and tombstones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { kafkaSingle } from '../../lib/testing/realKafka';
import type { Cluster } from '../index';
import { RUN, createRealTopics, drain, engineCluster, realKafka, realProducer, sleep, type ConsumedRecord, type ConsumerLike } from '../testing/kafkaDiff';

const SEED = 5;
const RECORDS = 400;
const KEYS = 40;
const TOPIC = `compaction-${RUN}`;
const CONFIG = [
  { name: 'cleanup.policy', value: 'compact' },
  { name: 'segment.ms', value: '100' },
  { name: 'min.cleanable.dirty.ratio', value: '0.01' },
];

const kafka = realKafka(kafkaSingle());
let cluster: Cluster;

beforeAll(async () => {
  cluster = await engineCluster();
});
afterAll(async () => {
  await cluster.close();
});

function batches(seed: number): { key: string; value: string | null }[][] {
  const rng = createRng(seed);
  const out: { key: string; value: string | null }[][] = [];
  let made = 0;
  while (made < RECORDS) {
    const n = Math.min(RECORDS - made, 1 + rng.int(40));
    out.push(Array.from({ length: n }, (_, i) => ({ key: `key-${rng.int(KEYS)}`, value: rng.chance(0.12) ? null : `v${made + i}` })));
    made += n;
  }
  return out;
}

const shape = (rs: ConsumedRecord[]) => rs.map((r) => ({ offset: r.offset, key: r.key, value: r.value }));

describe(`compaction of ${RECORDS} seeded records over ${KEYS} keys, with tombstones, on Kafka 4.4 and the engine`, () => {
  it('the same surviving offsets, keys, values and tombstones after a cleaner pass', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await createRealTopics(admin, [{ topic: TOPIC, numPartitions: 1, configEntries: CONFIG }]);
    await admin.disconnect();
    await cluster.admin().createTopics({ topics: [{ topic: TOPIC, numPartitions: 1, configEntries: CONFIG }] });

    const real = realProducer(kafka);
    const ours = cluster.producer();
    await real.connect();
    await ours.connect();
    for (const messages of batches(SEED)) {
      await real.send({ topic: TOPIC, messages });
      await ours.send({ topic: TOPIC, messages });
    }
    // Past segment.ms, the sentinel's append rolls the active segment: everything before it
    // becomes cleanable.
    await sleep(300);
    await real.send({ topic: TOPIC, messages: [{ key: 'sentinel', value: 'roll' }] });
    await ours.send({ topic: TOPIC, messages: [{ key: 'sentinel', value: 'roll' }] });
    await real.disconnect();
    await ours.disconnect();
    await cluster.admin().runCleaner();

    const total = RECORDS + 1;
    let onKafka: ConsumedRecord[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      await sleep(1000);
      onKafka = await drain(kafka.consumer({ groupId: `compaction-${RUN}-${attempt}` }) as unknown as ConsumerLike, [TOPIC], total, 15_000);
      if (onKafka.length > 0 && onKafka.length < total) break; // the cleaner has run
    }
    // Read as a consumer reads it: every surviving record once, across the gaps compaction left.
    const onEngine = await drain(cluster.consumer({ groupId: `compaction-${RUN}` }) as unknown as ConsumerLike, [TOPIC], total, 3000);
    expect(onKafka.length, "Kafka's cleaner compacted the topic").toBeLessThan(total);
    expect(onKafka.length).toBeGreaterThan(KEYS / 2);
    expect(shape(onEngine)).toEqual(shape(onKafka));
    // Tombstones of keys whose last word was a delete survive the first pass on both.
    expect(onKafka.some((r) => r.value === null)).toBe(true);
  });
});
