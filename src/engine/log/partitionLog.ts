// One replica of one partition: the log Kafka keeps per partition directory. Leaders append
// fresh batches (offsets assigned here), followers append batches that already carry offsets
// (bytes shared with the leader's), and either can be truncated (KIP-101). Every change to the
// log happens in memory at one instant (the synchronous methods: append, appendReplica,
// truncate); storage follows behind: flush() hands everything changed since the last flush to
// storage in one write (a group commit) and then advances `flushedOffset` — Kafka's page cache
// and its flush to disk. A power loss drops exactly what was not flushed. The high watermark is
// set from outside when a replication layer drives it; on a single broker (autoHighWatermark)
// it follows the flushed offset, so what is visible and acknowledged is durable.
import type { Clock } from '../../lib/clock';
import { Emitter } from '../../lib/emitter';
import { batchAppendTime, batchBaseOffset, batchBaseSequence, batchCount, batchFirstTime, batchLastOffset, batchLastOffsetDelta, batchLeaderEpoch, batchMaxTime, batchProducerEpoch, batchProducerId, stampBatch, type DecodedRecord } from '../codec/recordBatch';
import { IllegalStateError, OffsetOutOfRangeError } from '../errors';
import type { ChunkRef, PartitionMeta, PartitionStore } from './logStore';
import type { ChunkCache } from './chunkCache';
import { LeaderEpochCache } from './leaderEpochCache';
import { ProducerStateTable } from './producerState';
import { readAtOffsets, readBatchesFrom, readRecords } from './reads';
import { cutTail } from './truncate';
import { batchesInRange } from './rewrite';
import { PendingWrite } from './pendingWrite';
import { addChunk, floorIndex, newSegment, segmentMeta, type Chunk, type Segment } from './segment';

/** How large the growing tail chunk of paged storage gets (see `tail`). */
const TAIL_BYTES = 16 * 1024;

export interface LogSettings {
  segmentBytes: number;
  segmentMs: number;
  /** Records per segment (the replicated cluster's record budget); no limit when absent. */
  segmentRecords?: number;
}

export interface LeaderAppendOptions {
  leaderEpoch?: number;
  /** Runs when offsets are assigned, under the log's lock, with the offset the append would start at; throw to refuse it. */
  precondition?: (nextOffset: number) => void;
  producer?: { id: number; epoch: number; baseSequence: number };
}

export interface AppendResult {
  baseOffset: number;
  lastOffset: number;
  appendTime: number;
  duplicate: boolean;
}

/** Where a chunk is in a log: segment index, chunk index. */
export interface ChunkPosition {
  si: number;
  ci: number;
}

function position(si: number, ci: number, into: ChunkPosition | undefined): ChunkPosition {
  if (!into) return { si, ci };
  into.si = si;
  into.ci = ci;
  return into;
}

/** A segment's or chunk's base offset (one function for every locate: every fetch locates). */
const baseOffsetOf = (x: { baseOffset: number }): number => x.baseOffset;

export interface ReadOptions {
  maxBytes?: number;
  maxRecords?: number;
  /** Read up to the high watermark (consumers) or the log end offset (followers). */
  isolation?: 'highWatermark' | 'logEnd';
}

