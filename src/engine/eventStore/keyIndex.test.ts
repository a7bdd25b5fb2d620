// Pins the key index's catch-up at once: records appended since the last catch-up, in memory,
// are indexed without a turn of the event loop, so an event store's read or append after an
// append goes on at the same instant; the first catch-up (which looks for a saved index) still
// takes its turn.
import { describe, expect, it } from 'vitest';
import { setup } from '../testing/helpers';
import { KeyIndex } from './keyIndex';

describe('key index', () => {
  it('catches up from memory at once once the saved index was looked for', async () => {
    const { cluster, producer } = await setup('orders', 1);
    for (let i = 0; i < 20; i++) await producer.send({ topic: 'orders', messages: [{ key: `o${i % 5}`, value: String(i) }] });
    const idx = new KeyIndex(cluster.engine.log('orders', 0));
    expect(idx.readyFor('o1')).toBe(false);
    expect(idx.offsetsOf('o1')).toEqual([]);
    await idx.catchUp();
    expect(idx.offsetsOf('o1')).toEqual([1, 6, 11, 16]);
    await producer.send({ topic: 'orders', messages: [{ key: 'o1', value: 'a' }, { key: 'o9', value: 'b' }, { key: 'o1', value: 'c' }] });
    expect(idx.readyFor('o1')).toBe(true);
    expect(idx.offsetsOf('o1')).toEqual([1, 6, 11, 16, 20, 22]);
    expect(idx.offsetsOf('o9')).toEqual([21]);
    expect(idx.coversUpTo(23)).toBe(true);
    // Records of another key are indexed at once too, and a read of any key finds them.
    await producer.send({ topic: 'orders', messages: [{ key: 'o2', value: 'd' }] });
    expect(idx.readyFor('o2')).toBe(true);
    expect(idx.offsetsOf('o2')).toEqual([2, 7, 12, 17, 23]);
    await cluster.close();
  });
});
