// What a partition log needs from storage: atomic writes (new chunks, deleted segments or
// chunks, partition metadata, all or nothing) and loading a paged-out chunk's bytes. Memory
// storage keeps bytes resident and writes nothing; IndexedDB storage packs each chunk into one
// value and commits each write in one transaction.
import type { EpochEntry } from '../log/leaderEpochCache';
import type { Chunk, SegmentMeta } from '../log/segment';

export interface PartitionMeta {
  logStartOffset: number;
  segments: SegmentMeta[];
  epochs: EpochEntry[];
  cleanerCheckpoint: number;
  /** Count of rewrites (compaction, retention, truncation, deleteRecords): indexes built at another generation are stale. */
  generation?: number;
}

/** Header of a saved per-key offset index of one partition, valid for one log generation up to `upTo`. */
export interface KeyIndexHeader {
  generation: number;
  upTo: number;
  buckets: number;
}

/** One bucket of a saved key index: the keys hashing to it and their offsets. */
export interface KeyIndexBucket {
  bucket: number;
  generation: number;
  keys: string[];
  /** How many offsets each key has, in `keys` order. */
  counts: Uint32Array;
  /** All keys' offsets, concatenated in `keys` order (32-bit when they fit). */
  offsets: Float64Array | Uint32Array;
}

export interface ChunkRef {
  segmentBase: number;
  chunk: Chunk;
}

export interface LogWrite {
  put?: ChunkRef[];
  deleteChunks?: ChunkRef[];
  deleteSegments?: number[];
  meta?: PartitionMeta;
}

export interface PartitionStore {
  /** Applies the write atomically; resolves once durable. */
  write(w: LogWrite): Promise<void> | void;
  /** Loads a paged-out chunk's bytes. */
  load(segmentBase: number, chunk: Chunk): Promise<Uint8Array>;
  /** Loads consecutive chunks of one segment in one request (sequential read-ahead). */
  loadMany?(segmentBase: number, chunks: Chunk[]): Promise<Uint8Array[]>;
  /** Loads scattered chunks in one request (one key's events). */
  loadChunks?(refs: ChunkRef[]): Promise<Uint8Array[]>;
  /** Whether chunk bytes may be dropped from memory (they can be loaded again). */
  readonly pageable: boolean;
  /**
   * A store that keeps nothing (memory storage): the log in memory is the only copy, so the log
   * does not collect what a flush would hand over (a set entry per chunk on every append).
   */
  readonly volatile?: boolean;
  /** Saves / loads the event store's key index so a reopen does not rescan the log (optional). */
  saveKeyIndex?(header: KeyIndexHeader, buckets: KeyIndexBucket[]): Promise<void>;
  loadKeyIndexHeader?(): Promise<KeyIndexHeader | undefined>;
  loadKeyIndexBuckets?(buckets: number[]): Promise<(KeyIndexBucket | undefined)[]>;
  /** Deletes everything of this partition. */
  destroy(): Promise<void> | void;
}

export const memoryPartitionStore = (): PartitionStore => ({
  write() {},
  load() {
    return Promise.reject(new Error('memory storage never pages chunks out'));
  },
  pageable: false,
  volatile: true,
  destroy() {},
});
