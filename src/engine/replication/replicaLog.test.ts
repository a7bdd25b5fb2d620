// One replica's log: the leader-epoch cache answers OffsetsForLeaderEpoch as Kafka's
// LeaderEpochFileCache does (KIP-101/279), truncation and power loss cut the tail, and a dropped
// prefix leaves offsets and answers unchanged.
import { describe, expect, it } from 'vitest';
import { OffsetIds } from './offsetIds';
import { ReplicaLog, type SimRecord } from './replicaLog';

let next = 1;
const recs = (n: number): SimRecord[] => Array.from({ length: n }, () => ({ id: next++, key: null, value: null, timestamp: 0 }));

describe('ReplicaLog', () => {
  it('end offset of an epoch = start of the next one; the latest epoch ends at the log end; unknown older epochs answer the largest below', () => {
    const log = new ReplicaLog();
    log.append(recs(3), 0);
    log.append(recs(2), 2);
    log.append(recs(4), 5);
    expect(log.endOffsetFor(0)).toEqual({ epoch: 0, endOffset: 3 });
    expect(log.endOffsetFor(1)).toEqual({ epoch: 0, endOffset: 3 });
    expect(log.endOffsetFor(2)).toEqual({ epoch: 2, endOffset: 5 });
    expect(log.endOffsetFor(7)).toEqual({ epoch: 5, endOffset: 9 });
    expect(log.endOffsetFor(-1)).toEqual({ epoch: -1, endOffset: -1 });
  });

  it('truncation drops records, epochs starting at or after the point, and caps HW and flush', () => {
    const log = new ReplicaLog();
    log.append(recs(3), 0);
    log.append(recs(3), 1);
    log.highWatermark = 6;
    log.flush();
    expect(log.truncateTo(3)).toBe(3);
    expect(log.logEndOffset).toBe(3);
    expect(log.latestEpoch()).toBe(0);
    expect(log.highWatermark).toBe(3);
    expect(log.flushedOffset).toBe(3);
  });

  it('a power loss keeps what was flushed and reloads the checkpointed high watermark', () => {
    const log = new ReplicaLog();
    log.append(recs(4), 0);
    log.highWatermark = 4;
    log.flush();
    log.checkpointHighWatermark();
    log.append(recs(3), 0);
    log.highWatermark = 7;
    expect(log.loseUnflushed()).toBe(3);
    expect(log.logEndOffset).toBe(4);
    expect(log.highWatermark).toBe(4);
  });

  it('dropping a prefix keeps offsets, the reported log start and the answers for held records', () => {
    const log = new ReplicaLog();
    const batch = recs(10);
    log.append(batch, 0);
    log.dropBelow(6);
    expect(log.heldFrom).toBe(6);
    expect(log.logStartOffset).toBe(0);
    expect(log.logEndOffset).toBe(10);
    expect(log.recordAt(5)).toBeUndefined();
    expect(log.recordAt(7)!.id).toBe(batch[7]!.id);
    expect(log.read(0, 10, 100).map((r) => r.id)).toEqual(batch.slice(6).map((r) => r.id));
    log.advanceLogStart(8);
    expect(log.logStartOffset).toBe(8);
    expect(log.heldFrom).toBe(8);
  });
});

describe('OffsetIds', () => {
  it('maps offsets to ids from a movable base', () => {
    const ids = new OffsetIds();
    for (let o = 5; o < 10; o++) ids.set(o, o * 10);
    expect(ids.get(5)).toBe(50);
    ids.dropBelow(7);
    expect(ids.get(6)).toBeUndefined();
    expect(ids.get(8)).toBe(80);
    ids.truncateTo(8);
    expect(ids.get(8)).toBeUndefined();
    expect(ids.get(7)).toBe(70);
  });
});
