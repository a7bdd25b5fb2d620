// Differential test of keyed placement: 10,000 random keys (strings with non-ASCII text and
// byte keys) are produced to a real Kafka 4.4 broker (kafkajs with the Java-compatible
// partitioner, as exported services use) and to the engine, for several partition counts, and
// every record must land in the same partition at the same offset on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { kafkaSingle } from '../../lib/testing/realKafka';
import type { Cluster } from '../index';
import { RUN, createRealTopics, drain, engineCluster, realKafka, realProducer, type ConsumerLike } from '../testing/kafkaDiff';

const KEYS = 10_000;
const PARTITION_COUNTS = [1, 3, 7, 16];
const CHUNK = 500;

function randomKeys(seed: number): (string | Buffer)[] {
  const rng = createRng(seed);
  return Array.from({ length: KEYS }, (_, i) => {
    if (i % 2 === 1) return Buffer.from(Array.from({ length: 1 + rng.int(40) }, () => rng.int(256)));
    let s = '';
    const len = rng.int(30);
    for (let j = 0; j < len; j++) s += String.fromCodePoint(rng.chance(0.85) ? 33 + rng.int(94) : rng.pick([0xe9, 0x4e2d, 0x1f600, 0x3b1]));
    return s;
  });
}

const keys = randomKeys(4);
const topicFor = (n: number) => `placement-${n}-${RUN}`;
let cluster: Cluster;
const kafka = realKafka(kafkaSingle());

beforeAll(async () => {
  cluster = await engineCluster();
});
afterAll(async () => {
  await cluster.close();
});

describe(`keyed placement of ${KEYS.toLocaleString('en')} random keys on Kafka 4.4 and the engine`, () => {
  it(`same partition and offset for every record with ${PARTITION_COUNTS.join(', ')} partitions (${(KEYS * PARTITION_COUNTS.length).toLocaleString('en')} records each side)`, async () => {
    const admin = kafka.admin();
    await admin.connect();
    await createRealTopics(admin, PARTITION_COUNTS.map((n) => ({ topic: topicFor(n), numPartitions: n })));
    await admin.disconnect();
    await cluster.admin().createTopics({ topics: PARTITION_COUNTS.map((n) => ({ topic: topicFor(n), numPartitions: n })) });

    const real = realProducer(kafka);
    const ours = cluster.producer();
    await real.connect();
    await ours.connect();
    for (const n of PARTITION_COUNTS) {
      for (let i = 0; i < KEYS; i += CHUNK) {
        const messages = keys.slice(i, i + CHUNK).map((key, j) => ({ key, value: String(i + j) }));
        await real.send({ topic: topicFor(n), messages });
        await ours.send({ topic: topicFor(n), messages });
      }
    }
    await real.disconnect();
    await ours.disconnect();

    const topics = PARTITION_COUNTS.map(topicFor);
    const total = KEYS * PARTITION_COUNTS.length;
    const onKafka = await drain(kafka.consumer({ groupId: `placement-${RUN}` }) as unknown as ConsumerLike, topics, total);
    const onEngine = await drain(cluster.consumer({ groupId: `placement-${RUN}` }) as unknown as ConsumerLike, topics, total);
    expect(onKafka).toHaveLength(total);
    expect(onEngine).toHaveLength(total);
    const place = (r: { topic: string; partition: number; offset: number; key: string | null; value: string | null }) => `${r.topic} ${r.partition} ${r.offset} ${r.key} ${r.value}`;
    const differing = onKafka.map(place).filter((p, i) => p !== place(onEngine[i]!));
    expect(differing.slice(0, 5)).toEqual([]);
    // Not a vacuous match: the keys spread over every partition.
    expect(new Set(onKafka.filter((r) => r.topic === topicFor(16)).map((r) => r.partition)).size).toBe(16);
  });
});
