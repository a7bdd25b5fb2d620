// A broker crash under load (Kafka: the producer retries retriable errors until
// delivery.timeout.ms): sends to partitions the dead broker led are refused until the controller
// elects new leaders after broker.session.timeout.ms, and are retried rather than dropped.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';

describe('producer retries in the simulation', () => {
  it('a crashed leader delays commands until the election instead of failing them', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 4, commandsPerSecond: 50 });
    await sim.start();
    await sim.advance(4_000);
    const before = sim.snapshot().counters;
    sim.broker('crash', 1);
    await sim.advance(15_000);
    const after = sim.snapshot().counters;
    expect(after.sendRetries - before.sendRetries).toBeGreaterThan(10);
    // Only requests already written when the broker died can fail (their acks=all answer never comes).
    expect(after.sendErrors - before.sendErrors).toBeLessThan(5);
    expect(sim.snapshot().partitions.every((p) => p.leader !== 1)).toBe(true);
    sim.stop();
  });
});