interface FlushWaiter {
  upTo: number;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export interface PartitionLogInit {
  topic: string;
  partition: number;
  clock: Clock;
  settings: () => LogSettings;
  store: PartitionStore;
  cache?: ChunkCache;
  restored?: { meta: PartitionMeta; chunks: ChunkRef[]; logEndOffset: number; highWatermark?: number };
  /**
   * Whether appends were answered before storage had them (log.flush.interval.messages above 1):
   * then a failed write keeps them in memory, to be written by a later flush, instead of cutting
   * acknowledged records (as Kafka's page cache keeps what the disk refused until the log dir
   * is taken offline). Otherwise the log goes back to what storage holds. Read at each failure.
   */
  answeredBeforeFlush?: () => boolean;
}

export class PartitionLog {
  readonly topic: string;
  readonly partition: number;
  segments: Segment[] = [];
  logStartOffset = 0;
  logEndOffset = 0;
  cleanerCheckpoint = 0;
  /** Bumped on every change other than an append (truncation, compaction, retention). */
  generation = 0;
  /**
   * Bumped on changes that alter or remove records other than the oldest (truncation,
   * compaction): an index of the log that only lost its head (retention, deleteRecords) can drop
   * the offsets below the log start instead of being rebuilt. In memory only.
   */
  contentGeneration = 0;
  readonly epochs: LeaderEpochCache;
  readonly producers = new ProducerStateTable();
  /**
   * Records read so far, for measuring what a reader costs: `scanned` by ranged reads and by the
   * event store's key index walking the log, `byOffset` by reads of given offsets. Never reset.
   */
  readonly readStats = { scanned: 0, byOffset: 0 };
  /** 'highWatermark': what consumers may read grew or shrank (not told for a follower's, see setHighWatermark). */
  readonly events = new Emitter<{ highWatermark: number }>();
  /**
   * Called after every change to the log's offsets or contents (append, high watermark,
   * truncation, retention, compaction): the replicated cluster learns that a follower's fetch
   * that had nothing to do may have something now (PartitionState.idleFollowers).
   */
  onChange: (() => void) | undefined = undefined;
  /** When true (single broker), the high watermark follows the log end offset on append. */
  autoHighWatermark = true;
  readonly clock: Clock;
  readonly store: PartitionStore;
  /**
   * Whether this log's chunks never change once placed: memory storage, which neither pages
   * bytes out nor grows a tail chunk (truncation, compaction and retention replace chunks, never
   * edit them). Replicas that both have it share the leader's chunk objects (appendReplica).
   */
  readonly chunksFixed: boolean;
  private readonly settings: () => LogSettings;
  private readonly cache: ChunkCache | undefined;
  private readonly answeredBeforeFlush: () => boolean;
  private hw = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Records below this offset are in storage (memory storage: everything appended). */
  flushedOffset = 0;
  private pending = new PendingWrite();
  /** The write storage is applying now, and the offset it makes durable (lowered by truncation). */
  private writing: { upTo: number; done: Promise<void>; pending: PendingWrite } | undefined;
  private flushAgain = false;
  private waiters: FlushWaiter[] = [];
  /**
   * Storage that pages (IndexedDB): the leader's last chunk, while not yet handed to storage,
   * grows in a buffer of its own up to TAIL_BYTES, so appends of a few records at a time are
   * stored (and reopened: one key per chunk) as values of kilobytes rather than one value per
   * request. Followers widen views of those bytes instead (extendSharedView).
   */
  private tail: { chunk: Chunk; buf: Uint8Array } | null = null;

  constructor(init: PartitionLogInit) {
    this.topic = init.topic;
    this.partition = init.partition;
    this.clock = init.clock;
    this.settings = init.settings;
    this.store = init.store;
    this.cache = init.cache;
    this.chunksFixed = this.store.volatile === true && !this.store.pageable;
    this.answeredBeforeFlush = init.answeredBeforeFlush ?? (() => false);
    const r = init.restored;
    this.epochs = new LeaderEpochCache(r?.meta.epochs ?? []);
    if (r) {
      this.logStartOffset = r.meta.logStartOffset;
      this.cleanerCheckpoint = r.meta.cleanerCheckpoint;
      this.generation = r.meta.generation ?? 0;
      const metas = new Map(r.meta.segments.map((s) => [s.baseOffset, s]));
      const bySeg = new Map<number, Segment>();
      for (const m of r.meta.segments) {
        const s = newSegment(m.baseOffset, m.createdAt);
        s.cleanedAt = m.cleanedAt;
        bySeg.set(m.baseOffset, s);
      }
      for (const ref of r.chunks) {
        let s = bySeg.get(ref.segmentBase);
        if (!s) bySeg.set(ref.segmentBase, (s = newSegment(ref.segmentBase, metas.get(ref.segmentBase)?.createdAt ?? this.clock.now())));
        addChunk(s, ref.chunk);
      }
      this.segments = [...bySeg.values()].sort((a, b) => a.baseOffset - b.baseOffset);
      this.logEndOffset = Math.max(r.logEndOffset, this.logStartOffset);
      // Kafka reopens a replica at its checkpointed high watermark, not at its log end: records
      // past it were not known to be replicated when the checkpoint was taken. A log never
      // checkpointed (an older database, a standalone engine that acknowledges once flushed) has
      // all of itself committed.
      this.hw = Math.max(this.logStartOffset, Math.min(r.highWatermark ?? this.logEndOffset, this.logEndOffset));
      this.flushedOffset = this.logEndOffset;
    }
    if (this.segments.length === 0) this.segments.push(newSegment(this.logEndOffset, this.clock.now()));
  }

