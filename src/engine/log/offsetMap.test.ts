// The cleaner's key -> latest offset map reads keys where they lie in the batch bytes; two keys
// whose hashes collide must still count as two keys (the byte comparison), or compaction would
// drop the latest record of one of them.
import { describe, expect, it } from 'vitest';
import { encodeBatch, stampBatch } from '../codec/recordBatch';
import { scanKeys } from '../codec/recordReads';
import { hashOf, OffsetMap } from './offsetMap';

const bytes = (s: string) => new TextEncoder().encode(s);

/** One chunk of batches, each stamped at its base offset. */
function chunk(batches: { base: number; records: { key: string | null; value: string | null }[] }[]): Uint8Array {
  const parts = batches.map(({ base, records }) => {
    const b = encodeBatch(records.map((r, i) => ({ key: r.key, value: r.value, offsetDelta: i })));
    stampBatch(b, 0, base, 0, 0);
    return b;
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('OffsetMap (the cleaner map of key to latest offset)', () => {
  it('keeps the latest offset of each key, and whether it is a tombstone', () => {
    const map = new OffsetMap();
    const data = chunk([
      { base: 0, records: [{ key: 'a', value: '1' }, { key: 'b', value: '1' }] },
      { base: 2, records: [{ key: 'a', value: '2' }, { key: null, value: 'keyless' }, { key: 'b', value: null }] },
      { base: 5, records: [{ key: 'c', value: '1' }] },
    ]);
    expect(scanKeys(data, map)).toBe(6);
    expect(map.keys).toBe(3);
    expect(map.survivors()).toEqual({ offsets: [2, 4, 5], tombstones: [false, true, false] });
  });

  it('tells apart keys whose hashes collide, by their bytes', () => {
    // Found by search: two short keys with the same 32-bit FNV-1a hash.
    const [x, y] = ['k32728', 'k261234'];
    const bx = bytes(x);
    const by = bytes(y);
    expect(hashOf(bx, 0, bx.length)).toBe(hashOf(by, 0, by.length));
    const map = new OffsetMap();
    scanKeys(chunk([{ base: 10, records: [{ key: x, value: '1' }, { key: y, value: '1' }, { key: 'k3', value: '1' }, { key: y, value: '2' }, { key: x, value: '2' }] }]), map);
    expect(map.keys).toBe(3);
    expect(map.survivors().offsets).toEqual([12, 13, 14]);
    const pair = new OffsetMap();
    scanKeys(chunk([{ base: 0, records: [{ key: x, value: '1' }, { key: y, value: '1' }] }]), pair);
    expect(pair.survivors().offsets).toEqual([0, 1]);
  });
});
