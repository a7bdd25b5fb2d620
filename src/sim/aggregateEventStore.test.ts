// The handler runtime's EventStore over the engine's event store, on three replicated brokers:
// what an aggregate's handler sees when Kafka acknowledges, loses and deletes its events.
import { describe, expect, it } from 'vitest';
import { runtime } from '../topology';
import { AggregateEventStore } from './aggregateEventStore';
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
  let waiting = 0;
  const wrote: number[] = [];
  const store = new AggregateEventStore(cluster, 'acc', 'Account', false, () => acks, { wrote: (_t, n) => wrote.push(n), waiting: (d) => (waiting += d), retried: () => undefined });
  const advance = (ms: number) => cluster.replication.advance(ms);
  return { cluster, store, advance, waiting: () => waiting, wrote };
}

describe('AggregateEventStore (the runtime EventStore over the engine event store)', () => {
  it('appends at the expected version and refuses a stale one without writing', async () => {
    const { cluster, store, wrote } = await setup(1);
    expect(await store.append('a', [event('a', 1)], 0)).toBe(1);
    expect(await store.append('a', [event('a', 2)], 1)).toBe(2);
    const produced = cluster.replication.core.ledger.produced;
    await expect(store.append('a', [event('a', 2)], 1)).rejects.toBeInstanceOf(runtime.ConcurrencyError);
    await expect(store.append('a', [event('a', 2)], 1)).rejects.toMatchObject({ actualVersion: 2 });
    expect(cluster.replication.core.ledger.produced).toBe(produced);
    expect((await store.read('a', 0)).map((e) => e.payload.amount)).toEqual(['1', '2']);
    expect((await store.read('a', 1)).map((e) => e.version)).toEqual([2]);
    expect(await store.read('b', 0)).toEqual([]);
    expect(wrote).toEqual([1, 1]);
  });

  it('acks=all resolves only once the followers have the event, and says it waits on the clock meanwhile', async () => {
    const { store, advance, waiting } = await setup(-1);
    let done = false;
    const p = store.append('a', [event('a', 1)], 0).then(() => (done = true));
    for (let i = 0; i < 200 && waiting() === 0; i++) await Promise.resolve();
    expect(waiting()).toBe(1);
    expect(done).toBe(false);
    advance(50);
    await p;
    expect(done).toBe(true);
    expect(waiting()).toBe(0);
  });

  it('an acks=1 event lost in a leader failover drops out of the stream (Kafka: acknowledged, then gone)', async () => {
    const { cluster, store, advance } = await setup(1);
    await store.append('a', [event('a', 1)], 0);
    advance(50); // replicated
    await store.append('a', [event('a', 2)], 1); // only the leader has it
    const sim = cluster.replication;
    const p = sim.snapshot().partitions.find((x) => x.highWatermark < x.logEnd)!;
    sim.crashBroker(p.leader!);
    advance(2_000);
    expect(sim.snapshot().counters.lost).toBe(1);
    expect((await store.read('a', 0)).map((e) => e.version)).toEqual([1]);
    // The stream is at version 1 again: the next append must expect 1.
    await expect(store.append('a', [event('a', 2)], 2)).rejects.toBeInstanceOf(runtime.ConcurrencyError);
    expect(await store.append('a', [event('a', 2)], 1)).toBe(2);
  });

  it('a snapshot is used while the stream continues it; one newer than the surviving stream (events lost after it) is not', async () => {
    const { store } = await setup(1);
    for (let v = 1; v <= 3; v++) await store.append('a', [event('a', v)], v - 1);
    await store.saveSnapshot({ aggregateId: 'a', version: 3, state: { ...runtime.initialState('a'), version: 3 } });
    expect(await store.loadSnapshot('a')).toMatchObject({ aggregateId: 'a', version: 3, state: { version: 3 } });
    // As if events 4–5 were lost in a failover after the snapshot at 5 was written.
    await store.saveSnapshot({ aggregateId: 'a', version: 5, state: { ...runtime.initialState('a'), version: 5 } });
    expect(await store.loadSnapshot('a')).toBeNull();
  });

  it('events retention deleted before a snapshot covered them: the aggregate continues from what survives (the record budget)', async () => {
    const { cluster, store } = await setup(1);
    for (let v = 1; v <= 6; v++) await store.append('a', [event('a', v)], v - 1);
    await store.saveSnapshot({ aggregateId: 'a', version: 2, state: { ...runtime.initialState('a'), version: 2 } });
    const p = [0, 1, 2].find((i) => cluster.engine.log('acc', i).logEndOffset === 6)!;
    cluster.replication.advance(50); // replicated: the high watermark covers them
    await cluster.admin().deleteRecords({ topic: 'acc', partitions: [{ partition: p, offset: '4' }] });
    // Events 1–4 are gone, the snapshot covers 2: the state starts after event 4.
    const snap = await store.loadSnapshot('a');
    expect(snap).toMatchObject({ version: 4, state: { version: 4 } });
    expect((await store.read('a', snap!.version)).map((e) => e.version)).toEqual([5, 6]);
    expect(await store.append('a', [event('a', 7)], 6)).toBe(7);
  });
});
