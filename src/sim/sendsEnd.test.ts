// Every send ends (workshop-ready issue): after isolating a leader and healing the network, no
// record stays between "produced" and an answer. Each write is acknowledged, counted as written
// but not acknowledged (its request timed out or its leader changed; the producer retried), or
// counted as lost — so once the load stops and the delivery timeout (120 s) has passed,
// Produced = Acknowledged + Written, not acknowledged, exactly.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';

describe('every send ends after isolate and heal schedules', () => {
  for (const [name, schedule] of [
    ['isolate broker 1, heal', [['isolate', 1], ['heal', 0]]],
    ['isolate broker 3, heal, isolate broker 2, heal', [['isolate', 3], ['heal', 0], ['isolate', 2], ['heal', 0]]],
    ['crash broker 1, start it, isolate broker 2, heal', [['crash', 1], ['start', 1], ['isolate', 2], ['heal', 0]]],
  ] as const) {
    // With acks=0 for a while: those writes are never acknowledged, by design.
    const acksZero = name.startsWith('crash');
    it(name, async () => {
      const sim = new Simulation(exampleBoard('banking'), { seed: 11, commandsPerSecond: 80 });
      await sim.start();
      await sim.advance(4_000);
      if (acksZero) sim.setAcks(0);
      for (const [action, broker] of schedule) {
        sim.broker(action, broker);
        await sim.advance(6_000);
      }
      sim.setAcks(-1);
      sim.setRate(0);
      await sim.advance(150_000);
      const c = sim.snapshot().counters;
      if (acksZero) expect(c.unacknowledged).toBeGreaterThan(0);
      expect(c.produced).toBe(c.acknowledged + c.unacknowledged);
      expect(c.lost).toBe(0);
      await sim.stop();
    }, 120_000);
  }
});
