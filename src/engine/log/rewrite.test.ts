// Cutting stored batches to an offset range keeps every record in range at its own offset, with
// its key, value and headers, and nothing else: the step truncation (a log cut at its end) and a
// follower's copy of a batch straddling its log end rely on.
import { describe, expect, it } from 'vitest';
import { batchByteLength, encodeBatch, stampBatch } from '../codec/recordBatch';
import { forEachRecord } from '../codec/recordReads';
import { batchesInRange, packChunks } from './rewrite';

/** A chunk of batches of `sizes` records at consecutive offsets from 10, and one compacted batch (offsets 40 and 45 only). */
function chunk(sizes: number[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let next = 10;
  for (const n of sizes) {
    const b = encodeBatch(Array.from({ length: n }, (_, i) => ({ key: `k${next + i}`, value: `v${next + i}`, headers: { h: `x${next + i}` } })));
    stampBatch(b, 0, next, 3, 1_000);
    parts.push(b);
    next += n;
  }
  const gappy = encodeBatch([
    { key: 'k40', value: 'v40', offsetDelta: 0 },
    { key: 'k45', value: 'v45', offsetDelta: 5 },
  ]);
  stampBatch(gappy, 0, 40, 3, 1_000);
  parts.push(gappy);
  return packChunks(parts, Infinity)[0]!.data!;
}

function records(batches: Uint8Array[]): { offset: number; key: string; value: string }[] {
  const out: { offset: number; key: string; value: string }[] = [];
  for (const b of batches) {
    for (let at = 0; at < b.length; at += batchByteLength(b, at)) forEachRecord(b, at, (r) => void out.push({ offset: r.offset, key: r.key!.toString(), value: r.value!.toString() }));
  }
  return out;
}

describe('batchesInRange', () => {
  const data = chunk([5, 5, 5]); // offsets 10..24, then 40 and 45

  it.each([
    [-Infinity, 17],
    [13, Infinity],
    [12, 22],
    [0, 100],
    [15, 20],
    [41, 45],
    [41, 46],
    [10, 24],
  ])('keeps exactly the records with offsets in [%s, %s)', (from, to) => {
    const all = records([data]);
    expect(all.map((r) => r.offset)).toEqual([...Array.from({ length: 15 }, (_, i) => 10 + i), 40, 45]);
    expect(records(batchesInRange(data, from, to))).toEqual(all.filter((r) => r.offset >= from && r.offset < to));
  });

  it('shares batches wholly in range and writes none for a compacted batch whose gap the range falls in', () => {
    const whole = batchesInRange(data, 15, 20);
    expect(whole).toHaveLength(1);
    expect(whole[0]!.buffer).toBe(data.buffer);
    expect(batchesInRange(data, 41, 45)).toEqual([]);
  });
});
