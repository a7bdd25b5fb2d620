// Truncation to an offset (a follower diverged from its new leader, KIP-101; a power loss
// dropped the unflushed tail): whole segments and chunks past the offset go, a chunk
// straddling it is rewritten with the records before it. In memory, at one instant; the log
// records what storage must change for its next flush.
import type { ChunkRef } from './logStore';
import type { PartitionLog } from './partitionLog';
import { batchesInRange, packChunks } from './rewrite';
import { addChunk, newSegment, type Segment } from './segment';

export const CHUNK_BYTES = 60 * 1024;

export interface TailCut {
  /** The new log end: `target`, or lower when the straddling chunk's bytes were paged out. */
  end: number;
  deletedSegments: number[];
  removed: ChunkRef[];
  put: ChunkRef[];
}

export function cutTail(log: PartitionLog, target: number): TailCut {
  const deletedSegments: number[] = [];
  const removed: ChunkRef[] = [];
  const put: ChunkRef[] = [];
  const keep: Segment[] = [];
  let end = target;
  for (const seg of log.segments) {
    if (seg.baseOffset >= end) {
      deletedSegments.push(seg.baseOffset);
      continue;
    }
    keep.push(seg);
    const idx = seg.chunks.findIndex((c) => c.lastOffset >= end);
    if (idx < 0) continue;
    const straddler = seg.chunks[idx]!;
    const tail = seg.chunks.splice(idx);
    for (const c of tail) removed.push({ segmentBase: seg.baseOffset, chunk: c });
    if (straddler.baseOffset < end) {
      if (straddler.data) {
        for (const c of packChunks(batchesInRange(straddler.data, -Infinity, end), CHUNK_BYTES)) {
          seg.chunks.push(c);
          put.push({ segmentBase: seg.baseOffset, chunk: c });
        }
      } else end = Math.max(straddler.baseOffset, log.logStartOffset);
    }
    seg.size = 0;
    seg.maxTimestamp = -Infinity;
    const rest = seg.chunks.splice(0);
    for (const c of rest) addChunk(seg, c);
  }
  if (keep.length === 0) keep.push(newSegment(end, log.clock.now()));
  log.segments = keep;
  return { end, deletedSegments, removed, put };
}
