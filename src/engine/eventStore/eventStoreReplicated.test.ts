// The event store on a replicated cluster appends through the same produce path as a producer
// with acks=all: an append is answered once every in-sync replica has it, and a partition with
// fewer in-sync replicas than min.insync.replicas refuses it (NotEnoughReplicas, retried as a
// producer retries) until enough replicas are back — it is never acknowledged by the leader alone.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

async function setUp() {
  const c = await createCluster({ brokers: 3, clock: 'virtual', cleanerIntervalMs: 0, virtualStallMs: 0, replication: { autoLeaderRebalance: false, brokerSessionTimeoutMs: 1_000, replicaLagTimeMaxMs: 1_000 } });
  await c.admin().createTopics({ topics: [{ topic: 'accounts', numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }] });
  return c;
}

describe('event store appends on three brokers (acks=all)', () => {
  it('an append is answered only when the followers have it, and counts as produced and acknowledged', async () => {
    const c = await setUp();
    const store = c.eventStore('accounts');
    let version = 0;
    const append = store.append('acc-1', [{ value: '{"type":"Opened"}' }], { expectedVersion: 0 }).then((v) => (version = v));
    await Promise.resolve();
    await Promise.resolve();
    expect(version).toBe(0);
    for (let i = 0; i < 20 && version === 0; i++) await c.advance(5);
    await append;
    expect(version).toBe(1);
    expect(c.snapshot().counters).toMatchObject({ produced: 1, acknowledged: 1 });
    await c.close();
  });

  it('with one in-sync replica left (min.insync.replicas 2) an append waits, and succeeds once a follower is back', async () => {
    const c = await setUp();
    const store = c.eventStore('accounts');
    const leader = c.engine.partition('accounts', 0).leader;
    const followers = [1, 2, 3].filter((b) => b !== leader);
    for (const b of followers) c.stopBroker(b);
    await c.advance(3_000); // the ISR shrinks to the leader
    expect(c.snapshot().partitions[0]!.isr).toEqual([leader]);
    let done = false;
    const append = store.append('acc-1', [{ value: '{"type":"Opened"}' }], { expectedVersion: 0 }).then(() => (done = true));
    await c.advance(2_000);
    expect(done).toBe(false);
    expect(c.engine.log('accounts', 0).logEndOffset).toBe(0); // refused before writing
    c.startBroker(followers[0]!);
    for (let i = 0; i < 200 && !done; i++) await c.advance(50);
    await append;
    expect(done).toBe(true);
    expect((await store.read('acc-1')).map((e) => e.value?.toString())).toEqual(['{"type":"Opened"}']);
    await c.close();
  });
});
