// Consumer-group behaviours Kafka defines, each pinned by name: join/sync and generations,
// rebalances on join / leave / crash / poll timeout / subscription change / partition increase,
// eager vs cooperative revocation, offsets and auto.offset.reset, at-least-once redelivery, lag.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';
import type { ClusterSim } from '../replication/clusterSim';
import { send } from '../replication/testing';
import type { MemberOptions } from './types';

async function setup(partitions = 6, groupOptions = {}) {
  const cluster = await createCluster({
    brokers: 3,
    seed: 3,
    clock: 'virtual',
    cleanerIntervalMs: 0,
    virtualStallMs: 0,
    replication: { autoLeaderRebalance: false },
    groups: { initialRebalanceDelayMs: 100, lagSampleIntervalMs: 500, lagSamplesKept: 20, ...groupOptions },
  });
  await cluster.engine.createTopic('orders', partitions, [], 3);
  // Fetches of resident records answer at once: the replicated cluster's own clock drives the groups.
  return { sim: cluster.replication, groups: cluster.groups, cluster };
}

const member = (extra: Partial<MemberOptions> = {}): MemberOptions => ({
  groupId: 'g',
  topics: ['orders'],
  autoOffsetReset: 'earliest',
  sessionTimeoutMs: 10_000,
  heartbeatIntervalMs: 1_000,
  ...extra,
});

function produceEach(sim: ClusterSim, partitions: number, n: number): void {
  for (let p = 0; p < partitions; p++) send(sim, 'orders', p, 1, n);
}

describe('join and sync (Kafka group protocol)', () => {
  it('three members get the range assignment in generation 1 and consume every record once', async () => {
    const { sim, groups } = await setup();
    const ids = [groups.addMember(member()), groups.addMember(member()), groups.addMember(member())];
    sim.advance(200);
    const g = groups.snapshot()[0]!;
    expect(g).toMatchObject({ state: 'Stable', generation: 1, protocol: 'eager', assignor: 'range' });
    expect(g.members.map((m) => m.assignment)).toEqual([['orders-0', 'orders-1'], ['orders-2', 'orders-3'], ['orders-4', 'orders-5']]);
    expect(ids).toHaveLength(3);
    produceEach(sim, 6, 10);
    sim.advance(500);
    expect(sim.snapshot().counters).toMatchObject({ consumed: 60, duplicated: 0 });
  });

  it('group.initial.rebalance.delay.ms lets members arriving together land in one generation', async () => {
    const { sim, groups } = await setup(6, { initialRebalanceDelayMs: 3_000 });
    groups.addMember(member());
    sim.advance(1_000);
    groups.addMember(member());
    sim.advance(2_100);
    expect(groups.snapshot()[0]).toMatchObject({ state: 'Stable', generation: 1 });
  });
});

