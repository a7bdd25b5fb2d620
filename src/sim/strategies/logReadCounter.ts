// Counts what the engine's event store reads from a partition log while it does one thing, so
// "records scanned to rehydrate an aggregate" is measured from the engine's own reads rather than
// estimated. It shadows three methods of the log instance (the engine's prototype is untouched)
// for the duration of `work`, then removes the shadows. Chunk reads made by a read by offset or a
// ranged read count as that read, not as a scan: only the key index's catch-up walks chunks
// itself, record by record.
import type { PartitionLog } from '../engineApi';
import type { LogReads } from './strategyTypes';

type Counted = Pick<PartitionLog, 'chunkData' | 'readOffsets' | 'read'>;

export async function countLogReads<T>(logs: readonly PartitionLog[], work: () => Promise<T>): Promise<{ value: T; reads: LogReads }> {
  const reads: LogReads = { scanned: 0, byOffset: 0 };
  let inner = 0;
  const shadowed: PartitionLog[] = [];
  for (const log of new Set(logs)) {
    if (Object.prototype.hasOwnProperty.call(log, 'chunkData')) throw new Error(`The log of ${log.topic}[${log.partition}] is already being counted.`);
    const proto = Object.getPrototypeOf(log) as Counted;
    const own = log as Counted;
    own.chunkData = async function (this: PartitionLog, ...args: Parameters<PartitionLog['chunkData']>) {
      if (inner === 0) reads.scanned += args[1].count;
      return proto.chunkData.apply(this, args);
    };
    own.readOffsets = async function (this: PartitionLog, offsets: readonly number[]) {
      inner++;
      try {
        const out = await proto.readOffsets.call(this, offsets);
        reads.byOffset += out.length;
        return out;
      } finally {
        inner--;
      }
    };
    own.read = async function (this: PartitionLog, ...args: Parameters<PartitionLog['read']>) {
      inner++;
      try {
        const out = await proto.read.apply(this, args);
        reads.scanned += out.length;
        return out;
      } finally {
        inner--;
      }
    };
    shadowed.push(log);
  }
  try {
    return { value: await work(), reads };
  } finally {
    for (const log of shadowed) {
      const own = log as unknown as Record<string, unknown>;
      delete own['chunkData'];
      delete own['readOffsets'];
      delete own['read'];
    }
  }
}
