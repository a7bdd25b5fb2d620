import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/clock';
import { encodeBatches } from '../codec/recordBatch';
import { OffsetOutOfRangeError } from '../errors';
import { memoryPartitionStore } from './logStore';
import { PartitionLog } from './partitionLog';

function makeLog(segmentBytes = 1 << 20, segmentMs = 1e12) {
  const clock = createVirtualClock(1000);
  const log = new PartitionLog({ topic: 't', partition: 0, clock, settings: () => ({ segmentBytes, segmentMs }), store: memoryPartitionStore() });
  return { log, clock };
}

const batch = (values: string[], key: string | null = 'k') => encodeBatches(values.map((v) => ({ key, value: v, timestamp: 5 })));

describe('PartitionLog', () => {
  it('assigns dense, monotonic offsets starting at 0 (Kafka: offsets per partition)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 30 }), async (sizes) => {
        const { log } = makeLog(2048);
        let expected = 0;
        for (const n of sizes) {
          const r = await log.appendAsLeader(batch(Array.from({ length: n }, (_, i) => `v${i}`)));
          expect(r.baseOffset).toBe(expected);
          expect(r.lastOffset).toBe(expected + n - 1);
          expected += n;
        }
        expect(log.logEndOffset).toBe(expected);
        const all = await log.read(0, { maxBytes: Infinity });
        expect(all.map((r) => r.offset)).toEqual(Array.from({ length: expected }, (_, i) => i));
      }),
      { numRuns: 40 },
    );
  });

  it('rolls a new segment when segment.bytes would be exceeded and when segment.ms has passed', async () => {
    const { log, clock } = makeLog(400, 10_000);
    for (let i = 0; i < 6; i++) await log.appendAsLeader(batch(['x'.repeat(100)]));
    expect(log.segments.length).toBeGreaterThan(1);
    for (const s of log.segments) expect(s.size <= 400 || s.chunks.length === 1).toBe(true);
    const { log: timed } = makeLog(1 << 20, 10_000);
    await timed.appendAsLeader(batch(['a']));
    clock.advance(0);
    await timed.appendAsLeader(batch(['b']));
    expect(timed.segments.length).toBe(1);
    (timed.clock as ReturnType<typeof createVirtualClock>).advance(10_000);
    await timed.appendAsLeader(batch(['c']));
    expect(timed.segments.map((s) => s.baseOffset)).toEqual([0, 2]);
  });

  it('refuses reads outside [log start, log end] with OffsetOutOfRange (Kafka OFFSET_OUT_OF_RANGE)', async () => {
    const { log } = makeLog();
    await log.appendAsLeader(batch(['a', 'b']));
    await expect(log.read(3)).rejects.toBeInstanceOf(OffsetOutOfRangeError);
    await expect(log.read(-1)).rejects.toBeInstanceOf(OffsetOutOfRangeError);
    expect(await log.read(2)).toEqual([]);
  });

  it('reads only up to the high watermark when a replication layer holds it back', async () => {
    const { log } = makeLog();
    log.autoHighWatermark = false;
    await log.appendAsLeader(batch(['a', 'b', 'c']));
    expect(log.highWatermark).toBe(0);
    expect(await log.read(0)).toEqual([]);
    log.setHighWatermark(2);
    expect((await log.read(0)).map((r) => r.offset)).toEqual([0, 1]);
    expect((await log.read(0, { isolation: 'logEnd' })).map((r) => r.offset)).toEqual([0, 1, 2]);
  });

  it('truncates to an offset and drops leader epochs starting at or after it (KIP-101)', async () => {
    const { log } = makeLog(300);
    await log.appendAsLeader(batch(['a', 'b', 'c']), { leaderEpoch: 0 });
    await log.appendAsLeader(batch(['d', 'e']), { leaderEpoch: 1 });
    await log.appendAsLeader(batch(['f']), { leaderEpoch: 2 });
    expect(log.epochs.toJSON()).toEqual([{ epoch: 0, startOffset: 0 }, { epoch: 1, startOffset: 3 }, { epoch: 2, startOffset: 5 }]);
    expect(log.epochs.endOffsetFor(1, log.logEndOffset)).toEqual({ epoch: 1, endOffset: 5 });
    await log.truncateTo(4);
    expect(log.logEndOffset).toBe(4);
    expect((await log.read(0)).map((r) => r.value?.toString())).toEqual(['a', 'b', 'c', 'd']);
    expect(log.epochs.toJSON()).toEqual([{ epoch: 0, startOffset: 0 }, { epoch: 1, startOffset: 3 }]);
    const r = await log.appendAsLeader(batch(['g']), { leaderEpoch: 3 });
    expect(r.baseOffset).toBe(4);
  });

  it('lets a follower copy the leader\'s batches with their offsets, sharing bytes', async () => {
    const { log: leader } = makeLog();
    const { log: follower } = makeLog();
    follower.autoHighWatermark = false;
    await leader.appendAsLeader(batch(['a', 'b']), { leaderEpoch: 4 });
    await leader.appendAsLeader(batch(['c']), { leaderEpoch: 4 });
    const fetched = await leader.readBatches(0);
    await follower.appendAsFollower(fetched);
    expect(follower.logEndOffset).toBe(3);
    expect(follower.epochs.latestEpoch()).toBe(4);
    const f = follower.segments[0]!.chunks[0]!.data!;
    const l = leader.segments[0]!.chunks[0]!.data!;
    expect([f.buffer, f.byteOffset, f.length]).toEqual([l.buffer, l.byteOffset, l.length]);
    await follower.truncateTo(1);
    expect(leader.logEndOffset).toBe(3);
    expect((await leader.read(0)).length).toBe(3);
  });

  it('never writes a batch whose precondition fails, and keeps offsets dense after it', async () => {
    const { log } = makeLog();
    await expect(log.appendAsLeader(batch(['a']), { precondition: () => { throw new Error('no'); } })).rejects.toThrow('no');
    const r = await log.appendAsLeader(batch(['b']));
    expect(r.baseOffset).toBe(0);
  });
});
