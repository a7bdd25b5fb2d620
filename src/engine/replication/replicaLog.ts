// One replica of one partition inside the simulated cluster: a dense in-memory log plus what
// Kafka keeps beside it — the leader-epoch cache (KIP-101), the high watermark and its
// checkpoint, and how far the log was flushed (what survives a power loss). Synchronous on
// purpose: every state change happens at one simulated instant. Replicas share immutable record
// objects, so a record's bytes exist once however many replicas hold it. The log is cut into
// segments (rolled by segment.bytes, segment.ms, or a record count) so that retention can
// delete whole segments, oldest first and never the active one, as Kafka's log manager does.
import { ProducerState } from './producerState';
export interface SimRecord {
  /** Unique per produced record; the checkers follow records by it. */
  readonly id: number;
  readonly key: string | null;
  readonly value: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timestamp: number;
  /** Idempotent producer id and this record's sequence number. */
  readonly pid?: number;
  readonly seq?: number;
}

/** A segment's bookkeeping; its records are the log's records from `base` to the next segment's base. */
interface Segment {
  readonly base: number;
  /** Estimated bytes (recordBytes) of its records. */
  bytes: number;
  readonly createdAt: number;
  /** Broker time of its last append: what retention.ms compares (Kafka: the largest timestamp). */
  lastAppendAt: number;
}

/** When a replica rolls a new segment: Kafka's segment.bytes and segment.ms, plus a record count. */
export interface SegmentSettings {
  segmentBytes: number;
  segmentMs: number;
  segmentRecords: number;
}

/** What retention looks at on the leader: retention.ms, retention.bytes (-1: none) and the record budget. */
export interface RetentionLimits {
  now: number;
  retentionMs: number;
  retentionBytes: number;
  maxRecords: number;
}

/** A record's size as Kafka would roughly store it: ~70 bytes of batch/record overhead plus key, value and headers. */
export function recordBytes(r: SimRecord): number {
  let n = 70 + (r.key?.length ?? 0) + (typeof r.value === 'string' ? r.value.length : 0);
  if (r.headers) for (const k in r.headers) n += k.length + (r.headers[k]?.length ?? 0);
  return n;
}

const NO_ROLL: SegmentSettings = { segmentBytes: Infinity, segmentMs: Infinity, segmentRecords: Infinity };

interface EpochEntry {
  epoch: number;
  startOffset: number;
}

export class ReplicaLog {
  private records: SimRecord[] = [];
  /** Offset of records[0]: the log start, or higher once a replicated prefix was dropped from memory. */
  private base = 0;
  readonly producers = new ProducerState();
  private epochs: EpochEntry[] = [];
  private segments: Segment[] = [{ base: 0, bytes: 0, createdAt: 0, lastAppendAt: 0 }];
  /** Set by the partition from its topic's settings. */
  segmentSettings: SegmentSettings = NO_ROLL;
  /** Kafka's log start offset (retention, deleteRecords), as reported. */
  logStartOffset = 0;
  highWatermark = 0;
  /** The high watermark as last written to the checkpoint file (survives crashes). */
  checkpointedHighWatermark = 0;
  /** Records below this offset are on disk. */
  flushedOffset = 0;

  get logEndOffset(): number {
    return this.base + this.records.length;
  }

  /** Records below this offset are no longer held in memory (dropped or before the log start). */
  get heldFrom(): number {
    return this.base;
  }

  recordAt(offset: number): SimRecord | undefined {
    return offset < this.base ? undefined : this.records[offset - this.base];
  }

  /** An empty log that starts at `offset` (a log reopened after retention removed its head). */
  startAt(offset: number): void {
    if (this.records.length > 0) return;
    this.base = offset;
    this.logStartOffset = offset;
    this.segments = [{ base: offset, bytes: 0, createdAt: 0, lastAppendAt: 0 }];
  }

  /**
   * Kafka's truncateFullyAndStartAt: a follower whose fetch offset fell below the leader's log
   * start (retention deleted what it still needed) empties its log and restarts at that offset.
   */
  truncateFullyAndStartAt(offset: number, now = 0): void {
    this.records = [];
    this.base = offset;
    this.logStartOffset = offset;
    this.segments = [{ base: offset, bytes: 0, createdAt: now, lastAppendAt: now }];
    this.epochs = [];
    this.producers.truncateTo(0);
    this.highWatermark = offset;
    this.checkpointedHighWatermark = offset;
    this.flushedOffset = offset;
  }

  /** Segments (with at least one held record) and their estimated bytes, for tests and the budget. */
  get segmentBases(): number[] {
    return this.segments.map((s) => s.base);
  }

  sizeInBytes(): number {
    let n = 0;
    for (const s of this.segments) n += s.bytes;
    return n;
  }

  /**
   * Where retention moves this (leader's) log start, or null: the oldest segments that breach
   * retention.ms, retention.bytes or the record budget, whole segments only, never the active
   * one, and only segments entirely below the high watermark (Kafka's deletable segments).
   */
  retentionTarget(limits: RetentionLimits): number | null {
    let size = this.sizeInBytes();
    let held = this.logEndOffset - this.base;
    let i = 0;
    while (i < this.segments.length - 1) {
      const s = this.segments[i]!;
      const next = this.segments[i + 1]!.base;
      if (next > this.highWatermark) break;
      const expired = limits.retentionMs >= 0 && limits.now - s.lastAppendAt > limits.retentionMs;
      const oversize = limits.retentionBytes >= 0 && size - s.bytes >= limits.retentionBytes;
      const overBudget = held > limits.maxRecords;
      if (!expired && !oversize && !overBudget) break;
      size -= s.bytes;
      held -= next - Math.max(s.base, this.base);
      i++;
    }
    return i > 0 ? this.segments[i]!.base : null;
  }

