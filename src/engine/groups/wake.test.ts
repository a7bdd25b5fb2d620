// Pins the parked fetch: a member polling rarely while idle still gets new records of a partition
// it owns as soon as they are committed (Kafka's fetch.max.wait answers when data arrives), and
// records of partitions it does not own do not wake it.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';
import { send } from '../replication/testing';

describe('new records wake the members owning their partition', () => {
  it('delivers at once to the owner, and wakes nobody else', async () => {
    const cluster = await createCluster({ brokers: 3, seed: 7, clock: 'virtual', cleanerIntervalMs: 0, virtualStallMs: 0, replication: { autoLeaderRebalance: false }, groups: { initialRebalanceDelayMs: 100 } });
    await cluster.engine.createTopic('orders', 2, [], 3);
    const sim = cluster.replication;
    const groups = cluster.groups;
    const got: { member: string; partition: number; at: number }[] = [];
    const ids: string[] = [];
    for (const groupId of ['a', 'a', 'b']) {
      const id = groups.addMember({
        groupId,
        topics: ['orders'],
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 60_000,
        heartbeatIntervalMs: 1_000,
        pollIntervalMs: 10_000,
        onRecord: (_t, partition) => void got.push({ member: id, partition, at: sim.clock.now() }),
      });
      ids.push(id);
    }
    sim.advance(15_000);
    const polls = () => ids.map((id) => groups.member(id).polls);
    const owner = ids.find((id) => groups.member(id).group.id === 'a' && groups.member(id).owns('orders\u00000'))!;
    const other = ids.find((id) => groups.member(id).group.id === 'a' && id !== owner)!;
    const before = polls();
    const sentAt = sim.clock.now();
    send(sim, 'orders', 0, 1, 1);
    sim.advance(1_000);
    // Group a's owner of partition 0 and group b's only member got the record within the second.
    expect(got.map((g) => g.member).sort()).toEqual([owner, ids[2]!].sort());
    for (const g of got) expect(g.at - sentAt).toBeLessThan(1_000);
    // The member of group a without partition 0 was not woken: it did not poll in that second.
    expect(polls()[ids.indexOf(other)]).toBe(before[ids.indexOf(other)]);
  });
});