  get highWatermark(): number {
    return this.hw;
  }

  /**
   * Set by the replication layer (min of the ISR's log end offsets); clamped to the log.
   * `serving` false: a follower's copy of its leader's, which no consumer reads (they fetch from
   * the leader), so no 'highWatermark' event: followers take one on nearly every fetch.
   */
  setHighWatermark(offset: number, serving = true): void {
    const v = Math.max(this.logStartOffset, Math.min(offset, this.logEndOffset));
    if (v === this.hw) return;
    this.hw = v;
    this.onChange?.();
    if (serving) this.events.emit('highWatermark', v);
  }

  activeSegment(): Segment {
    return this.segments[this.segments.length - 1]!;
  }

  sizeInBytes(): number {
    let n = 0;
    for (const s of this.segments) n += s.size;
    return n;
  }

  meta(): PartitionMeta {
    return {
      logStartOffset: this.logStartOffset,
      segments: this.segments.map(segmentMeta),
      epochs: this.epochs.toJSON(),
      cleanerCheckpoint: this.cleanerCheckpoint,
      generation: this.generation,
    };
  }

  /** Runs fn alone: no append, truncation or cleaning interleaves with it. */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Leader append, at this instant: assigns offsets to fresh batches (each ≤ one chunk) and
   * stamps them with the leader epoch. Throws (writing nothing) when the precondition or the
   * idempotent producer's sequence check refuses it; a retried batch answers with its original
   * offsets (`duplicate`). Storage follows on the next flush().
   */
  append(batches: Uint8Array[], opts: LeaderAppendOptions = {}): AppendResult {
    const now = this.clock.now();
    let next = this.logEndOffset;
    opts.precondition?.(next);
    let count = 0;
    for (const b of batches) count += batchCount(b);
    const pr = opts.producer;
    if (pr) {
      const seen = this.producers.check(this.topic, this.partition, pr.id, pr.epoch, pr.baseSequence, count);
      if (seen.kind === 'duplicate') {
        const d = seen.batch;
        return { baseOffset: d.baseOffset, lastOffset: d.baseOffset + (d.lastSeq - d.firstSeq), appendTime: d.appendTime, duplicate: true };
      }
    }
    const epoch = opts.leaderEpoch ?? Math.max(this.epochs.latestEpoch(), 0);
    if (this.epochs.assign(epoch, next)) this.pending.metaChanged = true;
    const baseOffset = next;
    for (const b of batches) {
      const delta = batchLastOffsetDelta(b);
      stampBatch(b, 0, next, epoch, now);
      // Read after stamping: with LogAppendTime the broker's clock (the stamped append time) is
      // every record's timestamp (retention, time queries).
      this.placeChunk({ baseOffset: next, lastOffset: next + delta, count: batchCount(b), byteLength: b.length, firstTimestamp: batchFirstTime(b), maxTimestamp: batchMaxTime(b), data: b, readers: undefined }, now);
      next += delta + 1;
    }
    if (pr) this.producers.record(pr.id, pr.epoch, { firstSeq: pr.baseSequence, lastSeq: pr.baseSequence + count - 1, baseOffset, appendTime: now });
    this.extendTo(next);
    return { baseOffset, lastOffset: next - 1, appendTime: now, duplicate: false };
  }

