// Committed offsets survive a reopen in commit order: the coordinator writes a group's commits
// to __consumer_offsets one after another, so the newest offset is the one a reopened cluster
// reads back (Kafka's coordinator loads the latest record per key of its offsets partition).
// A real clock, as in the app's worker, where commits of successive polls overlap in time.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { until } from '../testing/helpers';

describe('committed offsets after a reopen', () => {
  it('are the last ones committed, after a consumer that auto-commits on every poll', async () => {
    const indexedDB = new IDBFactory();
    const storage = { indexedDB, IDBKeyRange, name: 'offsets' };
    const c1 = await createCluster({ clock: 'real', storage, cleanerIntervalMs: 0 });
    await c1.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] });
    const producer = c1.producer();
    await producer.connect();
    await producer.send({ topic: 'orders', messages: Array.from({ length: 1000 }, (_, i) => ({ key: `order-${i % 50}`, value: String(i) })) });
    const consumer = c1.consumer({ groupId: 'billing' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    let seen = 0;
    await consumer.run({ eachMessage: async () => void seen++ });
    await until(c1, () => seen === 1000, 'all records');
    await consumer.disconnect();
    const before = (await c1.admin().fetchOffsets({ groupId: 'billing', topics: ['orders'] }))[0]!.partitions.map((p) => p.offset);
    const highs = (await c1.admin().fetchTopicOffsets('orders')).map((o) => o.high);
    expect(before).toEqual(highs);
    await c1.close();
    const c2 = await createCluster({ clock: 'real', storage, cleanerIntervalMs: 0 });
    const after = (await c2.admin().fetchOffsets({ groupId: 'billing', topics: ['orders'] }))[0]!.partitions.map((p) => p.offset);
    expect(after).toEqual(highs);
    await c2.close();
  });
});
