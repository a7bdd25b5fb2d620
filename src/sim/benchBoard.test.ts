import { describe, expect, it } from 'vitest';
import { compileTopology } from '../topology';
import { Simulation } from './simulation';
import { benchBoard } from './testing/benchBoard';

/** Tens of simulated seconds of a whole board: minutes of wall time on a loaded 2-core machine are possible. */
const HEAVY_RUN_MS = 180_000;

describe('the benchmark board', () => {
  it('compiles to 64 partitions and 8 consumer groups without errors', async () => {
    const t = compileTopology(benchBoard());
    expect(t.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(t.topics.reduce((s, x) => s + x.partitions, 0)).toBe(64);
    const sim = new Simulation(benchBoard(), { commandsPerSecond: 400 });
    await sim.start();
    expect(sim.snapshot().groups).toHaveLength(8);
    sim.stop();
  });

  it('sustains 5,000 records per simulated second at 400 commands/s: each command handler waits ~2 ms for its acks=all answer, not a whole step', async () => {
    const sim = new Simulation(benchBoard(), { commandsPerSecond: 400, seed: 1 });
    await sim.start();
    await sim.advance(3_000); // groups form (group.initial.rebalance.delay.ms)
    const parcel = sim.topology.aggregates.find((a) => a.label === 'Parcel')!;
    const commandTopic = sim.topology.topics.find((t) => t.id === parcel.commandTopicId)!.name;
    const sent = () => sim.flow.produced.get(commandTopic) ?? 0;
    const handled = () => sim.flow.handled.get(parcel.groupId) ?? 0;
    const before = { produced: sim.snapshot().counters.produced, sent: sent(), handled: handled() };
    await sim.advance(10_000);
    expect((sim.snapshot().counters.produced - before.produced) / 10).toBeGreaterThan(5_000);
    // Kept up: the Parcel handler (~1,100 commands/s over 8 partitions) handled what it was sent.
    expect(handled() - before.handled).toBeGreaterThan(0.97 * (sent() - before.sent));
    sim.stop();
  }, HEAVY_RUN_MS);
});

