import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createEngineHost } from './engineHost';

describe('engine host (what the worker exposes)', () => {
  it('produces, consumes with a committed group, and reopens from IndexedDB', async () => {
    const indexedDB = new IDBFactory();
    const host = createEngineHost({ indexedDB });
    await host.open({ storage: { name: 'w' }, clock: 'virtual' });
    await host.createTopics([{ topic: 'orders', numPartitions: 2 }]);
    await host.send('orders', Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
    const got = await host.consume({ groupId: 'g', topic: 'orders', count: 10 });
    expect(got.map((m) => new TextDecoder().decode(m.value!)).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `v${i}`).sort());
    await host.close();
    const again = createEngineHost({ indexedDB });
    await again.open({ storage: { name: 'w' }, clock: 'virtual' });
    expect(await again.listTopics()).toContain('orders');
    const offsets = await again.fetchTopicOffsets('orders');
    expect(offsets.reduce((n, o) => n + Number(o.high), 0)).toBe(10);
    expect((await again.fetchOffsets('g', 'orders')).map((o) => o.offset)).toEqual(offsets.map((o) => o.high));
    await again.close();
  });
});
