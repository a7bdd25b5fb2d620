import { describe, expect, it } from 'vitest';
import { compileTopology } from '../topology';
import { Simulation } from './simulation';
import { benchBoard } from './testing/benchBoard';

describe('the benchmark board', () => {
  it('compiles to 64 partitions and 8 consumer groups without errors', () => {
    const t = compileTopology(benchBoard());
    expect(t.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(t.topics.reduce((s, x) => s + x.partitions, 0)).toBe(64);
    const sim = new Simulation(benchBoard(), { commandsPerSecond: 400 });
    sim.start();
    expect(sim.snapshot().groups).toHaveLength(8);
    sim.stop();
  });

  it('sustains 5,000 records per simulated second at 400 commands/s: each command handler waits ~2 ms for its acks=all answer, not a whole step', async () => {
    const sim = new Simulation(benchBoard(), { commandsPerSecond: 400, seed: 1 });
    sim.start();
    await sim.advance(3_000); // groups form (group.initial.rebalance.delay.ms)
    const before = sim.snapshot().counters.produced;
    let queued = 0;
    for (let s = 0; s < 10; s++) {
      await sim.advance(1_000);
      queued = Math.max(queued, sim.memoryStats().queuedHandlerWork);
    }
    expect((sim.snapshot().counters.produced - before) / 10).toBeGreaterThan(5_000);
    // Kept up: the Parcel handler (~1,100 commands/s over 8 partitions) never builds a backlog.
    expect(queued).toBeLessThan(500);
    sim.stop();
  });
});

