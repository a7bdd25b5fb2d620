// Differential test of a consumer group's offsets: seeded cases run the same kafkajs calls on a
// real Kafka 4.4 (through kafkajs) and on the engine. Records are written to each partition; a
// first consumer of the group commits chosen offsets (on some partitions, none on others), and
// leaves; a second consumer of the group subscribes with `fromBeginning` true or false, and
// once it has its positions more records arrive. Compared: the offsets the group has committed
// after the first consumer (-1 where it committed none), where the second consumer starts on
// each partition (the committed offset; else the log start with fromBeginning, the log end
// without), every offset it receives, and what the group has committed when it leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { kafkaSingle } from '../../lib/testing/realKafka';
import type { Cluster } from '../index';
import { RUN, createRealTopics, engineCluster, realKafka, realProducer, waitFor } from '../testing/kafkaDiff';
import { engineSide, kafkaSide, type Side } from '../testing/groupSides';

const SEED = 4;
const CASES = 12;

interface OffsetCase {
  partitions: number;
  /** Records on each partition before any consumer. */
  before: number[];
  /** What the first consumer commits per partition (null: nothing); no first consumer when all null. */
  commits: (number | null)[];
  fromBeginning: boolean;
  /** Records on each partition once the second consumer has its positions (at least one each). */
  after: number[];
}

function cases(seed: number): OffsetCase[] {
  const rng = createRng(seed);
  return Array.from({ length: CASES }, (_, i) => {
    const partitions = 1 + rng.int(4);
    const before = Array.from({ length: partitions }, () => rng.int(12));
    // Every combination of (committed or not) × (fromBeginning or not) appears three times.
    const committing = i % 2 === 0;
    const commits = before.map((n) => (committing && rng.chance(0.7) ? rng.int(n + 1) : null));
    return { partitions, before, commits, fromBeginning: i % 4 < 2, after: Array.from({ length: partitions }, () => 1 + rng.int(5)) };
  });
}

interface Outcome {
  committedByFirst: string[];
  firstOffsetReceived: number[];
  received: number[][];
  committedAtEnd: string[];
}

async function committed(side: Side, groupId: string, topic: string): Promise<string[]> {
  const [t] = await side.admin.fetchOffsets({ groupId, topics: [topic] });
  return [...(t?.partitions ?? [])].sort((a, b) => a.partition - b.partition).map((p) => p.offset);
}

async function runCase(side: Side, c: OffsetCase, i: number): Promise<Outcome> {
  const topic = `consumer-offsets-${RUN}-${i}`;
  const groupId = `consumer-offsets-g-${RUN}-${i}`;
  await side.createTopic(topic, c.partitions);
  const producer = side.producer();
  await producer.connect();
  const write = (counts: number[], label: string) =>
    producer.sendBatch({ topicMessages: [{ topic, messages: counts.flatMap((n, partition) => Array.from({ length: n }, (_, k) => ({ value: `${label}-${partition}-${k}`, partition }))) }] });
  await write(c.before, 'before');

  if (c.commits.some((o) => o !== null)) {
    const first = side.consumer({ groupId });
    await first.connect();
    await first.subscribe({ topics: [topic], fromBeginning: true });
    await first.run({ autoCommit: false, eachBatch: async () => undefined });
    await first.joined();
    await first.commitOffsets(c.commits.flatMap((offset, partition) => (offset === null ? [] : [{ topic, partition, offset: String(offset) }])));
    await first.disconnect();
  }
  const committedByFirst = await committed(side, groupId, topic);

  const received: number[][] = Array.from({ length: c.partitions }, () => []);
  const second = side.consumer({ groupId });
  await second.connect();
  await second.subscribe({ topics: [topic], fromBeginning: c.fromBeginning });
  await second.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) received[batch.partition]!.push(Number(m.offset));
    },
  });
  await second.positioned(topic, c.partitions);
  await write(c.after, 'after');
  const ends = c.before.map((n, p) => n + c.after[p]!);
  await waitFor(() => received.every((r, p) => r.at(-1) === ends[p]! - 1), `${side.name}: case ${i}'s consumer to read every partition to its end`);
  await second.disconnect();
  await producer.disconnect();
  return { committedByFirst, firstOffsetReceived: received.map((r) => r[0]!), received, committedAtEnd: await committed(side, groupId, topic) };
}

let cluster: Cluster;
const kafka = realKafka(kafkaSingle());
const realAdmin = kafka.admin();

beforeAll(async () => {
  cluster = await engineCluster();
  await realAdmin.connect();
});
afterAll(async () => {
  await realAdmin.disconnect();
  await cluster.close();
});

describe(`committed offsets and fromBeginning vs latest on Kafka 4.4 and the engine (${CASES} seeded cases)`, () => {
  it('the same committed offsets, the same first offset per partition and the same records received', async () => {
    const real = kafkaSide(kafka, realAdmin, (admin, topic, numPartitions) => createRealTopics(admin, [{ topic, numPartitions }]), realProducer);
    const ours = engineSide(cluster);
    const differing: unknown[] = [];
    const seen = { committedStart: 0, earliest: 0, latest: 0 };
    for (const [i, c] of cases(SEED).entries()) {
      const [a, b] = await Promise.all([runCase(real, c, i), runCase(ours, c, i)]);
      if (JSON.stringify(a) !== JSON.stringify(b)) differing.push({ case: i, input: c, kafka: a, engine: b });
      // What the cases exercised on Kafka: starts at a committed offset, at the log start, at the log end.
      for (let p = 0; p < c.partitions; p++) {
        if (c.commits[p] !== null) seen.committedStart++;
        else if (a.firstOffsetReceived[p] === 0 && c.fromBeginning) seen.earliest++;
        else if (a.firstOffsetReceived[p] === c.before[p]) seen.latest++;
      }
    }
    console.log(`consumer offsets: ${CASES} cases, partitions starting at a committed offset ${seen.committedStart}, at the log start ${seen.earliest}, at the log end ${seen.latest}`);
    expect(differing.slice(0, 2)).toEqual([]);
    expect(Math.min(seen.committedStart, seen.earliest, seen.latest)).toBeGreaterThan(2);
  });
});
