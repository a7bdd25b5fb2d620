// Multi-member groups for the engine's kafkajs-shaped consumers (the GroupCoordinator seam):
// Kafka's assignors decide who reads what; eager rebalances revoke everything first, cooperative
// ones move only what changes owner; a leaving member's partitions go to the others.
import { describe, expect, it } from 'vitest';
import { createCluster, type Consumer, type KafkaMessage } from '../index';
import { assignorFromName } from './engineCoordinator';

async function setup() {
  const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0 });
  await cluster.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 4 }] });
  const producer = cluster.producer();
  await producer.connect();
  return { cluster, producer };
}

async function start(cluster: Awaited<ReturnType<typeof setup>>['cluster'], assigner: string, seen: string[]): Promise<Consumer> {
  const c = cluster.consumer({ groupId: 'g', partitionAssigners: [assigner] });
  await c.connect();
  await c.subscribe({ topic: 'orders', fromBeginning: true });
  await c.run({ eachMessage: async ({ partition, message }: { partition: number; message: KafkaMessage }) => void seen.push(`${partition}:${message.offset}`) });
  return c;
}

/** Moves virtual time in steps, letting the consumers' loops run between steps, until `cond`. */
async function advanceUntil(cluster: Awaited<ReturnType<typeof setup>>['cluster'], cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 40 && !cond(); i++) {
    await cluster.advance(1_000);
    for (let j = 0; j < 20; j++) await new Promise((r) => setTimeout(r, 0));
  }
  if (!cond()) throw new Error(`Timed out waiting for ${what}`);
}

const members = (cluster: Awaited<ReturnType<typeof setup>>['cluster']) => cluster.engine.coordinator.describe('g').members.map((m) => m.memberAssignment.flatMap((a) => a.partitions));

describe('engine consumers in multi-member groups', () => {
  it('maps kafkajs and Java assignor names', () => {
    expect(['RoundRobinAssigner', 'range', 'StickyAssignor', 'cooperative-sticky'].map(assignorFromName)).toEqual(['roundrobin', 'range', 'sticky', 'cooperative-sticky']);
  });

  it('two consumers split the partitions (roundrobin); when one leaves the other takes them all', async () => {
    const { cluster, producer } = await setup();
    const seen: string[] = [];
    const a = await start(cluster, 'roundrobin', seen);
    const b = await start(cluster, 'roundrobin', seen);
    // a's fetch loop notices the revocation at its next turn; the new assignment follows.
    await advanceUntil(cluster, () => members(cluster).every((m) => m.length === 2), 'balanced assignment');
    expect(members(cluster)).toEqual([[0, 2], [1, 3]]);
    expect(cluster.engine.coordinator.describe('g').state).toBe('Stable');
    await producer.send({ topic: 'orders', messages: [0, 1, 2, 3].map((p) => ({ value: `v${p}`, partition: p })) });
    await advanceUntil(cluster, () => seen.length === 4, 'all four records');
    await b.disconnect();
    await advanceUntil(cluster, () => members(cluster)[0]?.length === 4, 'survivor owns everything');
    await a.disconnect();
    await cluster.close();
  });

  it('cooperative-sticky: a joining member takes partitions without the first one losing the rest', async () => {
    const { cluster } = await setup();
    const seen: string[] = [];
    await start(cluster, 'cooperative-sticky', seen);
    expect(members(cluster)).toEqual([[0, 1, 2, 3]]);
    await start(cluster, 'cooperative-sticky', seen);
    // First round: the first member keeps two partitions and gives up the two that move.
    expect(members(cluster)).toEqual([[0, 1], []]);
    await advanceUntil(cluster, () => members(cluster)[1]?.length === 2, 'second round');
    expect(members(cluster)).toEqual([[0, 1], [2, 3]]);
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
    await advanceUntil(cluster as never, () => seen.length === 3, 'three records');
    // Offset commits are acks=all writes to __consumer_offsets (3 replicas): time must move.
    let committed = false;
    const committing = c.commitOffsets([{ topic: 'orders', partition: 1, offset: '1' }]).then(() => (committed = true));
    await advanceUntil(cluster as never, () => committed, 'the commit');
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
    await advanceUntil(cluster as never, () => left, 'the member to leave');
    await leaving;
    expect(cluster.snapshot().groups[0]!.members).toHaveLength(0);
    await cluster.close();
  });
});
