// kafkajs-shaped consumers in multi-member groups, on the one group coordinator and member
// implementation: Kafka's assignors decide who reads what; eager rebalances revoke everything
// first, cooperative ones move only what changes owner (KIP-429); a leaving member's partitions
// go to the others; commits are generation-checked; offsets live in __consumer_offsets.
import { describe, expect, it } from 'vitest';
import { assignorFromName } from '../assignors';
import { createCluster, type Cluster, type Consumer, type KafkaMessage } from '../index';

async function setup(): Promise<Cluster> {
  const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0 });
  await cluster.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 4 }] });
  return cluster;
}

async function start(cluster: Cluster, assigner: string, seen: string[]): Promise<Consumer> {
  const c = cluster.consumer({ groupId: 'g', partitionAssigners: [assigner] });
  await c.connect();
  await c.subscribe({ topic: 'orders', fromBeginning: true });
  await c.run({ eachMessage: async ({ partition, message }: { partition: number; message: KafkaMessage }) => void seen.push(`${partition}:${message.offset}`) });
  return c;
}

/** Moves virtual time in 100 ms steps until `cond` (each advance lets the consumers' loops run). */
async function advanceUntil(cluster: Cluster, cond: () => boolean, what: string, maxMs = 60_000): Promise<void> {
  for (let t = 0; t < maxMs && !cond(); t += 100) await cluster.advance(100);
  if (!cond()) throw new Error(`Timed out waiting for ${what}`);
}

/** Each member's partitions, as the coordinator holds them now. */
const members = (cluster: Cluster): number[][] =>
  cluster.groups.snapshot().find((g) => g.groupId === 'g')?.members.map((m) => m.assignment.map((l) => Number(l.slice(l.lastIndexOf('-') + 1)))) ?? [];

describe('engine consumers in multi-member groups', () => {
  it('maps kafkajs and Java assignor names', () => {
    expect(['RoundRobinAssigner', 'range', 'StickyAssignor', 'cooperative-sticky', 'CooperativeStickyAssignor'].map(assignorFromName)).toEqual(['roundrobin', 'range', 'sticky', 'cooperative-sticky', 'cooperative-sticky']);
  });

  it('two consumers split the partitions (roundrobin); when one leaves the other takes them all', async () => {
    const cluster = await setup();
    const producer = cluster.producer();
    await producer.connect();
    const seen: string[] = [];
    const a = await start(cluster, 'roundrobin', seen);
    const b = await start(cluster, 'roundrobin', seen);
    await advanceUntil(cluster, () => members(cluster).length === 2 && members(cluster).every((x) => x.length === 2), 'balanced assignment');
    expect(members(cluster)).toEqual([[0, 2], [1, 3]]);
    expect((await cluster.admin().describeGroups(['g'])).groups[0]!.state).toBe('Stable');
    await producer.send({ topic: 'orders', messages: [0, 1, 2, 3].map((p) => ({ value: `v${p}`, partition: p })) });
    await advanceUntil(cluster, () => seen.length === 4, 'all four records');
    await b.disconnect();
    await advanceUntil(cluster, () => members(cluster).length === 1 && members(cluster)[0]!.length === 4, 'survivor owns everything');
    expect(seen.sort()).toEqual(['0:0', '1:0', '2:0', '3:0']);
    await a.disconnect();
    await cluster.close();
  });

  it('cooperative-sticky: a joining member takes partitions without the first one losing the rest (KIP-429)', async () => {
    const cluster = await setup();
    const seen: string[] = [];
    await start(cluster, 'cooperative-sticky', seen);
    await advanceUntil(cluster, () => members(cluster)[0]?.length === 4, 'first member owns all');
    const since = cluster.events().at(-1)?.seq ?? 0;
    await start(cluster, 'cooperative-sticky', seen);
    await advanceUntil(cluster, () => members(cluster)[1]?.length === 2, 'second round');
    expect(members(cluster)).toEqual([[0, 1], [2, 3]]);
    // Only the two partitions that moved were revoked from the first member (eager would revoke all four).
    const revoked = cluster.events(since).flatMap((e) => (e.type === 'partitions-revoked' ? e.partitions : []));
    expect(revoked.sort()).toEqual(['orders-2', 'orders-3']);
    await cluster.close();
  });

  it('snapshot() of a replicated cluster shows the group, its committed offsets and lag', async () => {
    const cluster = await createCluster({ brokers: 3, clock: 'virtual', cleanerIntervalMs: 0 });
    await cluster.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 2, replicationFactor: 3 }] });
    const producer = cluster.producer();
    await producer.connect();
    const sent = producer.send({ topic: 'orders', acks: 1, messages: [{ value: 'a', partition: 0 }, { value: 'b', partition: 1 }, { value: 'c', partition: 1 }] });
    await cluster.advance(20);
    await sent;
    const c = cluster.consumer({ groupId: 'billing' });
    await c.connect();
    await c.subscribe({ topic: 'orders', fromBeginning: true });
    const seen: string[] = [];
    await c.run({ eachMessage: async ({ message }: { message: KafkaMessage }) => void seen.push(String(message.value)) });
    await advanceUntil(cluster, () => seen.length === 3, 'three records');
    // Commits are acks=all writes to __consumer_offsets (3 replicas): time must move.
    let committed = false;
    const committing = c.commitOffsets([{ topic: 'orders', partition: 1, offset: '1' }]).then(() => (committed = true));
    await advanceUntil(cluster, () => committed, 'the commit');
    await committing;
    const g = cluster.snapshot().groups.find((x) => x.groupId === 'billing')!;
    expect(g.members).toHaveLength(1);
    expect(g.members[0]!.assignment).toEqual(['orders-0', 'orders-1']);
    // The explicit commit (1) may be followed by the consumer's own auto-commit (2).
    expect([1, 2]).toContain(g.committed['orders-1']);
    expect(g.lag['orders-1']).toBe(2 - g.committed['orders-1']!);
    expect(g.totalLag).toBe(g.lag['orders-0']! + g.lag['orders-1']!);
    let left = false;
    const leaving = c.disconnect().then(() => (left = true));
    await advanceUntil(cluster, () => left, 'the member to leave');
    await leaving;
    expect(cluster.snapshot().groups[0]!.members).toHaveLength(0);
    expect(cluster.events().some((e) => e.type === 'member-left')).toBe(true);
    await cluster.close();
  });
});

describe('consuming a compacted topic', () => {
  it('delivers each surviving record once: the position follows the records across compaction gaps', async () => {
    const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0 });
    await cluster.admin().createTopics({ topics: [{ topic: 'table', configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.bytes', value: '300' }, { name: 'min.cleanable.dirty.ratio', value: '0.01' }] }] });
    const producer = cluster.producer();
    await producer.connect();
    for (let i = 0; i < 60; i++) await producer.send({ topic: 'table', messages: [{ key: `k${i % 5}`, value: `v${i}` }] });
    await cluster.admin().runCleaner();
    const c = cluster.consumer({ groupId: 'reader' });
    await c.connect();
    await c.subscribe({ topic: 'table', fromBeginning: true });
    const offsets: number[] = [];
    await c.run({ eachMessage: async ({ message }: { message: KafkaMessage }) => void offsets.push(Number(message.offset)) });
    await advanceUntil(cluster, () => offsets.length > 0 && offsets.at(-1) === 59, 'the last record');
    await cluster.advance(2_000);
    expect(offsets.length).toBeLessThan(60);
    expect(new Set(offsets).size).toBe(offsets.length);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    await c.disconnect();
    await cluster.close();
  });
});
