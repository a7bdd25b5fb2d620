// One replica of one partition: the log Kafka keeps per partition directory. Leaders append
// fresh batches (offsets assigned here), followers append batches that already carry offsets,
// and either can be truncated (KIP-101). The high watermark is set from outside when a
// replication layer exists; on a single broker it follows the log end offset.
// Every mutation runs through one serial queue; appends that arrive while a write is in flight
// are committed together in the next write (group commit), which is what makes durable
// storage fast.
import type { Clock } from '../../lib/clock';
import { Emitter } from '../../lib/emitter';
import { batchTimes, readMeta, stampBatch, type DecodedRecord } from '../codec/recordBatch';
import { OffsetOutOfRangeError } from '../errors';
import type { ChunkRef, LogWrite, PartitionMeta, PartitionStore } from './logStore';
import type { ChunkCache } from './chunkCache';
import { LeaderEpochCache } from './leaderEpochCache';
import { ProducerStateTable, type ProducerBatch } from './producerState';
import { readAtOffsets, readBatchesFrom, readRecords } from './reads';
import { rewriteTail } from './truncate';
import { addChunk, floorIndex, newSegment, segmentMeta, type Chunk, type Segment } from './segment';

export interface LogSettings {
  segmentBytes: number;
  segmentMs: number;
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

export interface ReadOptions {
  maxBytes?: number;
  maxRecords?: number;
  /** Read up to the high watermark (consumers) or the log end offset (followers). */
  isolation?: 'highWatermark' | 'logEnd';
}

interface Pending {
  batches: Uint8Array[];
  opts: LeaderAppendOptions;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

export interface PartitionLogInit {
  topic: string;
  partition: number;
  clock: Clock;
  settings: () => LogSettings;
  store: PartitionStore;
  cache?: ChunkCache;
  restored?: { meta: PartitionMeta; chunks: ChunkRef[]; logEndOffset: number };
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
  readonly epochs: LeaderEpochCache;
  readonly producers = new ProducerStateTable();
  readonly events = new Emitter<{ append: { baseOffset: number; lastOffset: number }; highWatermark: number }>();
  /** When true (single broker), the high watermark follows the log end offset on append. */
  autoHighWatermark = true;
  readonly clock: Clock;
  readonly store: PartitionStore;
  private readonly settings: () => LogSettings;
  private readonly cache: ChunkCache | undefined;
  private hw = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Pending[] = [];
  private flushing = false;

  constructor(init: PartitionLogInit) {
    this.topic = init.topic;
    this.partition = init.partition;
    this.clock = init.clock;
    this.settings = init.settings;
    this.store = init.store;
    this.cache = init.cache;
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
      this.hw = this.logEndOffset;
    }
    if (this.segments.length === 0) this.segments.push(newSegment(this.logEndOffset, this.clock.now()));
  }

  get highWatermark(): number {
    return this.hw;
  }

