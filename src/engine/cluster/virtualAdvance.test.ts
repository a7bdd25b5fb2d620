// cluster.advance(ms) on a virtual clock is a discrete-event step: it visits every instant at
// which something is due, runs it, and lets everything it started (consumer loops, handler
// promises, storage requests) run to a resting point before time moves on. A consumer group
// started after producing must read everything while a test does nothing but advance the clock.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterOptions } from '../index';

const RECORDS = 20_000;

async function readsEverything(options: ClusterOptions): Promise<{ read: number; calls: number }> {
  const cluster = await createCluster({ clock: 'virtual', seed: 5, ...options });
  await cluster.admin().createTopics({ topics: [{ topic: 't', numPartitions: 4 }] });
  const producer = cluster.producer();
  await producer.connect();
  for (let i = 0; i < RECORDS; i += 1_000) {
    const sent = producer.send({ topic: 't', acks: -1, messages: Array.from({ length: 1_000 }, (_, j) => ({ key: `k${(i + j) % 97}`, value: `v${i + j}` })) });
    // Replicated acks=all needs time to move: advance until the send is answered.
    let done = false;
    void sent.then(() => (done = true));
    for (let guard = 0; !done && guard < 1_000; guard++) await cluster.advance(5);
    await sent;
  }
  let read = 0;
  const consumers = [0, 1].map(() => cluster.consumer({ groupId: 'readers' }));
  for (const c of consumers) {
    await c.connect();
    await c.subscribe({ topic: 't', fromBeginning: true });
    await c.run({
      eachMessage: async () => {
        read++;
      },
    });
  }
  let calls = 0;
  while (read < RECORDS && calls < 40) {
    await cluster.advance(500);
    calls++;
  }
  await Promise.all(consumers.map((c) => c.stop()));
  await cluster.close();
  return { read, calls };
}

describe('cluster.advance on a virtual clock waits for the work it starts', () => {
  it('a consumer group started after producing reads every record within 40 advance(500) calls (memory)', async () => {
    const { read } = await readsEverything({});
    expect(read).toBe(RECORDS);
  });

  it('the same with three brokers', async () => {
    const { read } = await readsEverything({ brokers: 3 });
    expect(read).toBe(RECORDS);
  });

  it('the same with IndexedDB storage, where reads wait for storage requests', async () => {
    const { read } = await readsEverything({ storage: { indexedDB: new IDBFactory(), IDBKeyRange, name: 'advance', cacheBytes: 256 * 1024 } });
    expect(read).toBe(RECORDS);
  });
});
