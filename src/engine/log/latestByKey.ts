// What a compacted topic's partition means: the latest record of every key, tombstones leaving
// their key out — a table (Kafka Streams' KTable, a read model). Found by walking the keys only
// (the value's length tells a tombstone), then decoding just the records that survive: restoring
// a table reads every key once, not every update.
import { type DecodedRecord } from '../codec/recordBatch';
import { forEachKey, keyString } from '../codec/recordReads';
import type { PartitionLog } from './partitionLog';

/** The latest record of each key, tombstoned keys left out, in the order keys first appeared. */
export async function latestByKey(log: PartitionLog): Promise<DecodedRecord[]> {
  const start = log.logStartOffset;
  const end = log.logEndOffset;
  const latest = new Map<string, number>();
  for (const seg of log.segments) {
    for (const chunk of seg.chunks) {
      if (chunk.lastOffset < start || chunk.baseOffset >= end) continue;
      const data = await log.chunkData(seg.baseOffset, chunk, 15);
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (let at = 0; at < data.length; at += view.getUint32(at, true)) {
        forEachKey(data, at, (offset, ks, kl, vl) => {
          if (offset < start || offset >= end || kl < 0) return;
          const key = keyString(data, ks, kl);
          if (vl < 0) latest.delete(key);
          else latest.set(key, offset);
        });
      }
    }
  }
  const order = [...latest.values()];
  const byOffset = new Map((await log.readOffsets([...order].sort((a, b) => a - b))).map((r) => [r.offset, r]));
  return order.map((o) => byOffset.get(o)).filter((r): r is DecodedRecord => r !== undefined);
}
