// The periodic follower fetch of a partition where nothing changed since its last fetch found
// nothing to do only stamps the follower as caught up (PartitionState.idleFollowers). Pins
// that whatever such a fetch looks at ends the shortcut: a change to either log that appends
// nothing (a log start moved by deleteRecords), and a fault (the leader cut off), after which
// the follower must fetch in full again, as Kafka's would.
import { describe, expect, it } from 'vitest';
import { send } from './testing';
import { threeBrokers } from '../testing/helpers';

async function onePartition() {
  const c = await threeBrokers({ replicaLagTimeMaxMs: 1_000, brokerSessionTimeoutMs: 5_000 });
  await c.engine.createTopic('t', 1, [], 3, [[1, 2, 3]]);
  const sim = c.replication;
  send(sim, 't', 0, 1, 5);
  sim.advance(20); // copied, reported, high watermark everywhere: every later fetch is idle
  return { sim, p: sim.core.partition('t', 0)! };
}

describe('idle follower fetches', () => {
  it('a caught-up follower keeps being stamped caught up by its periodic fetch, and stays in the ISR', async () => {
    const { sim, p } = await onePartition();
    expect(p.idleFollowers).toBe((1 << 2) | (1 << 3));
    sim.advance(3_000);
    expect(p.followers[2]!.lastCaughtUpAt).toBe(sim.now() - (sim.now() % 5));
    expect(sim.snapshot().partitions[0]!.isr).toEqual([1, 2, 3]);
  });

  it("a log start moved on the leader without an append reaches the followers on their next fetch", async () => {
    const { sim, p } = await onePartition();
    expect(sim.deleteRecords('t', 0, 3)).toBe(3);
    sim.advance(5);
    expect([2, 3].map((b) => p.log(b).logStartOffset)).toEqual([3, 3]);
  });

  it('followers of a leader that is cut off stop being stamped caught up', async () => {
    const { sim, p } = await onePartition();
    const cutAt = sim.now();
    sim.isolateBroker(1);
    sim.advance(100);
    expect(p.followers[2]!.lastCaughtUpAt).toBeLessThanOrEqual(cutAt);
    expect(p.followers[3]!.lastFetchAt).toBeLessThanOrEqual(cutAt);
  });
});
