// Counts what the engine's event store reads from partition logs while it does one thing, so
// "records scanned to rehydrate an aggregate" is measured from the engine's own reads rather than
// estimated: the difference of each log's read statistics (PartitionLog.readStats) across `work`.
// Records the key index walks and ranged reads return count as scanned; reads of given offsets
// as read by offset. Nothing else may read those logs meanwhile (a paused run).
import type { PartitionLog } from '../engineApi';
import type { LogReads } from './strategyTypes';

export async function countLogReads<T>(logs: readonly PartitionLog[], work: () => Promise<T>): Promise<{ value: T; reads: LogReads }> {
  const counted = [...new Set(logs)];
  const before = counted.map((l) => ({ ...l.readStats }));
  const value = await work();
  const reads: LogReads = { scanned: 0, byOffset: 0 };
  counted.forEach((l, i) => {
    reads.scanned += l.readStats.scanned - before[i]!.scanned;
    reads.byOffset += l.readStats.byOffset - before[i]!.byOffset;
  });
  return { value, reads };
}
