// The simulator's record budget (a departure from Kafka, documented in docs/sim.md): a long run
// keeps the records the cluster holds under the budget by deleting the oldest whole segments,
// the event stores' per-key indexes shrink with the log start, and nothing counts as lost.
// Slow project: each case runs minutes of simulated time on the benchmark board (10–40 s of CPU).
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { benchBoard } from './testing/benchBoard';
import { exampleBoard } from './testing/exampleBoards';
import { heldRecords as held } from './testing/heldRecords';

/** Tens of simulated seconds of a whole board: minutes of wall time on a loaded 2-core machine are possible. */
const HEAVY_RUN_MS = 180_000;

describe('the record budget over a long simulated run', () => {
  it('holds at most the budget however long the run, with the log start moving and no losses counted', async () => {
    const budget = 4_000;
    const sim = new Simulation(exampleBoard('banking'), { seed: 3, commandsPerSecond: 300, recordBudget: budget });
    await sim.start();
    const share = sim.clusterForTests!.replication.core.recordsPerPartition;
    let most = { leaders: 0, mostPerReplica: 0, ledger: 0, index: 0 };
    for (let s = 0; s < 90; s++) {
      await sim.advance(1000);
      const h = held(sim);
      const index = sim.memoryStats().eventIndexEntries;
      most = { leaders: Math.max(most.leaders, h.leaders), mostPerReplica: Math.max(most.mostPerReplica, h.mostPerReplica), ledger: Math.max(most.ledger, h.ledger), index: Math.max(most.index, index) };
    }
    const snap = sim.snapshot();
    expect(snap.counters.produced).toBeGreaterThan(5 * budget); // the run did outgrow the budget
    expect(most.leaders).toBeLessThanOrEqual(budget);
    expect(most.mostPerReplica).toBeLessThanOrEqual(share);
    expect(most.ledger).toBeLessThanOrEqual(budget);
    expect(most.index).toBeLessThanOrEqual(budget);
    expect(snap.partitions.some((p) => p.logStart > 0)).toBe(true);
    expect(snap.counters.lost).toBe(0);
    expect(snap.counters.handlerErrors).toBe(0);
    sim.stop();
  }, HEAVY_RUN_MS);

  it('a group slower than its input falls behind in lag, not in queued handler work (max.poll.records per member, as the Java poll loop holds)', async () => {
    // The bench board's Parcel handler (8 partitions, one command at a time each, every one
    // waiting ~2 ms for its acks=all answer) falls behind at this rate: ~5,600 commands a second.
    const sim = new Simulation(benchBoard(), { seed: 1, commandsPerSecond: 2_000 });
    await sim.start();
    let most = 0;
    const lag = () => sim.snapshot().groups.find((g) => g.label === 'Parcel')!.totalLag;
    await sim.advance(4_000);
    const lagBefore = lag();
    for (let s = 0; s < 6; s++) {
      await sim.advance(1000);
      most = Math.max(most, sim.memoryStats().queuedHandlerWork);
    }
    expect(lag()).toBeGreaterThan(lagBefore + 3_000); // it did fall behind
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(4 * 500); // two aggregate groups of two members, each ≤ max.poll.records
    expect(sim.snapshot().counters.handlerErrors).toBe(0);
    sim.stop();
  }, HEAVY_RUN_MS);

  it('refuses a budget too small to run with', () => {
    expect(() => new Simulation(exampleBoard('banking'), { recordBudget: 10 })).toThrow(/record budget/);
  });
});
