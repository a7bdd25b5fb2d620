// Segments and chunks: a partition's log is a list of segments (the unit of retention and
// compaction), each a list of chunks (the unit of storage: one or more packed batches in one
// byte array, one IndexedDB value). Chunk descriptors stay in memory; their bytes can be
// paged out and loaded again from storage.
export interface Chunk {
  baseOffset: number;
  lastOffset: number;
  count: number;
  byteLength: number;
  firstTimestamp: number;
  maxTimestamp: number;
  /** Resident bytes; undefined when paged out (IndexedDB storage). */
  data: Uint8Array | undefined;
  /**
   * What readers made of the bytes, kept with them on logs whose chunks never change
   * (PartitionLog.chunksFixed): the decoded records of replication/records.ts. Undefined until read.
   */
  readers: object | undefined;
}

export interface Segment {
  baseOffset: number;
  chunks: Chunk[];
  size: number;
  /** Clock time of the first append, for segment.ms rolling. */
  createdAt: number;
  /** Largest record timestamp, for retention.ms (Kafka uses the largest timestamp too). */
  maxTimestamp: number;
  /** When compaction first rewrote it: tombstones live delete.retention.ms past this. */
  cleanedAt: number | null;
}

export interface SegmentMeta {
  baseOffset: number;
  createdAt: number;
  maxTimestamp: number;
  cleanedAt: number | null;
}

export function newSegment(baseOffset: number, now: number): Segment {
  return { baseOffset, chunks: [], size: 0, createdAt: now, maxTimestamp: -Infinity, cleanedAt: null };
}

export function segmentLastOffset(s: Segment): number {
  const c = s.chunks[s.chunks.length - 1];
  return c ? c.lastOffset : s.baseOffset - 1;
}

export function segmentMeta(s: Segment): SegmentMeta {
  return { baseOffset: s.baseOffset, createdAt: s.createdAt, maxTimestamp: s.maxTimestamp, cleanedAt: s.cleanedAt };
}

export function addChunk(s: Segment, c: Chunk): void {
  s.chunks.push(c);
  s.size += c.byteLength;
  if (c.maxTimestamp > s.maxTimestamp) s.maxTimestamp = c.maxTimestamp;
}

/** Index of the last element whose key is <= target, or -1 (binary search). */
export function floorIndex<T>(items: readonly T[], target: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= target) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}