  /**
   * Follower append, at this instant: the leader's batches, which carry their offsets and
   * epochs; bytes are shared with the leader's log, not copied. Batches wholly below the log
   * end are skipped. `chunks[i]`, when given, is the leader's chunk holding exactly batches[i]
   * with chunks that never change (chunksFixed): a log whose own chunks never change holds that
   * object too, instead of a descriptor of its own per batch (most of what a follower's copy
   * kept alive). Returns the number of records appended.
   */
  appendReplica(batches: readonly Uint8Array[], chunks?: readonly (Chunk | undefined)[]): number {
    const now = this.clock.now();
    const from = this.logEndOffset;
    const share = chunks !== undefined && this.chunksFixed;
    let next = from;
    for (let i = 0; i < batches.length; i++) {
      const whole = batches[i]!;
      let b = whole;
      const last = batchLastOffset(b);
      if (last < next) continue;
      // A batch straddling the log end (the leader's compaction rewrote its batches): only its records from there on.
      if (batchBaseOffset(b) < next) {
        const [rest] = batchesInRange(b, next, Infinity);
        if (!rest) continue;
        b = rest;
      }
      // Header fields one by one, not readMeta's object: every follower copies every batch.
      const base = batchBaseOffset(b);
      const epoch = batchLeaderEpoch(b);
      if (epoch >= 0 && this.epochs.assign(epoch, base)) this.pending.metaChanged = true;
      const producerId = batchProducerId(b);
      const firstSeq = batchBaseSequence(b);
      if (producerId >= 0 && firstSeq >= 0) this.producers.record(producerId, batchProducerEpoch(b), { firstSeq, lastSeq: firstSeq + batchLastOffsetDelta(b), baseOffset: base, appendTime: batchAppendTime(b) });
      const leaders = share && b === whole ? chunks[i] : undefined;
      if (leaders) this.placeChunk(leaders, now, true);
      else this.placeChunk({ baseOffset: base, lastOffset: last, count: batchCount(b), byteLength: b.length, firstTimestamp: batchFirstTime(b), maxTimestamp: batchMaxTime(b), data: b, readers: undefined }, now, true);
      next = last + 1;
    }
    if (next > from) this.extendTo(next);
    return next - from;
  }

  private extendTo(next: number): void {
    this.logEndOffset = next;
    this.onChange?.();
  }

  /**
   * Hands everything changed since the last flush to storage in one write, after the write in
   * flight (group commit), then advances flushedOffset. With memory storage this completes at
   * once. A failed write rolls the log back to what storage holds: appends after the flushed
   * offset are gone and their waiters fail with the storage error.
   */
  flush(): Promise<void> {
    if (this.writing) {
      this.flushAgain = true;
      return this.flushed(this.logEndOffset);
    }
    if (this.store.volatile) {
      // Nothing to hand over: what storage would have been told (deletes included) is dropped,
      // and everything in the log counts as flushed, as a write to memory would have it.
      if (!this.pending.empty) this.pending = new PendingWrite();
      this.tail = null;
      this.markFlushed(this.logEndOffset);
      return Promise.resolve();
    }
    if (this.pending.empty) {
      this.markFlushed(this.logEndOffset);
      return Promise.resolve();
    }
    const upTo = this.logEndOffset;
    // The tail is handed to storage now: it stops growing. Its bytes stay where they are, since
    // the followers' chunks are views of them (at most one tail's unused room per flush).
    this.tail = null;
    const taken = this.pending;
    const { write, chunks } = taken.take(taken.metaChanged ? this.meta() : undefined);
    this.pending = new PendingWrite();
    let result: Promise<void> | void;
    try {
      result = this.store.write(write);
    } catch (e) {
      this.rollBack(taken, e);
      return Promise.reject(e);
    }
    if (!(result instanceof Promise)) {
      this.wrote(chunks, upTo);
      return Promise.resolve();
    }
    const entry = { upTo, done: Promise.resolve(), pending: taken };
    this.writing = entry;
    entry.done = result.then(
      () => {
        this.writing = undefined;
        this.wrote(chunks, entry.upTo);
        this.flushNext();
      },
      (e: unknown) => {
        this.writing = undefined;
        this.rollBack(taken, e);
        this.flushNext();
        throw e;
      },
    );
    return entry.done;
  }

