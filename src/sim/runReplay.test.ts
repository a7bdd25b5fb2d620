// Exact replay (issue "See why"): a run recorded while it went — ticks of uneven length, a broker
// fault, an instance change, a test message and a rate change between them — replays from its
// board, options and actions to the same state at every 10 ms step, and two replays agree with
// each other snapshot for snapshot.
import { describe, expect, it } from 'vitest';
import { RunReplay } from './runReplay';
import { Simulation, STEP_MS } from './simulation';
import { exampleBoard } from './testing/exampleBoards';
import { faultsPlan, recordRun, runState } from './testing/replayHelpers';

describe('exact replay', () => {
  for (const name of ['banking', 'ecommerce'] as const) {
    it(`${name}: two replays of a recorded run give identical snapshots at every step, and match the run where it was seen`, async () => {
      const sim = new Simulation(exampleBoard(name), { seed: 11 });
      await sim.start();
      const service = sim.topology.services[0]!.id;
      // A read model's table topic: no group reads it, so the message only moves its offsets.
      const topic = sim.topology.topics.find((t) => t.id === sim.topology.projectors[0]!.tableTopicId)!.name;
      const seen = await recordRun(sim, 7_000, faultsPlan(service, topic));
      const recording = sim.recording();
      const final = runState(sim.snapshot());
      await sim.stop();
      expect(recording.actions.map((a) => a.action.kind)).toEqual(['broker', 'instance', 'produce', 'rate', 'broker']);
      expect(recording.actions.every((a) => a.at % STEP_MS === 0)).toBe(true);

      const a = await RunReplay.open(structuredClone(recording));
      const b = await RunReplay.open(structuredClone(recording));
      let compared = 0;
      while (a.now < a.end) {
        expect(await a.step()).toBe(true);
        await b.step();
        const sa = a.sim.snapshot();
        expect(JSON.stringify(b.sim.snapshot()), `at ${a.now} ms`).toBe(JSON.stringify(sa));
        const original = seen.get(a.now);
        if (original !== undefined) {
          expect(runState(sa), `at ${a.now} ms`).toBe(original);
          compared++;
        }
      }
      expect(await a.step()).toBe(false);
      expect(runState(a.sim.snapshot())).toBe(final);
      expect(compared).toBeGreaterThanOrEqual(12);
      expect(a.sim.snapshot().counters.commandsIssued).toBeGreaterThan(100);
      // The replayed run recorded the same actions as it applied them.
      expect(a.sim.recording().actions).toEqual(recording.actions);
      await a.sim.stop();
      await b.sim.stop();
    }, 240_000);
  }

  it('what follows an action does not depend on whether the host gave its event loop a turn before the next step', async () => {
    const run = async (hostTurn: boolean) => {
      const sim = new Simulation(exampleBoard('banking'), { seed: 11 });
      await sim.start();
      const topic = sim.topology.topics.find((t) => t.id === sim.topology.projectors[0]!.tableTopicId)!.name;
      const seen = await recordRun(sim, 7_000, faultsPlan(sim.topology.services[0]!.id, topic), hostTurn);
      const at = sim.recording().actions.map((a) => a.at);
      await sim.stop();
      // The state seen right at an action's instant may not show its released work yet: compare the steps after.
      return [...seen].filter(([t]) => !at.includes(t));
    };
    const withTurns = await run(true);
    expect(await run(false)).toEqual(withTurns);
  }, 120_000);

  it('seeks back by replaying from the start, and to the next action', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 12 });
    await sim.start();
    const seen = await recordRun(sim, 4_000, [{ at: 1_000, act: (s) => s.broker('stop', 1) }]);
    const recording = sim.recording();
    await sim.stop();
    const r = await RunReplay.open(recording);
    await r.seek(3_000);
    expect(r.now).toBe(3_000);
    const progress: number[] = [];
    await r.seek(seen.keys().next().value!, (at) => void progress.push(at));
    const first = [...seen.keys()][0]!;
    expect(r.now).toBe(first);
    expect(runState(r.sim.snapshot())).toBe(seen.get(first));
    await r.toNextAction();
    expect(r.now).toBe(recording.actions[0]!.at);
    expect(r.sim.snapshot().brokers.find((b) => b.id === 1)!.status).not.toBe('up');
    expect(runState(r.sim.snapshot())).toBe(seen.get(r.now));
    await r.seek(0);
    expect(r.now).toBe(0);
    await r.seek(99_000, (at) => void progress.push(at));
    expect(r.now).toBe(4_000);
    expect(progress).toEqual([1_000, 2_000, 3_000, 4_000]);
    await r.sim.stop();
  }, 120_000);
});
