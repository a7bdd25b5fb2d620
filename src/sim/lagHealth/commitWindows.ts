// What Burrow's storage keeps for its evaluator, fed by the running simulation: per group and
// partition a sliding window of the last `intervals` offset commits (offset, time, and the lag
// the commit left against the partition's high watermark at that instant), and per partition
// its last `intervals` log-end offsets, refreshed every `refreshMs` of simulated time. Bounded:
// a window never holds more than `intervals` entries.
import { groupLagStatus, type GroupHealth, type OffsetCommit } from './burrow';

/** Burrow's storage defaults: 10 intervals; broker offsets every 10 s there, every 5 s here (the auto-commit interval). */
export const LAG_WINDOW_INTERVALS = 10;
export const LOG_END_REFRESH_MS = 5_000;

/** A fixed-size window, oldest first, dropping the oldest when full. */
class Window<T> {
  readonly items: T[] = [];
  constructor(private readonly size: number) {}
  push(x: T): void {
    this.items.push(x);
    if (this.items.length > this.size) this.items.shift();
  }
  get last(): T | undefined {
    return this.items[this.items.length - 1];
  }
}

export interface PartitionRef {
  topic: string;
  partition: number;
  /** The partition's high watermark now (what a consumer may read up to), null when unknown. */
  highWatermark: number | null;
  /** The group's lag on it as the group reports it (used while the window holds no commit). */
  lag: number;
}

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class CommitWindows {
  private readonly commits = new Map<string, Map<string, Window<OffsetCommit>>>();
  private readonly logEnds = new Map<string, Window<number>>();

  constructor(readonly intervals = LAG_WINDOW_INTERVALS) {}

  /** One accepted commit of a group on a partition, with the partition's high watermark at that instant. */
  commit(groupId: string, topic: string, partition: number, offset: number, atMs: number, highWatermark: number | null): void {
    let g = this.commits.get(groupId);
    if (!g) this.commits.set(groupId, (g = new Map()));
    const k = key(topic, partition);
    let w = g.get(k);
    if (!w) g.set(k, (w = new Window(this.intervals)));
    w.push({ offset, timestampMs: atMs, lag: highWatermark === null ? null : Math.max(0, highWatermark - offset) });
  }

  /** A refresh of a partition's log end (Burrow reads the brokers' offsets periodically). */
  logEnd(topic: string, partition: number, offset: number): void {
    const k = key(topic, partition);
    let w = this.logEnds.get(k);
    if (!w) this.logEnds.set(k, (w = new Window(this.intervals)));
    w.push(offset);
  }

  /** The group's health over the given partitions (every partition of the topics it reads), in that order. */
  evaluate(groupId: string, partitions: readonly PartitionRef[], nowMs: number): GroupHealth {
    const g = this.commits.get(groupId);
    return groupLagStatus({
      nowMs,
      intervals: this.intervals,
      partitions: partitions.map((p) => {
        const k = key(p.topic, p.partition);
        const w = g?.get(k);
        const newest = w?.last;
        const currentLag = newest && p.highWatermark !== null ? Math.max(0, p.highWatermark - newest.offset) : p.lag;
        return { topic: p.topic, partition: p.partition, commits: w?.items ?? [], logEndOffsets: this.logEnds.get(k)?.items ?? [], currentLag };
      }),
    });
  }

  /** Entries held (for the memory figures). */
  size(): number {
    let n = 0;
    for (const g of this.commits.values()) for (const w of g.values()) n += w.items.length;
    for (const w of this.logEnds.values()) n += w.items.length;
    return n;
  }
}
