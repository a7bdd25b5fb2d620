// Reading a partition log: sequential reads up to the high watermark (consumers), raw batches
// (followers) and reads of scattered offsets (one key's events through an index). Reads are
// positioned by binary search over segments and chunks; bytes are paged in as needed.
import { HEADER_BYTES, readMeta, type DecodedRecord } from '../codec/recordBatch';
import { forEachRecord, pickRecords } from '../codec/recordReads';
import type { PartitionLog, ReadOptions } from './partitionLog';
import type { Chunk, Segment } from './segment';

/** Chunks loaded together on a sequential read of paged-out data (about 1 MiB). */
const READ_AHEAD = 15;

/**
 * Reads records from `offset` (inside a compaction gap: from the next record there is),
 * up to the high watermark. Returns at least one record when one is readable.
 */
export async function readRecords(log: PartitionLog, offset: number, opts: ReadOptions): Promise<DecodedRecord[]> {
  const upTo = opts.isolation === 'logEnd' ? log.logEndOffset : log.highWatermark;
  const maxBytes = opts.maxBytes ?? 1 << 20;
  const maxRecords = opts.maxRecords ?? Infinity;
  const out: DecodedRecord[] = [];
  if (offset >= upTo) return out;
  const cursor = new ChunkCursor(log, offset);
  let bytes = 0;
  for (let at = cursor.current(); at; at = cursor.next(at.chunk)) {
    const { seg, chunk } = at;
    if (chunk.baseOffset >= upTo) break;
    const data = await log.chunkData(seg.baseOffset, chunk, READ_AHEAD);
    // Records already read (a chunk found again after the segments were replaced) are not read twice.
    const from = Math.max(offset, cursor.from);
    let stop = false;
    for (let at = 0; at < data.length && !stop; ) {
      const len = new DataView(data.buffer, data.byteOffset + at, HEADER_BYTES).getUint32(0, true);
      const m = readMeta(data, at);
      const logAppend = (m.attributes & 1) !== 0;
      if (m.baseOffset + m.lastOffsetDelta >= from) {
        forEachRecord(data, at, (r) => {
          if (r.offset < from) return;
          if (r.offset >= upTo || out.length >= maxRecords || (bytes + r.size > maxBytes && out.length > 0)) {
            stop = true;
            return false;
          }
          if (logAppend) r.timestamp = m.appendTime;
          out.push(r);
          bytes += r.size;
        });
      }
      at += len;
    }
    if (stop) break;
  }
  return out;
}

/**
 * A sequential read's position, chunk by chunk. The next chunk is found by index while the log's
 * segments are the list the position was found in; when compaction, retention or truncation
 * replaced that list while a chunk's bytes loaded, it is found anew from the offset after the
 * chunk just read (an index into the old list can point past the end of the new one).
 */
class ChunkCursor {
  private segs: PartitionLog['segments'];
  private loc: { si: number; ci: number } | undefined;
  /** The first offset not read yet. */
  from: number;

  constructor(
    private readonly log: PartitionLog,
    offset: number,
  ) {
    this.segs = log.segments;
    this.loc = log.locate(offset);
    this.from = offset;
  }

  current(): { seg: Segment; chunk: Chunk } | undefined {
    if (!this.loc) return undefined;
    const seg = this.segs[this.loc.si];
    const chunk = seg?.chunks[this.loc.ci];
    return seg && chunk ? { seg, chunk } : undefined;
  }

  next(read: Chunk): { seg: Segment; chunk: Chunk } | undefined {
    this.from = Math.max(this.from, read.lastOffset + 1);
    const loc = this.loc;
    if (!loc) return undefined;
    if (this.log.segments !== this.segs) {
      this.segs = this.log.segments;
      this.loc = this.log.locate(this.from);
    } else {
      const seg = this.segs[loc.si]!;
      this.loc = loc.ci + 1 < seg.chunks.length ? { si: loc.si, ci: loc.ci + 1 } : loc.si + 1 < this.segs.length ? { si: loc.si + 1, ci: 0 } : undefined;
    }
    return this.current();
  }
}

/** Reads the records at the given offsets (ascending), touching only the chunks that hold them. */
export async function readAtOffsets(log: PartitionLog, offsets: readonly number[]): Promise<DecodedRecord[]> {
  await log.prefetch(offsets);
  const out: DecodedRecord[] = [];
  let w = 0;
  while (w < offsets.length) {
    const target = offsets[w]!;
    if (target < log.logStartOffset) {
      w++;
      continue;
    }
    if (target >= log.logEndOffset) break;
    const loc = log.locate(target);
    if (!loc) break;
    const seg = log.segments[loc.si]!;
    const chunk = seg.chunks[loc.ci]!;
    const data = await log.chunkData(seg.baseOffset, chunk);
    for (let at = 0; at < data.length && w < offsets.length; ) {
      const m = readMeta(data, at);
      const before = out.length;
      if (offsets[w]! <= m.baseOffset + m.lastOffsetDelta) w = pickRecords(data, at, offsets, w, out);
      if (m.attributes & 1) for (let i = before; i < out.length; i++) out[i]!.timestamp = m.appendTime;
      at += m.byteLength;
    }
    while (w < offsets.length && offsets[w]! <= chunk.lastOffset) w++;
  }
  return out;
}

/** Raw stored batches from `offset` (for followers): shares bytes with this log. */
export async function readBatchesFrom(log: PartitionLog, offset: number, maxBytes: number, isolation: 'highWatermark' | 'logEnd'): Promise<Uint8Array[]> {
  const upTo = isolation === 'logEnd' ? log.logEndOffset : log.highWatermark;
  const out: Uint8Array[] = [];
  let bytes = 0;
  const cursor = new ChunkCursor(log, offset);
  for (let at = cursor.current(); at && bytes < maxBytes; at = cursor.next(at.chunk)) {
    const { seg, chunk } = at;
    if (chunk.baseOffset >= upTo) break;
    const data = await log.chunkData(seg.baseOffset, chunk, READ_AHEAD);
    const from = Math.max(offset, cursor.from);
    for (let at = 0; at < data.length; ) {
      const m = readMeta(data, at);
      if (m.baseOffset + m.lastOffsetDelta >= from && m.baseOffset < upTo) {
        out.push(data.subarray(at, at + m.byteLength));
        bytes += m.byteLength;
      }
      at += m.byteLength;
    }
  }
  return out;
}

/** The first offset below the high watermark with a timestamp ≥ `timestamp`, else the high watermark. */
export async function offsetForTime(log: PartitionLog, timestamp: number): Promise<number> {
  for (const seg of log.segments) {
    if (seg.maxTimestamp < timestamp) continue;
    for (const chunk of seg.chunks) {
      if (chunk.maxTimestamp < timestamp) continue;
      if (chunk.baseOffset >= log.highWatermark) return log.highWatermark;
      const from = Math.max(chunk.baseOffset, log.logStartOffset);
      if (from > chunk.lastOffset) continue;
      for (const r of await log.read(from, { maxRecords: chunk.count, maxBytes: Infinity })) {
        if (r.offset > chunk.lastOffset) break;
        if (r.timestamp >= timestamp) return r.offset;
      }
    }
  }
  return log.highWatermark;
}
