// A sequential read awaits each chunk's bytes; meanwhile compaction, retention or truncation may
// replace the log's list of segments. The read then goes on from the offset after the chunk it
// read, in the new list — an index into the old one pointed past the new one's end (a consumer
// fetch failed with "Cannot read properties of undefined (reading 'baseOffset')" in a full test
// run) or skipped chunks.
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/clock';
import { encodeBatches, readMeta } from '../codec/recordBatch';
import { memoryPartitionStore } from './logStore';
import { PartitionLog } from './partitionLog';
import { deleteOldestSegments } from './retention';

async function logOfSegments(): Promise<PartitionLog> {
  const log = new PartitionLog({ topic: 't', partition: 0, clock: createVirtualClock(1000), settings: () => ({ segmentBytes: 400, segmentMs: 1e12 }), store: memoryPartitionStore() });
  for (let i = 0; i < 40; i++) await log.appendAsLeader(encodeBatches([{ key: `k${i}`, value: `v${i}`.padEnd(100, 'x'), timestamp: 5 }]));
  expect(log.segments.length).toBeGreaterThan(8);
  return log;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('a read while the segments are replaced', () => {
  it('records: every one from the offset to the end, once each, when retention drops older segments meanwhile', async () => {
    const log = await logOfSegments();
    const start = log.segments[4]!.baseOffset;
    const reading = log.read(start, { maxBytes: Infinity });
    // The first chunk's bytes are awaited now.
    deleteOldestSegments(log, 3);
    expect((await reading).map((r) => r.offset)).toEqual(range(start, log.logEndOffset));
  });

  it('raw batches (a follower fetch): every batch from the offset on, once each', async () => {
    const log = await logOfSegments();
    const start = log.segments[4]!.baseOffset;
    const reading = log.readBatches(start, Infinity);
    deleteOldestSegments(log, 3);
    const batches = await reading;
    const offsets = batches.map((b) => readMeta(b, 0).baseOffset);
    expect(offsets).toEqual(range(start, log.logEndOffset));
  });
});
