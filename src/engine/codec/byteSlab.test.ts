import { describe, expect, it } from 'vitest';
import { ByteSlab, SLAB_BATCH_MAX } from './byteSlab';
import { encodeBatches, readMeta, stampBatch } from './recordBatch';

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('ByteSlab', () => {
  it('gives copies that share a buffer without overlapping, and starts a new buffer when one is full', () => {
    const slab = new ByteSlab(100);
    const a = slab.copy(bytes(60, 1), 40);
    const b = slab.copy(bytes(60, 2), 60);
    const c = slab.copy(bytes(10, 3), 10);
    expect([a.length, b.length, c.length]).toEqual([40, 60, 10]);
    expect(a.buffer).toBe(b.buffer);
    expect(b.byteOffset).toBe(a.byteOffset + 40);
    expect(c.buffer).not.toBe(a.buffer); // 40 + 60 filled the first buffer
    expect([...new Set(a)], 'the source was not copied past length').toEqual([1]);
    expect([...new Set(b)]).toEqual([2]);
    b.fill(9); // a write to one copy (a leader stamping offsets) leaves its neighbours as they were
    expect([...new Set(a)]).toEqual([1]);
    expect([...new Set(c)]).toEqual([3]);
  });

  it('copies a large Node Buffer too (a Buffer\'s slice() is a view of it)', () => {
    const src = Buffer.alloc(SLAB_BATCH_MAX + 10, 7);
    const big = new ByteSlab().copy(src, SLAB_BATCH_MAX + 1);
    src.fill(0);
    expect(big.length).toBe(SLAB_BATCH_MAX + 1);
    expect([...new Set(big)]).toEqual([7]);
  });

  it('gives a large copy a buffer of its own', () => {
    const slab = new ByteSlab();
    const big = slab.copy(bytes(SLAB_BATCH_MAX + 1, 5), SLAB_BATCH_MAX + 1);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(SLAB_BATCH_MAX + 1);
  });

  it('encodes the same batches into a slab as into buffers of their own, each stamped alone', () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `value ${i}`, headers: { h: String(i) }, timestamp: 1_000 + i }));
    const alone = encodeBatches(records, { defaultTimestamp: 5 }, 400);
    const slab = new ByteSlab(1_024);
    const inSlab = encodeBatches(records, { defaultTimestamp: 5, slab }, 400);
    expect(alone.length).toBeGreaterThan(3);
    expect(inSlab).toEqual(alone);
    expect(inSlab[1]!.buffer).toBe(inSlab[0]!.buffer);
    inSlab.forEach((b, i) => stampBatch(b, 0, 100 * i, 1, 7));
    inSlab.forEach((b, i) => expect(readMeta(b)).toMatchObject({ baseOffset: 100 * i, count: readMeta(alone[i]!).count }));
  });
});
