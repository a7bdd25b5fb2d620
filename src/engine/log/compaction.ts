// Log compaction as Kafka's cleaner does it, on every replica: over the closed segments below
// the high watermark (never the active one, and only those whose newest record is older than
// min.compaction.lag.ms), keep the latest
// record per key at its original offset (gaps appear), when the dirty part is at least
// min.cleanable.dirty.ratio of the cleanable bytes. Tombstones (null values) survive the
// first clean of their segment and are dropped once delete.retention.ms has passed since.
import type { TopicConfig } from './topicConfig';
import { forEachKey } from '../codec/recordBatch';
import type { ChunkRef } from './logStore';
import type { PartitionLog } from './partitionLog';
import { filterChunkBatches, packChunks } from './rewrite';
import { addChunk, newSegment, segmentLastOffset, type Segment } from './segment';
import { CHUNK_BYTES } from './truncate';

export interface CompactionStats {
  cleaned: boolean;
  segments: number;
  recordsBefore: number;
  recordsAfter: number;
}

/** Each byte as one code point (windows-1252 decodes every byte to its own one): a Map key, not text. */
const bytesAsText = new TextDecoder('latin1');

/** Key bytes as a string map key; keys of up to 64 bytes (ids, UUIDs) are quickest char by char. */
function keyOf(buf: Uint8Array, start: number, len: number): string {
  if (len <= 64) {
    let s = '';
    for (let i = 0; i < len; i++) s += String.fromCharCode(buf[start + i]!);
    return s;
  }
  return bytesAsText.decode(buf.subarray(start, start + len));
}

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
    const latest = new Map<string, number>();
    let before = 0;
    for (const s of cleanable) {
      for (const c of s.chunks) {
        const data = await log.chunkData(s.baseOffset, c);
        for (let at = 0; at < data.length; ) {
          forEachKey(data, at, (offset, ks, kl) => {
            before++;
            if (kl >= 0) latest.set(keyOf(data, ks, kl), offset);
          });
          at += new DataView(data.buffer, data.byteOffset + at, 4).getUint32(0, true);
        }
      }
    }

    // Pass 2: rewrite each segment with the survivors.
    const put: ChunkRef[] = [];
    const replaced: Segment[] = [];
    const next: Segment[] = [];
    let after = 0;
    for (const s of cleanable) {
      const dropTombstones = s.cleanedAt !== null && now - s.cleanedAt >= deleteRetention;
      const batches: Uint8Array[] = [];
      let changed = false;
      let tombstones = 0;
      for (const c of s.chunks) {
        const data = await log.chunkData(s.baseOffset, c);
        const out = filterChunkBatches(data, (offset, buf, keyStart, keyLen, valueLen) => {
          if (keyLen < 0) return false;
          if (latest.get(keyOf(buf, keyStart, keyLen)) !== offset) return false;
          if (valueLen < 0) {
            if (dropTombstones) return false;
            tombstones++;
          }
          after++;
          return true;
        });
        if (out.length !== 1 || out[0]!.length !== data.length) changed = true;
        batches.push(...out);
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
    const removed = replaced.flatMap((s) => s.chunks.map((chunk) => ({ segmentBase: s.baseOffset, chunk })));
    log.rewrote({ deleteSegments: [...new Set([...replaced.map((s) => s.baseOffset), ...next.filter((s) => !kept.includes(s)).map((s) => s.baseOffset)])], removed, put });
    for (const r of removed) log.forgetChunk(r.chunk);
    await log.flush();
    return { cleaned: true, segments: replaced.length, recordsBefore: before, recordsAfter: after };
  });
}