describe('rebalance triggers', () => {
  it('a joining member triggers a rebalance and a new generation', async () => {
    const { sim, groups } = await setup();
    groups.addMember(member());
    sim.advance(200);
    groups.addMember(member());
    sim.advance(1_100); // the first member learns of the rebalance from its next heartbeat
    const g = groups.snapshot()[0]!;
    expect(g.generation).toBe(2);
    expect(g.members.map((m) => m.assignment.length)).toEqual([3, 3]);
  });

  it('a crashed member is removed after session.timeout.ms and its uncommitted records are delivered again (at-least-once)', async () => {
    const { sim, groups } = await setup(2);
    const a = groups.addMember(member({ autoCommitIntervalMs: 60_000 }));
    groups.addMember(member({ autoCommitIntervalMs: 60_000 }));
    sim.advance(200);
    produceEach(sim, 2, 20);
    sim.advance(200);
    expect(sim.snapshot().counters.consumed).toBe(40);
    groups.crashMember(a);
    sim.advance(9_000);
    expect(groups.snapshot()[0]!.members).toHaveLength(2);
    sim.advance(2_000);
    const g = groups.snapshot()[0]!;
    expect(g.members).toHaveLength(1);
    expect(g.members[0]!.assignment).toEqual(['orders-0', 'orders-1']);
    expect(sim.events().some((e) => e.type === 'member-expired' && e.member === a)).toBe(true);
    // The crashed member never committed: the survivor re-reads its 20 records.
    expect(sim.snapshot().counters.duplicated).toBe(20);
    expect(sim.core.ledger.duplicates[0]).toMatchObject({ group: 'g', topic: 'orders', offset: 0 });
  });

  it('a graceful close with auto-commit commits first: nothing is delivered twice', async () => {
    const { sim, groups } = await setup(2);
    const a = groups.addMember(member({ autoCommitIntervalMs: 60_000 }));
    groups.addMember(member({ autoCommitIntervalMs: 60_000 }));
    sim.advance(200);
    produceEach(sim, 2, 20);
    sim.advance(200);
    groups.closeMember(a);
    sim.advance(2_000);
    expect(groups.snapshot()[0]!.members).toHaveLength(1);
    expect(sim.snapshot().counters.duplicated).toBe(0);
  });

  it('manual commit mode without commits: a close hands uncommitted records to the next owner again', async () => {
    const { sim, groups } = await setup(1);
    const a = groups.addMember(member({ commitMode: 'manual' }));
    groups.addMember(member({ commitMode: 'manual' }));
    sim.advance(200);
    send(sim, 'orders', 0, 1, 10);
    sim.advance(200);
    const owner = groups.snapshot()[0]!.members.find((m) => m.assignment.length > 0)!.id;
    groups.closeMember(owner === a ? a : owner);
    sim.advance(2_000);
    expect(sim.snapshot().counters.duplicated).toBe(10);
  });

  it('commitSync after processing: the new owner starts at the committed offset (the next offset to read)', async () => {
    const { sim, groups } = await setup(1);
    const a = groups.addMember(member({ commitMode: 'manual' }));
    sim.advance(200);
    send(sim, 'orders', 0, 1, 10);
    sim.advance(200);
    expect(groups.commitSync(a)).toBe(true);
    expect(groups.snapshot()[0]!.committed['orders-0']).toBe(10);
    groups.addMember(member({ commitMode: 'manual' }));
    groups.closeMember(a);
    sim.advance(2_000);
    expect(sim.snapshot().counters.duplicated).toBe(0);
  });

  it('max.poll.interval.ms: a member stuck in processing leaves the group, and rejoins when it polls again', async () => {
    const { sim, groups } = await setup(2);
    const a = groups.addMember(member({ maxPollIntervalMs: 5_000 }));
    groups.addMember(member({ maxPollIntervalMs: 5_000 }));
    sim.advance(200);
    groups.stallMember(a, 8_000);
    sim.advance(7_000);
    expect(sim.events().some((e) => e.type === 'member-left' && e.member === a && e.reason === 'max.poll.interval.ms exceeded')).toBe(true);
    expect(groups.snapshot()[0]!.members).toHaveLength(1);
    sim.advance(3_000);
    expect(groups.snapshot()[0]!.members).toHaveLength(2);
  });

  it('a subscription change triggers a rebalance', async () => {
    const { sim, groups, cluster } = await setup(2);
    await cluster.engine.createTopic('payments', 2, [], 3);
    const a = groups.addMember(member());
    sim.advance(200);
    groups.subscribe(a, ['orders', 'payments']);
    sim.advance(200);
    const g = groups.snapshot()[0]!;
    expect(g.generation).toBe(2);
    expect(g.members[0]!.assignment).toHaveLength(4);
  });

  it('new partitions on a subscribed topic are noticed by the leader and assigned', async () => {
    const { sim, groups, cluster } = await setup(2);
    groups.addMember(member());
    sim.advance(200);
    await cluster.engine.addPartitions('orders', 4);
    sim.advance(200);
    expect(groups.snapshot()[0]!.members[0]!.assignment).toHaveLength(4);
  });
});

describe('static membership (KIP-345)', () => {
  it('a static member restarted within session.timeout.ms gets its partitions back without a rebalance', async () => {
    const { sim, groups } = await setup(4);
    const a = groups.addMember(member({ groupInstanceId: 'billing-a' }));
    groups.addMember(member({ groupInstanceId: 'billing-b' }));
    sim.advance(200);
    const before = groups.snapshot()[0]!;
    const mine = before.members.find((m) => m.id === a)!.assignment;
    const b = groups.restartMember(a);
    sim.advance(3_000);
    const after = groups.snapshot()[0]!;
    expect(after.generation).toBe(before.generation);
    expect(after.members.find((m) => m.id === b)!.assignment).toEqual(mine);
    expect(sim.events().filter((e) => e.type === 'rebalance-started')).toHaveLength(1);
  });

  it('a closed static member sends no LeaveGroup: the rebalance waits for session.timeout.ms', async () => {
    const { sim, groups } = await setup(4);
    const a = groups.addMember(member({ groupInstanceId: 'billing-a' }));
    groups.addMember(member({ groupInstanceId: 'billing-b' }));
    sim.advance(200);
    groups.closeMember(a);
    sim.advance(5_000);
    expect(groups.snapshot()[0]!.generation).toBe(1);
    sim.advance(7_000);
    const g = groups.snapshot()[0]!;
    expect(g.generation).toBe(2);
    expect(g.members).toHaveLength(1);
    expect(g.members[0]!.assignment).toHaveLength(4);
  });

  it('the same restart of a dynamic member costs a rebalance', async () => {
    const { sim, groups } = await setup(4);
    const a = groups.addMember(member());
    groups.addMember(member());
    sim.advance(200);
    groups.restartMember(a);
    sim.advance(3_000);
    expect(groups.snapshot()[0]!.generation).toBeGreaterThan(1);
  });
});

