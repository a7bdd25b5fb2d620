// The "written, not acknowledged" counter: a record a leader wrote whose request then ended
// without an acknowledgement (the leader crashed while acks=all waited for its followers) is
// counted there, so produced = acknowledged + unacknowledged once nothing waits for an answer;
// a retry the log already held (idempotent producer) moves its records to acknowledged.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { send } from './testing';

describe('written, not acknowledged', () => {
  it('an acks=all write whose leader crashes before the followers copy it ends unacknowledged, and is counted so', async () => {
    const c = await createCluster({ brokers: 3, clock: 'virtual', cleanerIntervalMs: 0, virtualStallMs: 0, replication: { autoLeaderRebalance: false, brokerSessionTimeoutMs: 1_000 } });
    await c.engine.createTopic('t', 1, [{ name: 'min.insync.replicas', value: '2' }], 3);
    const out = send(c.replication, 't', 0, -1, 5);
    expect(out.settled).toBe(false);
    c.crashBroker(c.engine.partition('t', 0).leader);
    await c.advance(2_000); // a new leader is elected
    expect(out.settled).toBe(true);
    expect(out.error?.name).toMatch(/NotLeaderOrFollower/);
    expect(c.snapshot().counters).toMatchObject({ produced: 5, acknowledged: 0, unacknowledged: 5 });
    const acked = send(c.replication, 't', 0, -1, 3);
    for (let i = 0; i < 20 && !acked.settled; i++) await c.advance(10);
    expect(acked.error).toBeNull();
    expect(c.snapshot().counters).toMatchObject({ produced: 8, acknowledged: 3, unacknowledged: 5 });
    await c.close();
  });

  it('acks=0 writes are never acknowledged', async () => {
    const c = await createCluster({ brokers: 1, clock: 'virtual', cleanerIntervalMs: 0 });
    await c.engine.createTopic('t', 1);
    send(c.replication, 't', 0, 0, 4);
    expect(c.snapshot().counters).toMatchObject({ produced: 4, acknowledged: 0, unacknowledged: 4 });
    await c.close();
  });
});
