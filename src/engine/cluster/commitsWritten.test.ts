// A group's offset commits reach its __consumer_offsets leader in commit order without each one
// waiting for the one before to replicate: on a cluster whose time does not move (a paused run),
// every accepted commit is still written, so a checkpoint taken then stores what the
// coordinator shows.
import { describe, expect, it } from 'vitest';
import { offsetsPartitionFor } from '../broker/offsetStore';
import { CONSUMER_OFFSETS_TOPIC } from '../broker/engine';
import { createCluster } from '../index';
import { until, untilAssigned } from '../testing/helpers';

describe('commitsWritten', () => {
  it('writes every accepted commit to the leader while time stands still, newest last', async () => {
    const cluster = await createCluster({ brokers: 3, clock: 'virtual', cleanerIntervalMs: 0, seed: 3, virtualStallMs: 0 });
    await cluster.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 1, replicationFactor: 3 }] });
    const id = cluster.groups.addMember({ groupId: 'billing', topics: ['orders'], assignor: 'range', autoOffsetReset: 'earliest', commitMode: 'manual' });
    await untilAssigned(cluster, 'billing');
    const member = cluster.groups.member(id);
    const k = `orders\u00000`;
    // Three commits at one instant: the first's acknowledgement needs the followers to fetch,
    // which needs time to move.
    for (const offset of [1, 2, 3]) expect(member.commitOffsets(new Map([[k, offset]]))).toBe(true);
    const at = cluster.now();
    await Promise.race([cluster.commitsWritten(), new Promise((_, reject) => setTimeout(() => reject(new Error('the commits were not written while time stood still')), 2_000))]);
    expect(cluster.now()).toBe(at);
    const log = cluster.engine.log(CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor('billing'));
    const records = await log.read(0, { isolation: 'logEnd' });
    const mine = records.filter((r) => r.key && JSON.parse(r.key.toString()).group === 'billing');
    expect(mine.map((r) => JSON.parse(r.value!.toString()).offset)).toEqual(['1', '2', '3']);
    // Not yet replicated: the high watermark has not moved past them.
    expect(log.highWatermark).toBeLessThan(log.logEndOffset);
    await until(cluster, () => log.highWatermark === log.logEndOffset, 'the commits replicated');
    const fetched = await cluster.admin().fetchOffsets({ groupId: 'billing', topics: ['orders'] });
    expect(fetched[0]!.partitions[0]!.offset).toBe('3');
    await cluster.close();
  });
});
