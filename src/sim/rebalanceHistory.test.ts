// Rebalance history from a running board: adding, crashing and removing instances give
// rebalances triggered by a join, a crash (noticed after session.timeout.ms) and a leave; every
// partition has one owner at a time; an eager rebalance moves every partition (each segment
// ends), a cooperative one only the partitions that change hands.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { triggerOf, type GroupRebalanceHistory } from './rebalanceHistory';
import { exampleBoard } from './testing/exampleBoards';

function handlerHistory(sim: Simulation): GroupRebalanceHistory {
  const h = sim.rebalanceHistory()!;
  return h.groups.find((g) => g.groupId.endsWith('.handler'))!;
}

function noOverlaps(g: GroupRebalanceHistory): void {
  for (const p of g.partitions) {
    const segs = g.segments.filter((s) => s.partition === p).sort((a, b) => a.from - b.from);
    expect(segs.filter((s) => s.to === null).length).toBeLessThanOrEqual(1);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.from).toBeGreaterThanOrEqual(segs[i - 1]!.to!);
  }
}

async function scenario(assignor: 'range' | 'cooperative-sticky') {
  const sim = new Simulation(exampleBoard('banking'), { seed: 3, assignor });
  await sim.start();
  await sim.advance(10_000);
  const service = sim.snapshot().services[0]!;
  const before = handlerHistory(sim);
  const segmentsBefore = before.segments.length;
  sim.addInstance(service.id);
  // Members learn of the rebalance from their heartbeats (every 3 s); a cooperative one takes two rounds.
  await sim.advance(12_000);
  const afterJoin = handlerHistory(sim);
  return { sim, service, before, segmentsBefore, afterJoin };
}

describe('rebalance history', () => {
  it('names each rebalance by its trigger and keeps one owner per partition at a time', async () => {
    const { sim, service, afterJoin } = await scenario('range');
    expect(afterJoin.rebalances.map((r) => r.trigger)).toEqual(['join', 'join']);
    expect(afterJoin.rebalances[1]!.protocol).toBe('eager');
    expect(afterJoin.rebalances[1]!.finishedAt).not.toBeNull();
    expect(afterJoin.members.length).toBe(3);
    noOverlaps(afterJoin);
    const instances = sim.snapshot().services.find((s) => s.id === service.id)!.instances;
    sim.crashInstance(instances[0]!.id);
    await sim.advance(15_000);
    sim.removeInstance(instances[1]!.id);
    await sim.advance(5_000);
    const g = handlerHistory(sim);
    expect(g.rebalances.map((r) => r.trigger)).toEqual(['join', 'join', 'crash', 'leave']);
    // The crashed member's partitions waited for the session timeout (10 s).
    expect(g.rebalances[2]!.maxPauseMs).toBeGreaterThanOrEqual(0);
    const crashed = g.segments.filter((s) => s.member.startsWith(`${instances[0]!.id}-`));
    expect(crashed.length).toBeGreaterThan(0);
    expect(crashed.every((s) => s.to !== null)).toBe(true);
    noOverlaps(g);
    // Every partition is owned again at the end.
    for (const p of g.partitions) expect(g.segments.some((s) => s.partition === p && s.to === null)).toBe(true);
    await sim.stop();
  });

  it('eager ends every ownership at a rebalance; cooperative only those that move', async () => {
    const eager = await scenario('range');
    const coop = await scenario('cooperative-sticky');
    const ended = (x: typeof eager) => x.afterJoin.segments.filter((s) => s.to !== null && s.to >= x.afterJoin.rebalances[1]!.startedAt).length;
    const partitions = eager.afterJoin.partitions.length;
    expect(ended(eager)).toBe(partitions);
    expect(ended(coop)).toBeGreaterThan(0);
    expect(ended(coop)).toBeLessThan(partitions);
    expect(coop.afterJoin.rebalances[1]!.protocol).toBe('cooperative');
    expect(coop.afterJoin.rebalances[1]!.rounds).toBe(2);
    await eager.sim.stop();
    await coop.sim.stop();
  });

  it('reads the trigger from the coordinator’s reason', () => {
    expect(triggerOf('initial join')).toBe('join');
    expect(triggerOf('no heartbeat for session.timeout.ms (10000 ms)')).toBe('crash');
    expect(triggerOf('max.poll.interval.ms exceeded')).toBe('timeout');
    expect(triggerOf('poll() called again after max.poll.interval.ms')).toBe('join');
    expect(triggerOf('consumer closed')).toBe('leave');
    expect(triggerOf('topic orders now has 12 partitions')).toBe('partition change');
    expect(triggerOf('subscription changed')).toBe('subscription change');
  });
});
