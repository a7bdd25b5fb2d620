// snapshot() carries everything the UI's cluster panel needs in one plain object, and the event
// feed tells the story of a fault with simulated timestamps.
import { describe, expect, it } from 'vitest';
import { send } from '../replication/testing';
import { createCluster } from './createCluster';

describe('snapshot and event feed', () => {
  it('one structured-clone-safe object with brokers, partitions, groups, rebalances and counters', async () => {
    const c = await createCluster({ brokers: 3, seed: 5, clock: 'virtual', groups: { initialRebalanceDelayMs: 100 }, replication: { autoLeaderRebalance: false } });
    await c.engine.createTopic('orders', 3, [], 3);
    c.groups.addMember({ groupId: 'billing', topics: ['orders'], autoOffsetReset: 'earliest' });
    c.groups.addMember({ groupId: 'billing', topics: ['orders'], autoOffsetReset: 'earliest' });
    for (let p = 0; p < 3; p++) send(c.replication, 'orders', p, 1, 5);
    await c.advance(6_000);
    const s = c.snapshot();
    expect(structuredClone(s)).toEqual(s);
    expect(s.brokers.map((b) => b.status)).toEqual(['running', 'running', 'running']);
    expect(s.partitions).toHaveLength(3);
    expect(s.partitions[0]).toMatchObject({ topic: 'orders', partition: 0, logStart: 0, highWatermark: 5, logEnd: 5 });
    expect(s.groups[0]).toMatchObject({ groupId: 'billing', state: 'Stable', totalLag: 0 });
    expect(s.groups[0]!.members).toHaveLength(2);
    expect(s.counters).toMatchObject({ produced: 15, acknowledged: 15, consumed: 15, lost: 0, duplicated: 0 });
    expect(s.rebalancesInProgress).toEqual([]);
  });

  it('a broker crash reads as a story: crashed, fenced, leader elected, ISR changes — with simulated times', async () => {
    const c = await createCluster({ brokers: 3, seed: 5, clock: 'virtual', replication: { brokerSessionTimeoutMs: 2_000, autoLeaderRebalance: false } });
    await c.engine.createTopic('orders', 1, [], 3);
    await c.advance(100);
    const since = c.snapshot().lastEventSeq;
    c.crashBroker(1);
    await c.advance(3_000);
    const story = c.events(since).map((e) => [e.type, e.at]);
    expect(story).toEqual([
      ['broker-crashed', 100],
      ['broker-fenced', 2_100],
      ['leader-elected', 2_100],
    ]);
  });
});
