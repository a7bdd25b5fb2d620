// The command rate's upper bound holds in the simulation itself, not only in the UI: a start
// option or setRate above MAX_COMMANDS_PER_SECOND is refused with a message naming the limit.
import { describe, expect, it } from 'vitest';
import { MAX_COMMANDS_PER_SECOND, resolveSimOptions, topicMinInsync } from './options';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';

describe('the command rate limit', () => {
  it('accepts the limit and refuses more, when a run starts and when the rate changes', async () => {
    expect(resolveSimOptions({ commandsPerSecond: MAX_COMMANDS_PER_SECOND }).commandsPerSecond).toBe(MAX_COMMANDS_PER_SECOND);
    expect(() => resolveSimOptions({ commandsPerSecond: 100_000 })).toThrow(/at most 20,000 per second/);
    const sim = new Simulation(exampleBoard('banking'), { seed: 1 });
    await sim.start();
    expect(() => sim.setRate(MAX_COMMANDS_PER_SECOND + 1)).toThrow(expect.objectContaining({ code: 'SIM_INVALID_OPTION' }));
    expect(sim.options.commandsPerSecond).toBe(40);
    sim.setRate(MAX_COMMANDS_PER_SECOND);
    expect(sim.options.commandsPerSecond).toBe(MAX_COMMANDS_PER_SECOND);
    sim.stop();
  });
});

describe('brokers and min.insync.replicas', () => {
  it('accepts 1 to 9 brokers and min.insync.replicas from 1 to the broker count, and refuses the rest', () => {
    expect(resolveSimOptions({ brokers: 1, minInsyncReplicas: 1 }).brokers).toBe(1);
    expect(resolveSimOptions({ brokers: 9, minInsyncReplicas: 9 }).minInsyncReplicas).toBe(9);
    expect(() => resolveSimOptions({ brokers: 10 })).toThrow(/1 to 9 brokers/);
    expect(() => resolveSimOptions({ brokers: 0 })).toThrow(/1 to 9 brokers/);
    expect(() => resolveSimOptions({ brokers: 1 })).toThrow(/min.insync.replicas must be a whole number from 1 to the number of brokers \(1\), got 2/);
    expect(() => resolveSimOptions({ minInsyncReplicas: 0 })).toThrow(expect.objectContaining({ code: 'SIM_INVALID_OPTION' }));
    expect(() => resolveSimOptions({ minInsyncReplicas: 1.5 })).toThrow(expect.objectContaining({ code: 'SIM_INVALID_OPTION' }));
  });

  it('caps a topic’s min.insync.replicas at its replica count', () => {
    expect(topicMinInsync({ minInsyncReplicas: 2 }, 3)).toBe(2);
    expect(topicMinInsync({ minInsyncReplicas: 3 }, 1)).toBe(1);
  });

  it('the snapshot says each partition’s min.insync.replicas, as the run created its topic', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 1, brokers: 5, minInsyncReplicas: 3 });
    await sim.start();
    await sim.advance(200);
    const parts = sim.snapshot().partitions;
    expect(parts.length).toBeGreaterThan(0);
    for (const p of parts) expect(p.minInsync).toBe(Math.min(3, p.replicas.length));
    sim.stop();
  });
});

describe('the replication factor of a run', () => {
  it('gives every topic the chosen number of replicas (at most the brokers), or each its own from the board', async () => {
    const chosen = new Simulation(exampleBoard('banking'), { seed: 1, brokers: 5, replicationFactor: 5, minInsyncReplicas: 3 });
    await chosen.start();
    expect(new Set(chosen.snapshot().partitions.map((p) => p.replicas.length))).toEqual(new Set([5]));
    await chosen.stop();
    const own = new Simulation(exampleBoard('banking'), { seed: 1, brokers: 5 });
    await own.start();
    expect(new Set(own.snapshot().partitions.map((p) => p.replicas.length))).toEqual(new Set([3]));
    await own.stop();
    expect(() => resolveSimOptions({ brokers: 3, replicationFactor: 4 })).toThrow(/replication factor must be a whole number from 1 to the number of brokers \(3\)/);
  });
});
