// Decoded records of an event store's partitions, by offset, so rehydrating an aggregate decodes
// each of its events once rather than at every command. A record at an offset of one replica's
// log never changes until the log's content generation moves (truncation, compaction): then the
// log's entries go. Bounded: a log's entries are dropped wholesale when they pass the limit.
import type { PartitionLog } from '../log/partitionLog';

interface LogEntries<T> {
  contentGeneration: number;
  byOffset: Map<number, T>;
}

export class DecodedCache<T> {
  private readonly logs = new WeakMap<PartitionLog, LogEntries<T>>();

  constructor(private readonly perLog = 20_000) {}

  private entries(log: PartitionLog): Map<number, T> {
    let e = this.logs.get(log);
    if (!e || e.contentGeneration !== log.contentGeneration) this.logs.set(log, (e = { contentGeneration: log.contentGeneration, byOffset: new Map() }));
    return e.byOffset;
  }

  get(log: PartitionLog, offset: number): T | undefined {
    return this.entries(log).get(offset);
  }

  set(log: PartitionLog, offset: number, value: T): void {
    const m = this.entries(log);
    if (m.size >= this.perLog) m.clear();
    m.set(offset, value);
  }
}
