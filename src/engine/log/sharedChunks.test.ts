// Followers on memory storage hold the leader's chunk objects themselves (their chunks never
// change once placed): pins that they do, that a later change on the leader (truncation,
// retention) replaces the leader's chunks rather than editing the shared ones, and that logs
// whose chunks may change (paged storage grows a tail chunk) keep descriptors of their own.
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/clock';
import { encodeBatches } from '../codec/recordBatch';
import { memoryPartitionStore, type PartitionStore } from './logStore';
import { PartitionLog } from './partitionLog';
import { residentBatches } from '../replication/records';
import type { Chunk } from './segment';
import { advanceLogStart } from './retention';

const clock = createVirtualClock(0);
const makeLog = (store: PartitionStore = memoryPartitionStore()) =>
  new PartitionLog({ topic: 't', partition: 0, clock, settings: () => ({ segmentBytes: 1 << 20, segmentMs: 1e12 }), store });
const pagedStore = (): PartitionStore => ({ ...memoryPartitionStore(), pageable: true, volatile: false });
const batch = (n: number) => encodeBatches(Array.from({ length: n }, (_, i) => ({ key: 'k', value: `v${i}`, timestamp: 5 })));
const chunksOf = (log: PartitionLog) => log.segments.flatMap((s) => s.chunks);

/** A follower's fetch of everything the leader has from `from`, as fetcher.ts does it. */
function copy(follower: PartitionLog, leader: PartitionLog, from = follower.logEndOffset): number {
  const chunks: (Chunk | undefined)[] | undefined = follower.chunksFixed && leader.chunksFixed ? [] : undefined;
  return follower.appendReplica(residentBatches(leader, from, 1000, chunks), chunks);
}

describe('followers sharing the leader chunks', () => {
  it('on memory storage a follower holds the very chunk objects of the leader', () => {
    const leader = makeLog();
    const follower = makeLog();
    for (const n of [2, 1, 3]) leader.append(batch(n));
    expect(copy(follower, leader)).toBe(6);
    expect(chunksOf(follower)).toHaveLength(3);
    chunksOf(follower).forEach((c, i) => expect(c).toBe(chunksOf(leader)[i]));
  });

  it("a leader's truncation and retention replace its chunks and leave the follower's records whole", async () => {
    const leader = makeLog();
    const follower = makeLog();
    leader.append(batch(3));
    leader.append(batch(3));
    copy(follower, leader);
    leader.truncate(4); // cuts the second batch inside: the leader writes a new chunk of one record
    leader.setHighWatermark(4);
    advanceLogStart(leader, 1);
    expect(chunksOf(follower).map((c) => [c.baseOffset, c.lastOffset, c.count])).toEqual([
      [0, 2, 3],
      [3, 5, 3],
    ]);
    follower.setHighWatermark(6);
    expect((await follower.read(0, { maxBytes: Infinity })).map((r) => r.offset)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a straddling batch and logs whose chunks may change get descriptors of their own', () => {
    const leader = makeLog();
    leader.append(batch(3));
    leader.append(batch(2));
    const paged = makeLog(pagedStore());
    expect(paged.chunksFixed).toBe(false);
    copy(paged, leader, 0);
    for (const c of chunksOf(paged)) expect(chunksOf(leader)).not.toContain(c);
    // A follower that has offsets 0..1 only: the leader's first batch straddles its log end.
    const behind = makeLog();
    behind.appendReplica([encodeBatches([{ key: 'k', value: 'a', timestamp: 5 }, { key: 'k', value: 'b', timestamp: 5 }])[0]!]);
    expect(copy(behind, leader)).toBe(3);
    expect(chunksOf(behind)[1]).not.toBe(chunksOf(leader)[0]);
    expect(chunksOf(behind)[2]).toBe(chunksOf(leader)[1]);
  });
});