  /** Set by the replication layer (min of the ISR's log end offsets); clamped to the log. */
  setHighWatermark(offset: number): void {
    const v = Math.max(this.logStartOffset, Math.min(offset, this.logEndOffset));
    if (v === this.hw) return;
    this.hw = v;
    this.events.emit('highWatermark', v);
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

  /** Leader append: assigns offsets to fresh batches (each ≤ one chunk) and stores them. */
  appendAsLeader(batches: Uint8Array[], opts: LeaderAppendOptions = {}): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ batches, opts, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        void this.exclusive(() => this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending;
      this.pending = [];
      const undo = this.mark();
      const now = this.clock.now();
      const accepted: { p: Pending; result: AppendResult; prodBatch?: ProducerBatch }[] = [];
      const puts: ChunkRef[] = [];
      let metaChanged = false;
      let next = this.logEndOffset;
      for (const p of group) {
        try {
          p.opts.precondition?.(next);
          const count = p.batches.reduce((n, b) => n + readMeta(b).count, 0);
          const pr = p.opts.producer;
          if (pr) {
            const seen = this.producers.check(this.topic, this.partition, pr.id, pr.epoch, pr.baseSequence, count);
            if (seen.kind === 'duplicate') {
              const b = seen.batch;
              p.resolve({ baseOffset: b.baseOffset, lastOffset: b.baseOffset + (b.lastSeq - b.firstSeq), appendTime: b.appendTime, duplicate: true });
              continue;
            }
          }
          const epoch = p.opts.leaderEpoch ?? Math.max(this.epochs.latestEpoch(), 0);
          if (this.epochs.assign(epoch, next)) metaChanged = true;
          const baseOffset = next;
          for (const b of p.batches) {
            const m = readMeta(b);
            stampBatch(b, 0, next, epoch, now);
            // With LogAppendTime the broker's clock is every record's timestamp (retention, time queries).
            const logAppend = (m.attributes & 1) !== 0;
            const chunk: Chunk = { baseOffset: next, lastOffset: next + m.lastOffsetDelta, count: m.count, byteLength: b.length, firstTimestamp: logAppend ? now : m.firstTimestamp, maxTimestamp: logAppend ? now : m.maxTimestamp, data: b };
            if (this.placeChunk(chunk, now)) metaChanged = true;
            puts.push({ segmentBase: this.activeSegment().baseOffset, chunk });
            next = chunk.lastOffset + 1;
          }
          const result = { baseOffset, lastOffset: next - 1, appendTime: now, duplicate: false };
          accepted.push({ p, result, ...(pr ? { prodBatch: { firstSeq: pr.baseSequence, lastSeq: pr.baseSequence + count - 1, baseOffset, appendTime: now } } : {}) });
        } catch (e) {
          p.reject(e);
        }
      }
      if (accepted.length === 0) continue;
      try {
        await this.store.write({ put: puts, ...(metaChanged ? { meta: this.meta() } : {}) });
      } catch (e) {
        undo();
        for (const a of accepted) a.p.reject(e);
        continue;
      }
      const first = this.logEndOffset;
      this.logEndOffset = next;
      for (const c of puts) this.cache?.touch(c.chunk);
      for (const a of accepted) {
        const pr = a.p.opts.producer;
        if (pr && a.prodBatch) this.producers.record(pr.id, pr.epoch, a.prodBatch);
      }
      if (this.autoHighWatermark) this.setHighWatermark(next);
      this.events.emit('append', { baseOffset: first, lastOffset: next - 1 });
      for (const a of accepted) a.p.resolve(a.result);
    }
    this.flushing = false;
  }

  /** Follower append: batches already carry offsets (from the leader); bytes are shared, not copied. */
  appendAsFollower(batches: Uint8Array[]): Promise<void> {
    return this.exclusive(async () => {
      const undo = this.mark();
      const now = this.clock.now();
      const puts: ChunkRef[] = [];
      let metaChanged = false;
      let next = this.logEndOffset;
      for (const b of batches) {
        const m = readMeta(b);
        const last = m.baseOffset + m.lastOffsetDelta;
        if (last < next) continue;
        if (m.partitionLeaderEpoch >= 0 && this.epochs.assign(m.partitionLeaderEpoch, m.baseOffset)) metaChanged = true;
        const t = batchTimes(m);
        const chunk: Chunk = { baseOffset: m.baseOffset, lastOffset: last, count: m.count, byteLength: b.length, firstTimestamp: t.first, maxTimestamp: t.max, data: b };
        if (this.placeChunk(chunk, now)) metaChanged = true;
        puts.push({ segmentBase: this.activeSegment().baseOffset, chunk });
        next = last + 1;
      }
      if (puts.length === 0) return;
      try {
        await this.store.write({ put: puts, ...(metaChanged ? { meta: this.meta() } : {}) });
      } catch (e) {
        undo();
        throw e;
      }
      const first = this.logEndOffset;
      this.logEndOffset = next;
      for (const c of puts) this.cache?.touch(c.chunk);
      if (this.autoHighWatermark) this.setHighWatermark(next);
      this.events.emit('append', { baseOffset: first, lastOffset: next - 1 });
    });
  }