describe('eager vs cooperative (KIP-429)', () => {
  async function scale(assignor: 'sticky' | 'cooperative-sticky') {
    const { sim, groups } = await setup(12);
    groups.addMember(member({ assignor }));
    groups.addMember(member({ assignor }));
    sim.advance(200);
    groups.addMember(member({ assignor }));
    sim.advance(5_000);
    return { sim, groups, episode: groups.rebalances('g').at(-1)! };
  }

  it('eager revokes every partition; cooperative only moves the ones that change owner, in two rounds', async () => {
    const eager = await scale('sticky');
    const coop = await scale('cooperative-sticky');
    expect(eager.episode.protocol).toBe('eager');
    expect(eager.episode.pausedPartitions).toBe(12);
    expect(eager.episode.rounds).toBe(1);
    expect(coop.episode.protocol).toBe('cooperative');
    expect(coop.episode.pausedPartitions).toBe(4);
    expect(coop.episode.rounds).toBe(2);
    // Two rounds make each moved partition wait about a heartbeat, but far fewer partitions wait.
    // Eager stops the whole group for a while; cooperative never does.
    expect(eager.episode.stallMs).toBeGreaterThan(0);
    expect(coop.episode.stallMs).toBe(0);
    // Both end balanced, 4 partitions each.
    for (const r of [eager, coop]) expect(r.groups.snapshot()[0]!.members.map((m) => m.assignment.length)).toEqual([4, 4, 4]);
  });

  it('cooperative revocation lists are a subset of eager ones', async () => {
    const revoked = async (assignor: 'sticky' | 'cooperative-sticky') =>
      (await scale(assignor)).sim
        .events()
        .filter((e) => e.type === 'partitions-revoked')
        .flatMap((e) => (e.type === 'partitions-revoked' ? e.partitions : []));
    const eager = new Set(await revoked('sticky'));
    for (const p of await revoked('cooperative-sticky')) expect(eager.has(p)).toBe(true);
  });
});

describe('offsets and lag', () => {
  it.each([
    ['earliest', 10],
    ['latest', 0],
  ] as const)('auto.offset.reset=%s with no committed offset', async (reset, expected) => {
    const { sim, groups } = await setup(1);
    send(sim, 'orders', 0, 1, 10);
    sim.advance(200);
    groups.addMember(member({ autoOffsetReset: reset }));
    sim.advance(200);
    expect(sim.snapshot().counters.consumed).toBe(expected);
  });

  it('auto.offset.reset=none with no committed offset consumes nothing and reports NoOffsetForPartition', async () => {
    const { sim, groups } = await setup(1);
    send(sim, 'orders', 0, 1, 10);
    sim.advance(200);
    const a = groups.addMember(member({ autoOffsetReset: 'none' }));
    sim.advance(200);
    expect(sim.snapshot().counters.consumed).toBe(0);
    expect(groups.member(a).lastError).toBe('NO_OFFSET_FOR_PARTITION');
  });

  it('an async commit from a previous generation is rejected (CommitFailed)', async () => {
    const { sim, groups } = await setup(2, { asyncCommitDelayMs: 50 });
    const a = groups.addMember(member({ commitMode: 'manual' }));
    sim.advance(200);
    send(sim, 'orders', 0, 1, 5);
    sim.advance(200);
    groups.commitAsync(a);
    groups.addMember(member({ commitMode: 'manual' }));
    groups.subscribe(a, ['orders']); // rejoin now: the generation moves before the commit lands
    sim.advance(100);
    expect(groups.snapshot()[0]!.failedCommits).toBe(1);
  });

  it('lag = high watermark − committed offset, sampled into a bounded series', async () => {
    const { sim, groups } = await setup(1);
    groups.addMember(member({ commitMode: 'manual' }));
    sim.advance(200);
    send(sim, 'orders', 0, 1, 30);
    sim.advance(20_000);
    const g = groups.snapshot()[0]!;
    expect(g.lag['orders-0']).toBe(30);
    expect(g.totalLag).toBe(30);
    const series = groups.lagSeries('g');
    expect(series.samples.length).toBe(20);
    expect(series.samples.at(-1)!.perPartition).toEqual([30]);
  });
});
