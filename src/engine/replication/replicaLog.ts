// One replica of one partition inside the simulated cluster: a dense in-memory log plus what
// Kafka keeps beside it — the leader-epoch cache (KIP-101), the high watermark and its
// checkpoint, and how far the log was flushed (what survives a power loss). Synchronous on
// purpose: every state change happens at one simulated instant. Replicas share immutable record
// objects, so a record's bytes exist once however many replicas hold it.
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
  }

  /** Appends as leader (or as follower with the leader's epochs); returns the base offset. */
  append(batch: readonly SimRecord[], epoch: number): number {
    const base = this.logEndOffset;
    this.assignEpoch(epoch, base);
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i]!;
      if (r.pid !== undefined && r.seq !== undefined) this.producers.observe(r.pid, r.seq, base + i);
      this.records.push(r);
    }
    return base;
  }

  private assignEpoch(epoch: number, startOffset: number): void {
    const last = this.epochs[this.epochs.length - 1];
    if (last && last.epoch >= epoch) return;
    this.epochs.push({ epoch, startOffset });
  }

  /** Follower copy: records [from, to) of the leader, each under the epoch that wrote it. */
  copyFrom(leader: ReplicaLog, from: number, to: number): number {
    let copied = 0;
    for (let o = from; o < to; o++) {
      const r = leader.recordAt(o);
      if (!r) break;
      this.assignEpoch(leader.epochAt(o), this.logEndOffset);
      if (r.pid !== undefined && r.seq !== undefined) this.producers.observe(r.pid, r.seq, this.logEndOffset);
      this.records.push(r);
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