  /** The log start moved (retention or deleteRecords on the leader, copied by followers). */
  advanceLogStart(offset: number): void {
    const to = Math.min(offset, this.logEndOffset);
    if (to <= this.logStartOffset) return;
    this.logStartOffset = to;
    this.dropBelow(to);
  }

  /**
   * Forgets records below `offset` that every replica holds and no truncation can reach; the
   * engine's physical log keeps them, so memory stays bounded on a long run.
   */
  dropBelow(offset: number): void {
    const n = Math.min(offset, this.logEndOffset) - this.base;
    if (n <= 0) return;
    this.records.splice(0, n);
    this.base += n;
    // Segments wholly below what is held are gone; the active one always stays.
    let k = 0;
    while (k < this.segments.length - 1 && this.segments[k + 1]!.base <= this.base) k++;
    if (k > 0) this.segments.splice(0, k);
  }

  /** Rolls a new segment before `r` when the active one is full by size, age or record count. */
  private place(r: SimRecord, now: number): void {
    const active = this.segments[this.segments.length - 1]!;
    const size = recordBytes(r);
    const { segmentBytes, segmentMs, segmentRecords } = this.segmentSettings;
    const count = this.logEndOffset - active.base;
    let seg = active;
    if (count > 0 && (active.bytes + size > segmentBytes || now - active.createdAt >= segmentMs || count >= segmentRecords)) {
      seg = { base: this.logEndOffset, bytes: 0, createdAt: now, lastAppendAt: now };
      this.segments.push(seg);
    }
    seg.bytes += size;
    seg.lastAppendAt = now;
    this.records.push(r);
  }

  /** Appends as leader (or as follower with the leader's epochs); returns the base offset. */
  append(batch: readonly SimRecord[], epoch: number, now = 0): number {
    const base = this.logEndOffset;
    this.assignEpoch(epoch, base);
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i]!;
      if (r.pid !== undefined && r.seq !== undefined) this.producers.observe(r.pid, r.seq, base + i);
      this.place(r, now);
    }
    return base;
  }

  private assignEpoch(epoch: number, startOffset: number): void {
    const last = this.epochs[this.epochs.length - 1];
    if (last && last.epoch >= epoch) return;
    this.epochs.push({ epoch, startOffset });
  }

  /** Follower copy: records [from, to) of the leader, each under the epoch that wrote it. */
  copyFrom(leader: ReplicaLog, from: number, to: number, now = 0): number {
    let copied = 0;
    for (let o = from; o < to; o++) {
      const r = leader.recordAt(o);
      if (!r) break;
      this.assignEpoch(leader.epochAt(o), this.logEndOffset);
      if (r.pid !== undefined && r.seq !== undefined) this.producers.observe(r.pid, r.seq, this.logEndOffset);
      this.place(r, now);
      copied++;
    }
    return copied;
  }

  epochAt(offset: number): number {
    let e = -1;
    for (const entry of this.epochs) {
      if (entry.startOffset <= offset) e = entry.epoch;
      else break;
    }
    return e;
  }

  latestEpoch(): number {
    return this.epochs[this.epochs.length - 1]?.epoch ?? -1;
  }

  /** OffsetsForLeaderEpoch as a leader answers it: the largest epoch ≤ `epoch` and where it ends. */
  endOffsetFor(epoch: number): { epoch: number; endOffset: number } {
    let found: EpochEntry | undefined;
    let next: EpochEntry | undefined;
    for (const e of this.epochs) {
      if (e.epoch <= epoch) found = e;
      else {
        next = e;
        break;
      }
    }
    if (!found) return { epoch: -1, endOffset: -1 };
    return { epoch: found.epoch, endOffset: next ? next.startOffset : this.logEndOffset };
  }

  truncateTo(offset: number): number {
    const end = this.logEndOffset;
    if (offset >= end) return 0;
    const keep = Math.max(0, offset - this.base);
    this.records.length = keep;
    this.epochs = this.epochs.filter((e) => e.startOffset < offset);
    this.segments = this.segments.filter((s, i) => i === 0 || s.base < offset);
    const last = this.segments[this.segments.length - 1]!;
    last.bytes = 0;
    for (let o = Math.max(last.base, this.base); o < this.logEndOffset; o++) last.bytes += recordBytes(this.records[o - this.base]!);
    this.producers.truncateTo(offset);
    this.highWatermark = Math.min(this.highWatermark, offset);
    this.checkpointedHighWatermark = Math.min(this.checkpointedHighWatermark, offset);
    this.flushedOffset = Math.min(this.flushedOffset, offset);
    return end - offset;
  }

  flush(): void {
    this.flushedOffset = this.logEndOffset;
  }

  checkpointHighWatermark(): void {
    this.checkpointedHighWatermark = this.highWatermark;
  }

  /** A power loss: what was not flushed is gone; the in-memory high watermark is replaced by its checkpoint. */
  loseUnflushed(): number {
    const lost = this.truncateTo(this.flushedOffset);
    this.highWatermark = Math.min(this.checkpointedHighWatermark, this.logEndOffset);
    return lost;
  }

  /** A process restart: the in-memory high watermark is reloaded from its checkpoint. */
  reloadHighWatermark(): void {
    this.highWatermark = Math.min(this.checkpointedHighWatermark, this.logEndOffset);
  }

  read(from: number, to: number, max: number): SimRecord[] {
    const start = Math.max(from, this.base) - this.base;
    const end = Math.min(to - this.base, start + max, this.records.length);
    return start < end ? this.records.slice(start, end) : [];
  }

  /** Ids from `from` to the log end, for consistency checks. */
  idsFrom(from: number): number[] {
    return this.records.slice(Math.max(0, from - this.base)).map((r) => r.id);
  }
}
