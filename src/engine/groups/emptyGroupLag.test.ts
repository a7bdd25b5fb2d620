// kafka-consumer-groups --describe shows a group without members with the lag of the partitions
// it committed; the snapshot does the same, so a service that is down shows its lag growing.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';

describe('an empty group keeps its lag', () => {
  it('reports the lag of its committed partitions after its last member crashed', async () => {
    const c = await createCluster({ brokers: 1, seed: 1, clock: 'virtual', cleanerIntervalMs: 0 });
    await c.engine.createTopic('t', 2);
    const produce = (n: number) => {
      for (let i = 0; i < n; i++) c.replication.produceWith({ topic: 't', partition: i % 2, acks: 1, records: [{ value: i }] }, () => undefined);
    };
    produce(10);
    const m = c.groups.addMember({ groupId: 'g', topics: ['t'], autoOffsetReset: 'earliest', autoCommitIntervalMs: 1_000, sessionTimeoutMs: 5_000 });
    for (let i = 0; i < 8; i++) await c.advance(1_000);
    c.groups.crashMember(m);
    for (let i = 0; i < 10; i++) await c.advance(1_000);
    produce(6);
    await c.advance(100);
    const g = c.groups.snapshot().find((x) => x.groupId === 'g')!;
    expect(g.state).toBe('Empty');
    expect(g.lag).toEqual({ 't-0': 3, 't-1': 3 });
    expect(g.totalLag).toBe(6);
    await c.close();
  });
});
