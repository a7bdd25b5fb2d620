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
});
