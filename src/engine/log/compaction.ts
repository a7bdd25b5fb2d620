// Log compaction as Kafka's cleaner does it, on every replica: over the closed segments below
// the high watermark (never the active one, and only those whose newest record is older than
// min.compaction.lag.ms), keep the latest
// record per key at its original offset (gaps appear), when the dirty part is at least
// min.cleanable.dirty.ratio of the cleanable bytes. Tombstones (null values) survive the
// first clean of their segment and are dropped once delete.retention.ms has passed since.
// It runs every second on every replica, so it is built to cost little per record: one walk of
// the keys fills a map of key -> latest offset (offsetMap.ts), and the rewrite is decided by the
// survivors' offsets alone; memory storage's bytes are read without an await per chunk.
import type { TopicConfig } from './topicConfig';
import { batchBaseOffset, batchByteLength, batchCount, batchLastOffset, HEADER_BYTES } from '../codec/recordBatch';
import { scanKeys } from '../codec/recordReads';
import type { ChunkRef } from './logStore';
import type { PartitionLog } from './partitionLog';
import { OffsetMap } from './offsetMap';
import { keepOffsets, packChunks } from './rewrite';
import { addChunk, newSegment, segmentLastOffset, type Segment } from './segment';
import { CHUNK_BYTES } from './truncate';

export interface CompactionStats {
  cleaned: boolean;
  segments: number;
  recordsBefore: number;
  recordsAfter: number;
}

/** One batch's records that stay (reused: a pass fills it batch by batch). */
const keep: number[] = [];

export async function compact(log: PartitionLog, config: TopicConfig, now: number, tombstoneHints: WeakMap<Segment, number>): Promise<CompactionStats> {
  return log.exclusive(async () => {
    const generation = log.generation;
    const lag = config['min.compaction.lag.ms'];
    const cleanable: Segment[] = [];
    for (let i = 0; i < log.segments.length - 1; i++) {
      const s = log.segments[i]!;
      if (s.chunks.length > 0 && s.maxTimestamp > now - lag) break;
      // Only what is committed (below the high watermark) is cleaned, on every replica alike.
      if (log.segments[i + 1]!.baseOffset > log.highWatermark) break;
      cleanable.push(s);
    }
    const none = { cleaned: false, segments: 0, recordsBefore: 0, recordsAfter: 0 };
    if (cleanable.length === 0) return none;
    const deleteRetention = config['delete.retention.ms'];
    let total = 0;
    let dirty = 0;
    for (const s of cleanable) {
      total += s.size;
      if (segmentLastOffset(s) >= log.cleanerCheckpoint) dirty += s.size;
    }
    const tombstonesDue = cleanable.some((s) => s.cleanedAt !== null && now - s.cleanedAt >= deleteRetention && (tombstoneHints.get(s) ?? 1) > 0);
    if (!(total > 0 && dirty / total >= config['min.cleanable.dirty.ratio'] && dirty > 0) && !tombstonesDue) return none;

    // Pass 1: the latest offset of every key in the cleanable range.
    const paged = log.store.pageable;
    const map = new OffsetMap();
    let before = 0;
    for (const s of cleanable) {
      for (const c of s.chunks) {
        // Memory storage's bytes are read at once, without an await per chunk; paged storage
        // loads them through the log, which keeps its cache's order.
        before += scanKeys(c.data !== undefined && !paged ? c.data : await log.chunkData(s.baseOffset, c), map);
      }
    }

    // Pass 2: rewrite each segment with the survivors. A record stays when its offset is its
    // key's latest, so the survivors' offsets alone decide: a chunk or batch holding none of
    // them is dropped unread, one holding only survivors is kept as it is.
    const { offsets, tombstones: isTombstone } = map.survivors();
    const put: ChunkRef[] = [];
    const replaced: Segment[] = [];
    const next: Segment[] = [];
    let after = 0;
    let j = 0;
    for (const s of cleanable) {
      const dropTombstones = s.cleanedAt !== null && now - s.cleanedAt >= deleteRetention;
      const batches: Uint8Array[] = [];
      let changed = false;
      let tombstones = 0;
      for (const c of s.chunks) {
        while (j < offsets.length && offsets[j]! < c.baseOffset) j++;
        if (c.count > 0 && (j >= offsets.length || offsets[j]! > c.lastOffset)) {
          changed = true;
          continue;
        }
        const data = c.data !== undefined && !paged ? c.data : await log.chunkData(s.baseOffset, c);
        let out = 0;
        let whole = false;
        for (let at = 0; at + HEADER_BYTES <= data.length; ) {
          const len = batchByteLength(data, at);
          if (len < HEADER_BYTES) break;
          const base = batchBaseOffset(data, at);
          const last = batchLastOffset(data, at);
          const count = batchCount(data, at);
          while (j < offsets.length && offsets[j]! < base) j++;
          // This batch's survivors, less the tombstones whose time is up, into keep[].
          keep.length = 0;
          for (; j < offsets.length && offsets[j]! <= last; j++) {
            if (isTombstone[j]) {
              if (dropTombstones) continue;
              tombstones++;
            }
            keep.push(offsets[j]!);
          }
          after += keep.length;
          if (keep.length === count) {
            batches.push(data.subarray(at, at + len));
            out++;
            whole = len === data.length;
          } else if (keep.length > 0) {
            batches.push(keepOffsets(data, at, keep, 0, keep.length));
            out++;
          }
          at += len;
        }
        if (out !== 1 || !whole) changed = true;
      }
      tombstoneHints.set(s, tombstones);
      if (!changed && s.cleanedAt !== null) {
        next.push(s);
        continue;
      }
      const fresh = newSegment(s.baseOffset, s.createdAt);
      fresh.cleanedAt = s.cleanedAt ?? now;
      fresh.maxTimestamp = s.maxTimestamp;
      for (const c of packChunks(batches, CHUNK_BYTES)) {
        addChunk(fresh, c);
        put.push({ segmentBase: fresh.baseOffset, chunk: c });
      }
      tombstoneHints.set(fresh, tombstones);
      replaced.push(s);
      next.push(fresh);
    }
    // Appends went on meanwhile (they only touch the active segment or add new ones); anything
    // else that changed the log (truncation, retention) makes this pass moot.
    if (log.generation !== generation || cleanable.some((s, i) => log.segments[i] !== s)) return none;
    // Empty cleaned segments disappear; the first one stays so the log start keeps a home.
    const kept = next.filter((s, i) => s.chunks.length > 0 || i === 0);
    log.segments = [...kept, ...log.segments.slice(cleanable.length)];
    log.cleanerCheckpoint = segmentLastOffset(cleanable[cleanable.length - 1]!) + 1;
    // Storage deletes every replaced segment whole (its chunks with it) before it puts the fresh
    // ones, so the replaced chunks need not be listed one by one.
    log.rewrote({ deleteSegments: [...new Set([...replaced.map((s) => s.baseOffset), ...next.filter((s) => !kept.includes(s)).map((s) => s.baseOffset)])], put });
    for (const s of replaced) for (const c of s.chunks) log.forgetChunk(c);
    await log.flush();
    return { cleaned: true, segments: replaced.length, recordsBefore: before, recordsAfter: after };
  });
}
