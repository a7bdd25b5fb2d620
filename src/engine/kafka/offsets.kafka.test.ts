// Differential test of offsets: seeded random produce batches (explicit partitions and keys,
// out-of-order CreateTime timestamps, single sends and multi-topic sendBatch) go to a real
// Kafka 4.4 and to the engine; every send's base offsets, then the high watermarks, log start
// offsets and ListOffsets by timestamp (earliest, latest, before, between, on and after the
// records' times), and the same after deleteRecords, must match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { kafkaSingle } from '../../lib/testing/realKafka';
import type { Cluster } from '../index';
import { RUN, createRealTopics, engineCluster, realKafka, realProducer } from '../testing/kafkaDiff';

const SEED = 7;
const ROUNDS = 40;
// Record times start an hour ago: older ones would fall to Kafka's 7-day retention.ms, which
// its retention check (every 5 minutes) applies whenever it happens to run.
const T0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
const topics = [`offsets-a-${RUN}`, `offsets-b-${RUN}`];
const PARTITIONS = 4;

interface Msg {
  key?: string;
  value: string;
  partition?: number;
  timestamp: string;
}

/** One round: a send to one topic, or a sendBatch over both. */
function rounds(seed: number): { topicMessages: { topic: string; messages: Msg[] }[] }[] {
  const rng = createRng(seed);
  let clock = T0;
  const batch = (): Msg[] =>
    Array.from({ length: 1 + rng.int(rng.chance(0.2) ? 200 : 20) }, (_, i) => {
      clock += rng.int(1000);
      // Producers' clocks disagree: now and then a record is stamped earlier than the last one.
      const timestamp = String(rng.chance(0.15) ? clock - rng.int(20_000) : clock);
      const m: Msg = { value: `v${i}-${rng.int(1e6)}`, timestamp };
      if (rng.chance(0.5)) m.partition = rng.int(PARTITIONS);
      else m.key = `k${rng.int(50)}`;
      return m;
    });
  return Array.from({ length: ROUNDS }, () =>
    rng.chance(0.3) ? { topicMessages: topics.map((topic) => ({ topic, messages: batch() })) } : { topicMessages: [{ topic: rng.pick(topics), messages: batch() }] },
  );
}

type Meta = { topicName: string; partition: number; errorCode: number; baseOffset: string; logAppendTime: string };
const metaOf = (ms: Meta[]) =>
  ms.map((m) => ({ topic: m.topicName, partition: m.partition, errorCode: m.errorCode, baseOffset: m.baseOffset, logAppendTime: m.logAppendTime })).sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));

let cluster: Cluster;
const kafka = realKafka(kafkaSingle());
const plan = rounds(SEED);
const stamps = [...new Set(plan.flatMap((r) => r.topicMessages.flatMap((t) => t.messages.map((m) => Number(m.timestamp)))))].sort((a, b) => a - b);
// Probe before, on, just after and between the records' times, and far after them.
const probes = [T0 - 60_000, ...stamps.filter((_, i) => i % 7 === 0).flatMap((t) => [t, t + 1]), stamps.at(-1)! + 1, stamps.at(-1)! + 3_600_000];

beforeAll(async () => {
  cluster = await engineCluster();
});
afterAll(async () => {
  await cluster.close();
});

describe(`offsets after ${ROUNDS} seeded random produce rounds on Kafka 4.4 and the engine`, () => {
  const realAdmin = kafka.admin();
  const ourAdmin = () => cluster.admin();

  it('the same base offset for every partition of every send', async () => {
    await realAdmin.connect();
    await createRealTopics(realAdmin, topics.map((topic) => ({ topic, numPartitions: PARTITIONS })));
    await ourAdmin().createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS })) });
    const real = realProducer(kafka);
    const ours = cluster.producer();
    await real.connect();
    await ours.connect();
    const differing: unknown[] = [];
    for (const [i, round] of plan.entries()) {
      const [a, b] =
        round.topicMessages.length === 1
          ? [await real.send({ topic: round.topicMessages[0]!.topic, messages: round.topicMessages[0]!.messages }), await ours.send({ topic: round.topicMessages[0]!.topic, messages: round.topicMessages[0]!.messages })]
          : [await real.sendBatch({ topicMessages: round.topicMessages }), await ours.sendBatch({ topicMessages: round.topicMessages })];
      if (JSON.stringify(metaOf(a as Meta[])) !== JSON.stringify(metaOf(b as Meta[]))) differing.push({ round: i, kafka: metaOf(a as Meta[]), engine: metaOf(b as Meta[]) });
    }
    await real.disconnect();
    await ours.disconnect();
    expect(differing.length, JSON.stringify(differing[0])).toBe(0);
  });

  it('the same high watermarks and log start offsets (ListOffsets latest and earliest)', async () => {
    for (const topic of topics) {
      const a = await realAdmin.fetchTopicOffsets(topic);
      const b = await ourAdmin().fetchTopicOffsets(topic);
      expect(b.sort((x, y) => x.partition - y.partition)).toEqual(a.sort((x, y) => x.partition - y.partition));
      expect(a.some((p) => Number(p.high) > 0)).toBe(true);
    }
  });

  it(`the same offsets by timestamp for ${probes.length} times per topic (ListOffsets by time)`, async () => {
    const differing: unknown[] = [];
    for (const topic of topics) {
      for (const t of [undefined, ...probes]) {
        const a = (await realAdmin.fetchTopicOffsetsByTimestamp(topic, t)).sort((x, y) => x.partition - y.partition);
        const b = (await ourAdmin().fetchTopicOffsetsByTimestamp(topic, t)).sort((x, y) => x.partition - y.partition);
        if (JSON.stringify(a) !== JSON.stringify(b)) differing.push({ topic, timestamp: t, kafka: a, engine: b });
      }
    }
    expect(differing.slice(0, 3)).toEqual([]);
  });

  it('the same earliest offsets and offsets by time after deleteRecords', async () => {
    const topic = topics[0]!;
    const before = await realAdmin.fetchTopicOffsets(topic);
    const cut = before.filter((p) => Number(p.high) > 2).map((p) => ({ partition: p.partition, offset: String(Math.floor(Number(p.high) / 2)) }));
    await realAdmin.deleteTopicRecords({ topic, partitions: cut });
    await ourAdmin().deleteRecords({ topic, partitions: cut });
    const a = (await realAdmin.fetchTopicOffsets(topic)).sort((x, y) => x.partition - y.partition);
    const b = (await ourAdmin().fetchTopicOffsets(topic)).sort((x, y) => x.partition - y.partition);
    expect(b).toEqual(a);
    for (const t of probes.slice(0, 10)) {
      const byPartition = (x: { partition: number }, y: { partition: number }) => x.partition - y.partition;
      expect((await ourAdmin().fetchTopicOffsetsByTimestamp(topic, t)).sort(byPartition), `timestamp ${t}`).toEqual((await realAdmin.fetchTopicOffsetsByTimestamp(topic, t)).sort(byPartition));
    }
    await realAdmin.disconnect();
  });
});
