// Pins PartitionLog.locate: the chunk holding an offset, or the first one after it (a compacted
// log has gaps), wherever the offset is — the head, which it looks at first, or further back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/clock';
import { encodeBatch, stampBatch } from '../codec/recordBatch';
import { memoryPartitionStore } from './logStore';
import { PartitionLog } from './partitionLog';

function firstChunkReaching(log: PartitionLog, offset: number): { si: number; ci: number } | undefined {
  for (let si = 0; si < log.segments.length; si++) {
    const chunks = log.segments[si]!.chunks;
    for (let ci = 0; ci < chunks.length; ci++) if (chunks[ci]!.lastOffset >= offset) return { si, ci };
  }
  return undefined;
}

describe('PartitionLog.locate', () => {
  it('finds the chunk holding an offset or the first after it, over segments and gaps', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ count: fc.integer({ min: 1, max: 5 }), gap: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 150, max: 2000 }), (batches, segmentBytes) => {
        const log = new PartitionLog({ topic: 't', partition: 0, clock: createVirtualClock(0), settings: () => ({ segmentBytes, segmentMs: 1e12 }), store: memoryPartitionStore() });
        let next = 0;
        for (const { count, gap } of batches) {
          // A follower's copy of a compacted leader: batches start where the leader's did, gaps between them.
          const b = encodeBatch(Array.from({ length: count }, (_, i) => ({ key: 'k', value: `v${i}`, timestamp: 1 })));
          stampBatch(b, 0, next + gap, 0, 1);
          log.appendReplica([b]);
          next += gap + count;
        }
        for (let offset = 0; offset <= next + 2; offset++) expect(log.locate(offset)).toEqual(firstChunkReaching(log, offset));
      }),
      { numRuns: 60 },
    );
  });
});
