// Truncation to an offset (a follower diverged from its new leader, KIP-101): whole segments
// and chunks past the offset go, a chunk straddling it is rewritten with the records before it.
import type { ChunkRef } from './logStore';
import type { PartitionLog } from './partitionLog';
import { filterChunkBatches, packChunks } from './rewrite';
import { addChunk, newSegment, type Segment } from './segment';

export const CHUNK_BYTES = 60 * 1024;

export async function rewriteTail(log: PartitionLog, target: number): Promise<void> {
  const deleteSegments: number[] = [];
  const deleteChunks: ChunkRef[] = [];
  const put: ChunkRef[] = [];
  const keep: Segment[] = [];
  let rewritten: { seg: Segment; chunks: ReturnType<typeof packChunks>; from: number } | undefined;
  for (const seg of log.segments) {
    if (seg.baseOffset >= target) {
      deleteSegments.push(seg.baseOffset);
      continue;
    }
    keep.push(seg);
    const idx = seg.chunks.findIndex((c) => c.lastOffset >= target);
    if (idx < 0) continue;
    const straddler = seg.chunks[idx]!;
    const tail = seg.chunks.slice(idx);
    for (const c of tail) deleteChunks.push({ segmentBase: seg.baseOffset, chunk: c });
    let replacement: ReturnType<typeof packChunks> = [];
    if (straddler.baseOffset < target) {
      const data = await log.chunkData(seg.baseOffset, straddler);
      replacement = packChunks(filterChunkBatches(data, (o) => o < target), CHUNK_BYTES);
      for (const c of replacement) put.push({ segmentBase: seg.baseOffset, chunk: c });
    }
    rewritten = { seg, chunks: replacement, from: idx };
  }
  if (keep.length === 0) keep.push(newSegment(target, log.clock.now()));
  const oldSegments = log.segments;
  log.segments = keep;
  if (rewritten) {
    const { seg, chunks, from } = rewritten;
    const removed = seg.chunks.splice(from);
    for (const c of removed) log.forgetChunk(c);
    seg.size = 0;
    seg.maxTimestamp = -Infinity;
    const rest = seg.chunks.splice(0);
    for (const c of [...rest, ...chunks]) addChunk(seg, c);
  }
  try {
    await log.store.write({ put, deleteChunks, deleteSegments, meta: { ...log.meta(), epochs: log.epochs.toJSON().filter((e) => e.startOffset < target), generation: log.generation + 1 } });
  } catch (e) {
    log.segments = oldSegments;
    throw e;
  }
  for (const r of put) log.adoptChunk(r.chunk);
}