  private flushNext(): void {
    if (!this.flushAgain) return;
    this.flushAgain = false;
    this.flush().catch(() => undefined);
  }

  private wrote(chunks: readonly Chunk[], upTo: number): void {
    for (const c of chunks) this.cache?.touch(c);
    this.markFlushed(Math.min(upTo, this.logEndOffset));
  }

  private markFlushed(offset: number): void {
    if (offset > this.flushedOffset) this.flushedOffset = offset;
    if (this.autoHighWatermark) this.setHighWatermark(this.flushedOffset);
    if (this.waiters.length === 0) return;
    const keep: FlushWaiter[] = [];
    for (const w of this.waiters) {
      if (w.upTo <= this.flushedOffset) w.resolve();
      else keep.push(w);
    }
    this.waiters = keep;
  }

  /** Resolves once everything below `offset` is in storage (or fails if a write fails first). */
  flushed(offset: number): Promise<void> {
    if (offset <= this.flushedOffset) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo: offset, resolve, reject }));
  }

  /**
   * A write failed: whoever waited for it is told, and what it held is written again with the
   * next flush. Appends not yet answered go back to what storage holds (the flushed offset);
   * appends already answered (answeredBeforeFlush) stay in memory. Rewrites (retention,
   * compaction, truncation) stay in memory either way.
   */
  private rollBack(failed: PendingWrite, e: unknown): void {
    this.pending.prepend(failed);
    const waiters = this.waiters;
    this.waiters = [];
    if (this.logEndOffset > this.flushedOffset && !this.answeredBeforeFlush()) this.truncate(this.flushedOffset);
    for (const w of waiters) w.reject(e);
  }

  /** Whether a chunk's bytes must stay resident: storage does not have them yet. */
  private unwritten(chunk: Chunk): boolean {
    return this.pending.unwritten.has(chunk) || (this.writing?.pending.unwritten.has(chunk) ?? false);
  }

  /** Leader append that resolves once durable (the single-broker produce path; "acknowledged means durable"). */
  async appendAsLeader(batches: Uint8Array[], opts: LeaderAppendOptions = {}): Promise<AppendResult> {
    const r = this.append(batches, opts);
    const wait = this.flushed(r.lastOffset + 1);
    if (!r.duplicate) void this.flush().catch(() => undefined);
    await wait;
    return r;
  }

  /** Follower append that resolves once durable. */
  async appendAsFollower(batches: Uint8Array[]): Promise<void> {
    if (this.appendReplica(batches) === 0) return;
    const wait = this.flushed(this.logEndOffset);
    void this.flush().catch(() => undefined);
    await wait;
  }

  /** Rolls a new segment when the active one is full by size or age (segment.bytes / segment.ms). */
  private placeChunk(chunk: Chunk, now: number, shared = false): void {
    const { segmentBytes, segmentMs, segmentRecords = Infinity } = this.settings();
    let active = this.activeSegment();
    let rolled = false;
    if (active.chunks.length > 0 && (active.size + chunk.byteLength > segmentBytes || now - active.createdAt >= segmentMs || chunk.baseOffset - active.baseOffset >= segmentRecords)) {
      active = newSegment(chunk.baseOffset, now);
      this.segments.push(active);
      rolled = true;
    } else if (active.chunks.length === 0 && active.baseOffset !== chunk.baseOffset) {
      active.baseOffset = chunk.baseOffset;
      active.createdAt = now;
      rolled = true;
    }
    if (!rolled && (shared ? this.extendSharedView(active, chunk) : this.extendTail(active, chunk))) return;
    if (!shared && this.store.pageable && chunk.byteLength <= TAIL_BYTES / 2 && chunk.data) {
      const buf = new Uint8Array(TAIL_BYTES);
      buf.set(chunk.data);
      chunk.data = buf.subarray(0, chunk.byteLength);
      this.tail = { chunk, buf };
    }
    addChunk(active, chunk);
    if (rolled) this.pending.metaChanged = true;
    if (!this.store.volatile) this.pending.put({ segmentBase: active.baseOffset, chunk });
  }

  /**
   * A follower's batches are views of the leader's bytes (shared, not copied): a batch that
   * starts where the last unwritten chunk's view ends, in the same buffer (the leader's tail),
   * widens that view, so the follower's chunks are as few as the leader's.
   */
  private extendSharedView(active: Segment, next: Chunk): boolean {
    const c = active.chunks[active.chunks.length - 1];
    const a = c?.data;
    const b = next.data;
    if (!this.store.pageable || !c || !a || !b || !this.pending.unwritten.has(c) || a.byteLength !== c.byteLength) return false;
    if (a.buffer !== b.buffer || a.byteOffset + a.byteLength !== b.byteOffset || next.baseOffset <= c.lastOffset) return false;
    c.data = new Uint8Array(a.buffer, a.byteOffset, a.byteLength + b.byteLength);
    this.grow(active, c, next);
    return true;
  }

  private grow(active: Segment, c: Chunk, next: Chunk): void {
    c.byteLength += next.byteLength;
    c.lastOffset = next.lastOffset;
    c.count += next.count;
    if (next.maxTimestamp > c.maxTimestamp) c.maxTimestamp = next.maxTimestamp;
    active.size += next.byteLength;
    if (next.maxTimestamp > active.maxTimestamp) active.maxTimestamp = next.maxTimestamp;
  }

  /** Appends `next`'s bytes to the growing tail chunk when it is still the segment's last, unwritten and has room. */
  private extendTail(active: Segment, next: Chunk): boolean {
    const t = this.tail;
    const c = t?.chunk;
    if (!t || !c || !next.data || active.chunks[active.chunks.length - 1] !== c || !this.pending.unwritten.has(c)) return false;
    // Anything else that changed the chunk (a truncation cut it) ends the tail.
    if (c.data?.buffer !== t.buf.buffer || c.data.byteOffset !== 0 || c.data.byteLength !== c.byteLength || c.byteLength + next.byteLength > t.buf.length || next.baseOffset <= c.lastOffset) return false;
    t.buf.set(next.data, c.byteLength);
    c.data = t.buf.subarray(0, c.byteLength + next.byteLength);
    this.grow(active, c, next);
    return true;
  }

  /**
   * Locates the chunk holding `offset`, or the first chunk after it (gaps from compaction);
   * written into `into` when given (every fetch locates: a walker keeps one position object).
   */
  locate(offset: number, into?: ChunkPosition): ChunkPosition | undefined {
    // Most reads are at the head of the log (consumers and followers keeping up): the last few
    // chunks are looked at first, as the search below would find them.
    const lastSi = this.segments.length - 1;
    const last = this.segments[lastSi];
    if (last && offset >= last.baseOffset) {
      const chunks = last.chunks;
      for (let ci = chunks.length - 1, stop = Math.max(0, chunks.length - 8); ci >= stop; ci--) {
        if (chunks[ci]!.baseOffset > offset) continue;
        for (; ci < chunks.length; ci++) if (chunks[ci]!.lastOffset >= offset) return position(lastSi, ci, into);
        return undefined;
      }
    }
    let si = floorIndex(this.segments, offset, baseOffsetOf);
    if (si < 0) si = 0;
    for (; si < this.segments.length; si++) {
      const chunks = this.segments[si]!.chunks;
      let ci = floorIndex(chunks, offset, baseOffsetOf);
      if (ci < 0) ci = 0;
      for (; ci < chunks.length; ci++) if (chunks[ci]!.lastOffset >= offset) return position(si, ci, into);
    }
    return undefined;
  }

  /** The chunk's bytes, loading them (and up to `readAhead` following chunks) when paged out. */
  async chunkData(segmentBase: number, chunk: Chunk, readAhead = 0): Promise<Uint8Array> {
    if (chunk.data) {
      if (this.cache && !this.unwritten(chunk)) this.cache.touch(chunk);
      return chunk.data;
    }
    const seg = readAhead > 0 && this.store.loadMany ? this.segments[floorIndex(this.segments, segmentBase, (s) => s.baseOffset)] : undefined;
    if (seg && seg.baseOffset === segmentBase && this.store.loadMany) {
      const from = seg.chunks.indexOf(chunk);
      const run: Chunk[] = [];
      for (let i = from; i >= 0 && i < seg.chunks.length && run.length <= readAhead && !seg.chunks[i]!.data; i++) run.push(seg.chunks[i]!);
      if (run.length > 1) {
        const datas = await this.store.loadMany(segmentBase, run);
        run.forEach((c, i) => {
          c.data ??= datas[i]!;
          this.cache?.touch(c);
        });
        this.cache?.touch(chunk);
        return chunk.data ?? datas[0]!;
      }
    }
    const data = await this.store.load(segmentBase, chunk);
    chunk.data = data;
    this.cache?.touch(chunk);
    return data;
  }

  /** Loads the paged-out chunks holding these offsets in one storage request (scattered reads). */
  async prefetch(offsets: readonly number[]): Promise<void> {
    const load = this.store.loadChunks;
    if (!load) return;
    const wanted: ChunkRef[] = [];
    // Never prefetch more than half the cache can hold, or the first chunks would be evicted
    // before they are read.
    const budget = (this.cache?.budgetBytes ?? Infinity) / 2;
    let bytes = 0;
    let last: Chunk | undefined;
    for (const o of offsets) {
      if (last && o <= last.lastOffset) continue;
      const loc = o >= this.logStartOffset && o < this.logEndOffset ? this.locate(o) : undefined;
      if (!loc) continue;
      const seg = this.segments[loc.si]!;
      last = seg.chunks[loc.ci]!;
      if (last.data) continue;
      if (bytes + last.byteLength > budget) break;
      bytes += last.byteLength;
      wanted.push({ segmentBase: seg.baseOffset, chunk: last });
    }
    if (wanted.length < 2) return;
    const datas = await load.call(this.store, wanted);
    wanted.forEach((r, i) => {
      r.chunk.data ??= datas[i]!;
      this.cache?.touch(r.chunk);
    });
  }

  /** Throws OffsetOutOfRange when `offset` is outside [logStartOffset, logEndOffset]. */
  checkOffset(offset: number): void {
    if (offset < this.logStartOffset || offset > this.logEndOffset) {
      throw new OffsetOutOfRangeError(this.topic, this.partition, String(offset), String(this.logStartOffset), String(this.logEndOffset));
    }
  }

  /**
   * Reads records from `offset` (inside a compaction gap: from the next record there is),
   * up to the high watermark. Returns at least one record when one is readable.
   */
  async read(offset: number, opts: ReadOptions = {}): Promise<DecodedRecord[]> {
    this.checkOffset(offset);
    const out = await readRecords(this, offset, opts);
    this.readStats.scanned += out.length;
    return out;
  }

  /** Reads the records at the given offsets (ascending), touching only the chunks that hold them. */
  async readOffsets(offsets: readonly number[]): Promise<DecodedRecord[]> {
    const out = await readAtOffsets(this, offsets);
    this.readStats.byOffset += out.length;
    return out;
  }

  /** Raw stored batches from `offset` (for followers): shares bytes with this log. */
  async readBatches(offset: number, maxBytes = 1 << 20, isolation: 'highWatermark' | 'logEnd' = 'logEnd'): Promise<Uint8Array[]> {
    this.checkOffset(offset);
    return readBatchesFrom(this, offset, maxBytes, isolation);
  }

  /**
   * Removes every record at or after `offset`, at this instant (follower truncation, KIP-101; a
   * power loss dropping the unflushed tail). A chunk straddling the offset is rewritten from its
   * resident bytes; if storage paged them out, the whole chunk goes (the log then ends at the
   * chunk's base, below `offset`: a follower fetches the rest again). Returns the new log end.
   */
  truncate(offset: number): number {
    if (offset >= this.logEndOffset) return this.logEndOffset;
    const cut = cutTail(this, Math.max(offset, this.logStartOffset));
    const target = cut.end;
    this.pending.removeSegments(cut.deletedSegments);
    this.pending.removeChunks(cut.removed);
    if (!this.store.volatile) for (const r of cut.put) this.pending.put(r);
    for (const r of cut.removed) this.forgetChunk(r.chunk);
    this.pending.metaChanged = true;
    this.logEndOffset = target;
    if (this.hw > target) this.hw = target;
    if (this.flushedOffset > target) this.flushedOffset = target;
    if (this.writing && this.writing.upTo > target) this.writing.upTo = target;
    this.epochs.truncateFromEnd(target);
    this.producers.truncateTo(target);
    this.generation++;
    this.contentGeneration++;
    this.onChange?.();
    const gone = this.waiters.filter((w) => w.upTo > target);
    if (gone.length > 0) {
      this.waiters = this.waiters.filter((w) => w.upTo <= target);
      const error = new IllegalStateError(`Records of ${this.topic}/${this.partition} from offset ${target} were truncated before they reached storage.`, { topic: this.topic, partition: this.partition, offset: target });
      for (const w of gone) w.reject(error);
    }
    return target;
  }

  /**
   * Kafka's truncateFullyAndStartAt: a follower whose fetch offset fell below the leader's log
   * start (retention deleted what it still needed) empties its log and restarts at `offset`.
   */
  truncateFullyAndStartAt(offset: number): void {
    const removed = this.segments.flatMap((s) => s.chunks.map((chunk) => ({ segmentBase: s.baseOffset, chunk })));
    this.pending.removeSegments(this.segments.map((s) => s.baseOffset));
    this.pending.removeChunks(removed);
    for (const r of removed) this.forgetChunk(r.chunk);
    this.segments = [newSegment(offset, this.clock.now())];
    this.logStartOffset = offset;
    this.logEndOffset = offset;
    this.hw = offset;
    this.flushedOffset = offset;
    if (this.writing) this.writing.upTo = offset;
    this.epochs.truncateFromEnd(-Infinity);
    this.producers.truncateTo(0);
    this.pending.metaChanged = true;
    this.generation++;
    this.contentGeneration++;
    this.onChange?.();
  }

  /** Truncation that first pages in the chunk straddling `offset`, then waits for storage. */
  async truncateTo(offset: number): Promise<void> {
    if (offset >= this.logEndOffset) return;
    const loc = this.locate(Math.max(offset, this.logStartOffset));
    if (loc) {
      const seg = this.segments[loc.si]!;
      const chunk = seg.chunks[loc.ci]!;
      if (chunk.baseOffset < offset && !chunk.data) await this.chunkData(seg.baseOffset, chunk);
    }
    this.truncate(offset);
    await this.flush();
  }

  /**
   * Records a rewrite already applied to the segments in memory (retention, compaction,
   * deleteRecords): what storage must add and remove on the next flush. Bumps the generation.
   */
  rewrote(w: { put?: ChunkRef[]; deleteSegments?: number[]; removed?: ChunkRef[]; headOnly?: boolean }): void {
    this.pending.removeSegments(w.deleteSegments ?? []);
    this.pending.removeChunks(w.removed ?? []);
    if (!this.store.volatile) for (const r of w.put ?? []) this.pending.put(r);
    this.pending.metaChanged = true;
    this.generation++;
    if (!w.headOnly) this.contentGeneration++;
    this.onChange?.();
  }

  forgetChunk(chunk: Chunk): void {
    this.cache?.forget(chunk);
  }

}
