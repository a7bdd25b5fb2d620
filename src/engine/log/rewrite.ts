// Re-encodes the records of stored batches that pass a filter, keeping their offsets, append
// times, leader epochs and producer fields: the shared step of truncation and compaction.
import { batchTimes, encodeBatch, readMeta, stampBatch, type BatchMeta, type RecordInput } from '../codec/recordBatch';
import { forEachKey, forEachRecord } from '../codec/recordReads';
import type { Chunk } from './segment';

/**
 * Whether a record stays: its offset, and where its key lies in `buf` (keyLen < 0: no key;
 * valueLen < 0: a tombstone). Positions, not copies, so deciding allocates nothing per record.
 */
export type KeepRecord = (offset: number, buf: Uint8Array, keyStart: number, keyLen: number, valueLen: number) => boolean;

/** One decision per record of the batch being filtered; grown, never shrunk. */
let decisions = new Uint8Array(256);

/**
 * Rewrites every batch in `data`, keeping the records `keep` accepts. Records are judged from
 * their offsets and key positions alone; a batch kept whole is shared and one dropped whole is
 * skipped, so only a batch that loses some of its records is decoded and encoded again.
 */
export function filterChunkBatches(data: Uint8Array, keep: KeepRecord): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length; ) {
    const m = readMeta(data, at);
    if (decisions.length < m.count) decisions = new Uint8Array(Math.max(m.count, decisions.length * 2));
    let n = 0;
    let kept = 0;
    forEachKey(data, at, (offset, keyStart, keyLen, valueLen) => {
      const yes = keep(offset, data, keyStart, keyLen, valueLen);
      decisions[n++] = yes ? 1 : 0;
      if (yes) kept++;
    });
    if (kept === m.count) out.push(data.subarray(at, at + m.byteLength));
    else if (kept > 0) out.push(rewriteBatch(data, at, m, n));
    at += m.byteLength;
  }
  return out;
}

/** The batch at `at` with only the records `decisions` marks, at their own offsets. */
function rewriteBatch(data: Uint8Array, at: number, m: BatchMeta, n: number): Uint8Array {
  let i = 0;
  return reencode(data, at, m, () => i < n && decisions[i++] === 1);
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
    chunks.push({ baseOffset: base, lastOffset: last, count, byteLength: data.length, firstTimestamp: first, maxTimestamp: max, data });
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