  /** Rolls a new segment when the active one is full by size or age (segment.bytes / segment.ms). */
  private placeChunk(chunk: Chunk, now: number): boolean {
    const { segmentBytes, segmentMs } = this.settings();
    let active = this.activeSegment();
    let rolled = false;
    if (active.chunks.length > 0 && (active.size + chunk.byteLength > segmentBytes || now - active.createdAt >= segmentMs)) {
      active = newSegment(chunk.baseOffset, now);
      this.segments.push(active);
      rolled = true;
    } else if (active.chunks.length === 0 && active.baseOffset !== chunk.baseOffset) {
      active.baseOffset = chunk.baseOffset;
      active.createdAt = now;
      rolled = true;
    }
    addChunk(active, chunk);
    return rolled;
  }

  /** Captures the segment structure so a failed write can be undone. */
  private mark(): () => void {
    const segCount = this.segments.length;
    const active = this.activeSegment();
    const snap = { chunks: active.chunks.length, size: active.size, maxTs: active.maxTimestamp, base: active.baseOffset, createdAt: active.createdAt };
    const epochs = this.epochs.toJSON();
    return () => {
      this.segments.length = segCount;
      active.chunks.length = snap.chunks;
      active.size = snap.size;
      active.maxTimestamp = snap.maxTs;
      active.baseOffset = snap.base;
      active.createdAt = snap.createdAt;
      this.epochs.truncateFromEnd(-Infinity);
      for (const e of epochs) this.epochs.assign(e.epoch, e.startOffset);
    };
  }

  /** Locates the chunk holding `offset`, or the first chunk after it (gaps from compaction). */
  locate(offset: number): { si: number; ci: number } | undefined {
    let si = floorIndex(this.segments, offset, (s) => s.baseOffset);
    if (si < 0) si = 0;
    for (; si < this.segments.length; si++) {
      const chunks = this.segments[si]!.chunks;
      let ci = floorIndex(chunks, offset, (c) => c.baseOffset);
      if (ci < 0) ci = 0;
      for (; ci < chunks.length; ci++) if (chunks[ci]!.lastOffset >= offset) return { si, ci };
    }
    return undefined;
  }

  /** The chunk's bytes, loading them (and up to `readAhead` following chunks) when paged out. */
  async chunkData(segmentBase: number, chunk: Chunk, readAhead = 0): Promise<Uint8Array> {
    if (chunk.data) {
      this.cache?.touch(chunk);
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
    return readRecords(this, offset, opts);
  }

  /** Reads the records at the given offsets (ascending), touching only the chunks that hold them. */
  readOffsets(offsets: readonly number[]): Promise<DecodedRecord[]> {
    return readAtOffsets(this, offsets);
  }

  /** Raw stored batches from `offset` (for followers): shares bytes with this log. */
  async readBatches(offset: number, maxBytes = 1 << 20, isolation: 'highWatermark' | 'logEnd' = 'logEnd'): Promise<Uint8Array[]> {
    this.checkOffset(offset);
    return readBatchesFrom(this, offset, maxBytes, isolation);
  }

  /** Removes every record at or after `offset` (follower truncation, KIP-101). */
  truncateTo(offset: number): Promise<void> {
    return this.exclusive(async () => {
      if (offset >= this.logEndOffset) return;
      const target = Math.max(offset, this.logStartOffset);
      await rewriteTail(this, target);
      this.logEndOffset = target;
      if (this.hw > target) this.hw = target;
      this.epochs.truncateFromEnd(target);
      this.producers.truncateTo(target);
      this.generation++;
    });
  }

  /** Applies a rewrite (cleaner, deleteRecords, truncation) and bumps the generation, stored with it. */
  async commit(w: LogWrite): Promise<void> {
    await this.store.write({ ...w, meta: { ...(w.meta ?? this.meta()), generation: this.generation + 1 } });
    this.generation++;
  }

  forgetChunk(chunk: Chunk): void {
    this.cache?.forget(chunk);
  }

  /** Puts a chunk written by a rewrite (compaction, truncation) under the cache budget. */
  adoptChunk(chunk: Chunk): void {
    this.cache?.touch(chunk);
  }
}
