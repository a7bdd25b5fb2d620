import { describe, expect, it } from 'vitest';
import { runtime } from '../topology';
import { ClusterEventStore } from './clusterEventStore';
import { createCluster } from './engineApi';
import type { ProducerAcks } from './options';

const event = (id: string, version: number): runtime.EventEnvelope => ({
  type: 'Deposited',
  aggregateType: 'Account',
  aggregateId: id,
  version,
  schemaVersion: 1,
  timestamp: 1,
  payload: { accountId: id, amount: String(version) },
});

async function setup(acks: ProducerAcks) {
  const cluster = await createCluster({ brokers: 3, seed: 3, clock: 'virtual', cleanerIntervalMs: 0, virtualStallMs: 0, replication: { brokerSessionTimeoutMs: 1_000, autoLeaderRebalance: false } });
  await cluster.engine.createTopic('acc', 3, [], 3);
  const c = { sim: cluster.replication, advance: (ms: number) => cluster.replication.advance(ms) };
  const store = new ClusterEventStore(c.sim, 'acc', 3, false, () => acks, () => undefined);
  return { c, store };
}

describe('ClusterEventStore (the runtime EventStore over the replicated cluster)', () => {
  it('appends at the expected version and refuses a stale one without writing', async () => {
    const { c, store } = await setup(1);
    expect(await store.append('a', [event('a', 1)], 0)).toBe(1);
    expect(await store.append('a', [event('a', 2)], 1)).toBe(2);
    const produced = c.sim.core.ledger.produced;
    await expect(store.append('a', [event('a', 2)], 1)).rejects.toBeInstanceOf(runtime.ConcurrencyError);
    expect(c.sim.core.ledger.produced).toBe(produced);
    expect((await store.read('a', 0)).map((e) => e.payload.amount)).toEqual(['1', '2']);
    expect((await store.read('a', 1)).map((e) => e.version)).toEqual([2]);
    expect(await store.read('b', 0)).toEqual([]);
  });

  it('acks=all resolves only once the followers have the event', async () => {
    const { c, store } = await setup(-1);
    let done = false;
    const p = store.append('a', [event('a', 1)], 0).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    c.advance(50);
    await p;
    expect(done).toBe(true);
  });

  it('an acks=1 event lost in a leader failover drops out of the stream (Kafka: acknowledged, then gone)', async () => {
    const { c, store } = await setup(1);
    await store.append('a', [event('a', 1)], 0);
    c.advance(50); // replicated
    await store.append('a', [event('a', 2)], 1); // only the leader has it
    const p = c.sim.snapshot().partitions.find((x) => x.highWatermark < x.logEnd)!;
    c.sim.crashBroker(p.leader!);
    c.advance(2_000);
    expect(c.sim.snapshot().counters.lost).toBe(1);
    expect((await store.read('a', 0)).map((e) => e.version)).toEqual([1]);
    // The stream is at version 1 again: the next append must expect 1.
    expect(await store.append('a', [event('a', 2)], 1)).toBe(2);
  });

  it('drops index entries retention deleted below the latest snapshot; rehydration starts from the snapshot (Kafka: DeleteRecords / retention move the log start)', async () => {
    const { c, store } = await setup(1);
    for (let v = 1; v <= 6; v++) await store.append('a', [event('a', v)], v - 1);
    await store.saveSnapshot({ aggregateId: 'a', version: 4, state: { ...runtime.initialState('a'), version: 4 } });
    c.advance(20);
    // The partition the key landed on: the only one holding six records.
    const p = [0, 1, 2].find((i) => c.sim.core.partition('acc', i)!.log(c.sim.core.partition('acc', i)!.leader!).logEndOffset === 6)!;
    // Retention deletes all six events (log start 6): the four the snapshot covers leave the index.
    expect(c.sim.deleteRecords('acc', p, 6)).toBe(6);
    store.dropDeleted();
    expect(store.indexEntries()).toBe(2);
    expect(await store.loadSnapshot('a')).toMatchObject({ version: 4 });
    // The events after the snapshot stay readable; the stream's version still counts every event.
    expect((await store.read('a', 4)).map((e) => e.version)).toEqual([5, 6]);
    expect(await store.append('a', [event('a', 7)], 6)).toBe(7);
    await expect(store.append('a', [event('a', 7)], 2)).rejects.toBeInstanceOf(runtime.ConcurrencyError);
  });
});
