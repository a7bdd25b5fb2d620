// A stored run keeps what a replay and the insight views need across a reload: the action list
// (with the reload marked), lag over the whole run and the rebalance history. And the durable
// path (IndexedDB, answering in later turns of the event loop) runs the same run as memory: a
// run stored while its storage answers after a random number of turns replays in memory to
// the same state at every point it was seen.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../lib/rng';
import { loadRunState, saveRunState, type RunStorage } from './runStore';
import { replayableEnd } from './runRecording';
import { RunReplay } from './runReplay';
import { faultsPlan, recordRun, runState } from './testing/replayHelpers';
import { Simulation } from './simulation';
import type { StoredRunState } from './storedRun';
import { exampleBoard } from './testing/exampleBoards';

const storage = (name: string): RunStorage => ({ indexedDB: new IDBFactory(), IDBKeyRange, name });

/** fake-indexeddb schedules its answers with setImmediate: delay each by 0–11 extra turns (seeded). */
function jitterStorage(seed: number): () => void {
  const g = globalThis as unknown as { setImmediate: (fn: () => void) => unknown };
  const real = g.setImmediate;
  const rng = createRng(seed);
  let delayed = 0;
  g.setImmediate = (fn: () => void) => {
    let turns = Math.floor(rng.next() * 12);
    if (turns > 0) delayed++;
    const hop = (): unknown => (turns-- > 0 ? real(hop) : fn());
    return real(hop);
  };
  return () => {
    g.setImmediate = real;
    expect(delayed).toBeGreaterThan(10);
  };
}

let restoreTiming: (() => void) | null = null;
afterEach(() => {
  restoreTiming?.();
  restoreTiming = null;
});

describe('a stored run and its replay', () => {
  for (const name of ['banking', 'ecommerce'] as const) {
    it(`${name}: a durable run with late storage answers replays in memory to the same state, and its recording and histories survive a reload`, async () => {
      const where = storage(`run-${name}`);
      restoreTiming = jitterStorage(9);
      const sim = new Simulation(exampleBoard(name), { seed: 21 });
      await sim.start(where);
      const topic = sim.topology.topics.find((t) => t.id === sim.topology.projectors[0]!.tableTopicId)!.name;
      const seen = await recordRun(sim, 6_500, faultsPlan(sim.topology.services[0]!.id, topic));
      sim.pause();
      await sim.checkpoint();
      const recording = sim.recording();
      const lagBefore = sim.seriesExport().history!;
      const rebalancesBefore = sim.rebalanceHistory()!;
      await sim.stop();
      restoreTiming();
      restoreTiming = null;

      const back = (await Simulation.restore(exampleBoard(name), where))!;
      const stored = back.recording();
      expect(stored.actions.slice(0, -1)).toEqual(recording.actions);
      expect(stored.actions.at(-1)).toEqual({ at: 6_500, action: { kind: 'restored' } });
      expect(replayableEnd(stored)).toBe(6_500);
      expect(stored.options.seed).toBe(21);
      // Lag over the whole run and the rebalance history are the stored ones.
      const lagAfter = back.seriesExport().history!;
      expect(lagAfter.columns.map((c) => Array.from(c))).toEqual(lagBefore.columns.map((c) => Array.from(c)));
      const swimlanes = (v: typeof rebalancesBefore) => v.groups.map((g) => [g.groupId, g.partitions, g.members, g.segments.length, g.rebalances.map((r) => [r.startedAt, r.trigger, r.generation])]);
      expect(swimlanes(back.rebalanceHistory()!)).toEqual(swimlanes(rebalancesBefore));
      expect(rebalancesBefore.groups.every((g) => g.rebalances.length >= 1 && g.segments.length >= 1)).toBe(true);
      await back.stop();

      const replay = await RunReplay.open(stored);
      let compared = 0;
      while (await replay.step()) {
        const original = seen.get(replay.now);
        if (original === undefined) continue;
        expect(runState(replay.sim.snapshot()), `at ${replay.now} ms`).toBe(original);
        compared++;
      }
      expect(replay.now).toBe(6_500);
      expect(compared).toBeGreaterThanOrEqual(12);
      await replay.sim.stop();
    }, 240_000);
  }

  it('a run stored before recordings existed (version 2) comes back with nothing to replay', async () => {
    const where = storage('run-v2');
    const sim = new Simulation(exampleBoard('banking'), { seed: 3 });
    await sim.start(where);
    await sim.advance(1_000);
    sim.pause();
    await sim.checkpoint();
    await sim.stop();
    const state = (await loadRunState(where)) as StoredRunState;
    const { recording: _r, lagHistory: _l, rebalances: _b, ...v2 } = state;
    await saveRunState(where, { ...v2, version: 2 });
    const back = (await Simulation.restore(exampleBoard('banking'), where))!;
    expect(back.now).toBe(1_000);
    expect(replayableEnd(back.recording())).toBe(0);
    await back.stop();
  }, 60_000);
});
