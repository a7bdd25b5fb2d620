// Pins the Java consumer's fetch fairness: a partition that returned records moves to the back
// of the fetch order (SubscriptionState.movePartitionToEnd), so a member whose backlog exceeds
// max.poll.records still makes progress on every partition it owns.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';
import { send } from '../replication/testing';

describe('fetch order across owned partitions', () => {
  it('serves every owned partition in turn when each has more than max.poll.records waiting', async () => {
    const cluster = await createCluster({ brokers: 3, seed: 5, clock: 'virtual', cleanerIntervalMs: 0, replication: { autoLeaderRebalance: false }, groups: { initialRebalanceDelayMs: 100, lagSampleIntervalMs: 500, lagSamplesKept: 20 } });
    await cluster.engine.createTopic('orders', 4, [], 3);
    const sim = cluster.replication;
    const groups = cluster.groups;
    groups.addMember({
      groupId: 'g',
      topics: ['orders'],
      autoOffsetReset: 'earliest',
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 1_000,
      maxPollRecords: 10,
      processingMsPerRecord: 10,
      autoCommitIntervalMs: 100,
    });
    sim.advance(200);
    for (let p = 0; p < 4; p++) send(sim, 'orders', p, 1, 200);
    sim.advance(2_000);
    const { committed } = groups.snapshot()[0]!;
    const progress = [0, 1, 2, 3].map((p) => committed[`orders-${p}`] ?? 0);
    // About 200 records were processed in that time: each partition got a fair share.
    expect(progress.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    for (const done of progress) expect(done).toBeGreaterThan(20);
  });
});
