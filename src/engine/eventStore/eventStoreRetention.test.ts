// A key's version survives retention: Kafka's retention (and admin.deleteRecords) deletes the
// oldest records of a partition, whole keys' histories included, yet an event-sourced writer
// must keep appending at the version it reached. The version travels in each record's header,
// and a key whose events are all gone stands at its latest snapshot, which says which offset it
// covers — so loss in a failover (records truncated) is still told apart from deletion.
import { describe, expect, it } from 'vitest';
import { ConcurrencyConflictError } from '../errors';
import { setup } from '../testing/helpers';
import { createCluster } from '../index';
import { VERSION_HEADER } from './eventStore';

const value = (n: number) => JSON.stringify({ n });

describe('event store versions across retention (deleteRecords moves the log start)', () => {
  it('keeps the version of a key whose oldest events were deleted, and reads what survives', async () => {
    const { cluster } = await setup('acc', 1);
    const store = cluster.eventStore('acc');
    for (let v = 1; v <= 5; v++) await store.append('a', [{ value: value(v) }], { expectedVersion: v - 1 });
    await store.append('b', [{ value: value(1) }], { expectedVersion: 0 });
    // a: offsets 0..4, b: offset 5. Delete a's first three events.
    await cluster.admin().deleteRecords({ topic: 'acc', partitions: [{ partition: 0, offset: '3' }] });
    expect(await store.version('a')).toBe(5);
    const read = await store.read('a');
    expect(read.map((e) => e.version)).toEqual([4, 5]);
    expect(read.map((e) => JSON.parse(e.value!.toString()).n)).toEqual([4, 5]);
    expect((await store.read('a', { fromVersion: 5 })).map((e) => e.version)).toEqual([5]);
    await expect(store.append('a', [{ value: value(6) }], { expectedVersion: 2 })).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(await store.append('a', [{ value: value(6) }], { expectedVersion: 5 })).toBe(6);
    expect((await store.read('a')).map((e) => e.version)).toEqual([4, 5, 6]);
    const [last] = (await store.read('a', { fromVersion: 6 })).map((e) => e.headers[VERSION_HEADER]?.toString());
    expect(last).toBe('6');
    await cluster.close();
  });

  it('a key whose events are all deleted stands at the snapshot that covered them; without one it starts again', async () => {
    const { cluster } = await setup('acc', 1);
    const store = cluster.eventStore('acc');
    for (let v = 1; v <= 3; v++) await store.append('a', [{ value: value(v) }], { expectedVersion: v - 1 });
    await store.saveSnapshot('a', { version: 3, state: { total: 6 } });
    for (let v = 1; v <= 2; v++) await store.append('z', [{ value: value(v) }], { expectedVersion: v - 1 });
    await cluster.admin().deleteRecords({ topic: 'acc', partitions: [{ partition: 0, offset: '5' }] });
    expect(await store.read('a')).toEqual([]);
    expect(await store.version('a')).toBe(3);
    expect(await store.version('z')).toBe(0);
    expect(await store.append('a', [{ value: value(4) }], { expectedVersion: 3 })).toBe(4);
    expect((await store.read('a')).map((e) => e.version)).toEqual([4]);
    await cluster.close();
  });

  it('the per-key index drops the deleted offsets and the versions stay', async () => {
    const { cluster } = await setup('acc', 1);
    const store = cluster.eventStore('acc');
    for (let i = 0; i < 40; i++) await store.append(`k${i % 4}`, [{ value: value(i) }]);
    expect(await store.version('k1')).toBe(10);
    await cluster.admin().deleteRecords({ topic: 'acc', partitions: [{ partition: 0, offset: '20' }] });
    expect(await store.version('k1')).toBe(10);
    expect(store.indexSize()).toEqual({ entries: 20, keys: 4 });
    expect((await store.read('k1')).map((e) => JSON.parse(e.value!.toString()).n)).toEqual([21, 25, 29, 33, 37]);
    await cluster.close();
  });
});

describe('event store appends with the caller’s acks, followed by hooks', () => {
  it('acks=1 is answered by the leader alone; acks=all waits, and says so through waiting()', async () => {
    const cluster = await createCluster({ brokers: 3, clock: 'virtual', cleanerIntervalMs: 0, virtualStallMs: 0, replication: { autoLeaderRebalance: false } });
    await cluster.engine.createTopic('acc', 1, [], 3);
    const store = cluster.eventStore('acc');
    let waiting = 0;
    const hooks = { waiting: (d: number) => (waiting += d) };
    expect(await store.append('a', [{ value: value(1) }], { acks: 1, hooks })).toBe(1);
    expect(waiting).toBe(0);
    let done = false;
    const all = store.append('a', [{ value: value(2) }], { hooks }).then(() => (done = true));
    for (let i = 0; i < 200 && waiting === 0; i++) await Promise.resolve();
    expect(waiting).toBe(1);
    expect(done).toBe(false);
    for (let i = 0; i < 20 && !done; i++) await cluster.advance(5);
    await all;
    expect(waiting).toBe(0);
    await cluster.close();
  });
});
