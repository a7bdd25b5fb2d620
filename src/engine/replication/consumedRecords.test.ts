// A consumer fetch's records are decoded once per stored batch and handed out as the same
// objects to every later fetch (groups keep what they derive from a record with the record),
// while the decoded records kept stay bounded: two generations of about 20,000 records, the
// older dropped wholesale, a batch read again meanwhile moving to the recent one.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';
import { readConsumed, type ConsumedRecord } from './records';
import { send } from './testing';

async function oneBroker() {
  const cluster = await createCluster({ brokers: 1, seed: 1, clock: 'virtual', cleanerIntervalMs: 0, replication: { autoLeaderRebalance: false } });
  await cluster.engine.createTopic('t', 1, [], 1);
  const sim = cluster.replication;
  const fetch = (from: number, max: number) => readConsumed(sim.fetchLog('t', 0, from), from, max) as readonly ConsumedRecord[];
  return { sim, fetch };
}

describe('decoded consumed records', () => {
  it('are the same objects on every fetch of a batch', async () => {
    const { sim, fetch } = await oneBroker();
    send(sim, 't', 0, 1, 3);
    send(sim, 't', 0, 1, 2);
    sim.advance(10);
    const first = fetch(0, 10);
    expect(first.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4]);
    const again = fetch(1, 10);
    for (let i = 0; i < 4; i++) expect(again[i]).toBe(first[i + 1]);
  });

  it('are let go of two generations later, unless read again meanwhile', async () => {
    const { sim, fetch } = await oneBroker();
    // Batch A at offset 0, batch B at 1, then 60 batches of 1,000 records (three generations' worth).
    send(sim, 't', 0, 1, 1);
    send(sim, 't', 0, 1, 1);
    for (let i = 0; i < 60; i++) send(sim, 't', 0, 1, 1_000);
    sim.advance(10);
    const a = fetch(0, 1)[0];
    const b = fetch(1, 1)[0];
    for (let i = 0; i < 60; i++) {
      fetch(2 + i * 1_000, 1_000);
      // B is read again all along: it keeps moving to the recent generation.
      expect(fetch(1, 1)[0]).toBe(b);
    }
    // A was dropped with its generation: decoded anew, a new object with the same record.
    const a2 = fetch(0, 1)[0];
    expect(a2).not.toBe(a);
    expect(a2!.offset).toBe(0);
    expect(a2!.id).toBe(a!.id);
  });
});
