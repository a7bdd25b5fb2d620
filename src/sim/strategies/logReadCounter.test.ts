import { describe, expect, it } from 'vitest';
import { createCluster, EventStore } from '../engineApi';
import { countLogReads } from './logReadCounter';
import { logOf } from './eventStreams';

async function filled(keys: number, perKey: number) {
  const cluster = await createCluster({ brokers: 1 });
  await cluster.engine.createTopic('t', 1, [], 1);
  const producer = cluster.producer();
  await producer.connect();
  for (let i = 0; i < perKey; i++) await producer.send({ topic: 't', acks: -1, messages: Array.from({ length: keys }, (_, k) => ({ key: `k${k}`, value: `v${i}` })) });
  return cluster;
}

describe('countLogReads (what the event store asks the partition log for)', () => {
  it('a reader without a key index scans the whole partition, then reads the key by offset; with the index only the key', async () => {
    const cluster = await filled(10, 7);
    const log = logOf(cluster, 't', 'k3');
    const store = new EventStore(cluster.engine, 't');
    const cold = await countLogReads([log], () => store.read('k3'));
    expect(cold.value).toHaveLength(7);
    expect(cold.reads.scanned).toBe(70);
    // The key's 7 events, and its first record once more for the version it starts at.
    expect(cold.reads.byOffset).toBe(8);
    const warm = await countLogReads([log], () => new EventStore(cluster.engine, 't').read('k3', { fromVersion: 1, toVersion: 0 }).then(() => 0));
    expect(warm.reads.scanned).toBe(70);
    const producer = cluster.producer();
    await producer.connect();
    await producer.send({ topic: 't', acks: -1, messages: [{ key: 'k3', value: 'late' }, { key: 'k4', value: 'late' }] });
    // The index catches up on the two new records only.
    const again = await countLogReads([log], () => store.read('k3', { fromVersion: 8 }));
    expect(again.value).toHaveLength(1);
    expect(again.reads).toEqual({ scanned: 2, byOffset: 1 });
    await cluster.close();
  });

  it('counts a ranged read as records scanned', async () => {
    const cluster = await filled(4, 5);
    const log = logOf(cluster, 't', 'k0');
    const r = await countLogReads([log], () => log.read(0, { maxRecords: 12 }));
    expect(r.reads).toEqual({ scanned: r.value.length, byOffset: 0 });
    expect(r.value.length).toBe(12);
    await expect(countLogReads([log], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await cluster.close();
  });
});
