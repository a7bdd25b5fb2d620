// Re-encodes the records of stored batches that pass a filter, keeping their offsets, append
// times, leader epochs and producer fields: the shared step of truncation and compaction.
import { batchTimes, encodeBatch, forEachRecord, readMeta, stampBatch, type RecordInput } from '../codec/recordBatch';
import type { Chunk } from './segment';

/** Rewrites every batch in `data`, keeping records for which keep(offset, ...) is true. */
export function filterChunkBatches(data: Uint8Array, keep: (offset: number, hasKey: boolean, isTombstone: boolean, keyBytes: Uint8Array | null) => boolean): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length; ) {
    const m = readMeta(data, at);
    const kept: RecordInput[] = [];
    let first = -1;
    forEachRecord(data, at, (r) => {
      if (!keep(r.offset, r.key !== null, r.value === null, r.key)) return;
      if (first < 0) first = r.offset;
      kept.push({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp, offsetDelta: r.offset - first });
    });
    if (kept.length === m.count) out.push(data.subarray(at, at + m.byteLength));
    else if (kept.length > 0) {
      const b = encodeBatch(kept, { producerId: m.producerId, producerEpoch: m.producerEpoch, baseSequence: m.baseSequence, attributes: m.attributes });
      stampBatch(b, 0, first, m.partitionLeaderEpoch, m.appendTime);
      out.push(b);
    }
    at += m.byteLength;
  }
  return out;
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
