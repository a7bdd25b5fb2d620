// Re-encodes the records of stored batches that stay, keeping their offsets, append times,
// leader epochs and producer fields: the shared step of truncation, follower copies and compaction.
import { batchBaseOffset, batchByteLength, batchLastOffset, batchTimes, encodeBatch, HEADER_BYTES, readMeta, stampBatch, type BatchMeta, type RecordInput } from '../codec/recordBatch';
import { forEachKey, forEachRecord } from '../codec/recordReads';
import type { Chunk } from './segment';

/**
 * The batches in `data` cut to the records with offsets in [from, to): a batch wholly inside is
 * shared, one wholly outside skipped (both from its header alone), and only a batch straddling a
 * bound is decoded and encoded again (truncation, and a follower's copy of a rewritten batch).
 */
export function batchesInRange(data: Uint8Array, from: number, to: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const inRange = (offset: number) => offset >= from && offset < to;
  for (let at = 0; at + HEADER_BYTES <= data.length; ) {
    const len = batchByteLength(data, at);
    if (len < HEADER_BYTES) break;
    const base = batchBaseOffset(data, at);
    const last = batchLastOffset(data, at);
    if (base >= from && last < to) out.push(data.subarray(at, at + len));
    else if (last >= from && base < to) {
      // A compacted batch has gaps: the bounds may cut it and still leave none of its records.
      let kept = 0;
      forEachKey(data, at, (offset) => {
        if (inRange(offset)) kept++;
      });
      if (kept > 0) out.push(reencode(data, at, readMeta(data, at), inRange));
    }
    at += len;
  }
  return out;
}

/**
 * The batch at `at` with only its records whose offsets are `offsets[from..to)` (ascending, all
 * inside the batch): the cleaner's rewrite, decided by offset alone.
 */
export function keepOffsets(data: Uint8Array, at: number, offsets: readonly number[], from: number, to: number): Uint8Array {
  let w = from;
  return reencode(data, at, readMeta(data, at), (offset) => {
    while (w < to && offsets[w]! < offset) w++;
    return w < to && offsets[w] === offset;
  });
}

function reencode(data: Uint8Array, at: number, m: BatchMeta, keep: (offset: number) => boolean): Uint8Array {
  const kept: RecordInput[] = [];
  let first = -1;
  forEachRecord(data, at, (r) => {
    if (!keep(r.offset)) return;
    if (first < 0) first = r.offset;
    kept.push({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp, offsetDelta: r.offset - first });
  });
  const b = encodeBatch(kept, { producerId: m.producerId, producerEpoch: m.producerEpoch, baseSequence: m.baseSequence, attributes: m.attributes });
  stampBatch(b, 0, first, m.partitionLeaderEpoch, m.appendTime);
  return b;
}

/** Packs batches into chunks of at most `maxBytes` (a single larger batch gets its own chunk). */
export function packChunks(batches: Uint8Array[], maxBytes: number): Chunk[] {
  const chunks: Chunk[] = [];
  let group: Uint8Array[] = [];
  let size = 0;
  const close = () => {
    if (group.length === 0) return;
    const data = group.length === 1 ? group[0]! : concat(group, size);
    let first = Infinity;
    let max = -Infinity;
    let count = 0;
    let base = -1;
    let last = -1;
    for (let at = 0; at < data.length; ) {
      const m = readMeta(data, at);
      if (base < 0) base = m.baseOffset;
      last = m.baseOffset + m.lastOffsetDelta;
      count += m.count;
      const t = batchTimes(m);
      first = Math.min(first, t.first);
      max = Math.max(max, t.max);
      at += m.byteLength;
    }
    chunks.push({ baseOffset: base, lastOffset: last, count, byteLength: data.length, firstTimestamp: first, maxTimestamp: max, data, readers: undefined });
    group = [];
    size = 0;
  };
  for (const b of batches) {
    if (size + b.length > maxBytes) close();
    group.push(b);
    size += b.length;
  }
  close();
  return chunks;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
