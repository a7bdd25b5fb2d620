// The fault API of DESIGN.md on createCluster({ brokers }): stop/start/crash/isolate/heal,
// snapshot() and the event feed, through the kafkajs-shaped clients.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

describe('createCluster({ brokers: 3 }) fault API', () => {
  it('a crashed leader is replaced after the session timeout; snapshot and events tell the story', async () => {
    const cluster = await createCluster({ brokers: 3, clock: 'virtual', seed: 9, cleanerIntervalMs: 0, replication: { brokerSessionTimeoutMs: 1_000, autoLeaderRebalance: false } });
    await cluster.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }] });
    const producer = cluster.producer();
    await producer.connect();
    const sent = producer.send({ topic: 'orders', messages: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] });
    await cluster.advance(20);
    await sent;
    const before = cluster.snapshot();
    expect(before.brokers.every((b) => b.status === 'running')).toBe(true);
    const victim = before.partitions[0]!.leader!;
    cluster.crashBroker(victim);
    expect(cluster.brokers.find((b) => b.id === victim)!.status).toBe('crashed');
    await cluster.advance(1_500);
    const after = cluster.snapshot();
    expect(after.partitions.every((p) => p.leader !== victim && p.leader !== null)).toBe(true);
    expect(after.counters.lost).toBe(0);
    expect(cluster.events().some((e) => e.type === 'leader-elected' && e.reason.includes('no heartbeat'))).toBe(true);
    const md = await cluster.admin().fetchTopicMetadata({ topics: ['orders'] });
    expect(md.topics[0]!.partitions.every((p) => p.leader !== victim)).toBe(true);
    // Writes keep working with two brokers (min.insync.replicas=2).
    const more = producer.send({ topic: 'orders', messages: [{ key: 'a', value: '3' }] });
    await cluster.advance(20);
    await expect(more).resolves.toHaveLength(1);
    cluster.startBroker(victim);
    cluster.isolateBroker(victim);
    cluster.heal();
    await cluster.advance(100);
    expect(cluster.snapshot().partitions.every((p) => p.isr.length === 3)).toBe(true);
    await cluster.close();
  });

  it('topics are placed as Kafka places them without racks (start index 0): metadata shows the replicas', async () => {
    const cluster = await createCluster({ brokers: 5, clock: 'virtual', cleanerIntervalMs: 0 });
    await cluster.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 10, replicationFactor: 3 }] });
    const md = await cluster.admin().fetchTopicMetadata({ topics: ['orders'] });
    expect(md.topics[0]!.partitions.map((p) => p.replicas)).toEqual([
      [1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 5, 1], [5, 1, 2],
      [1, 3, 4], [2, 4, 5], [3, 5, 1], [4, 1, 2], [5, 2, 3],
    ]);
    expect(md.topics[0]!.partitions.map((p) => p.leader)).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    await cluster.close();
  });

  it('one broker is the same cluster at replication factor 1: stopping it takes its partitions offline, starting it brings them back', async () => {
    const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0 });
    await cluster.admin().createTopics({ topics: [{ topic: 'solo', numPartitions: 1 }] });
    const producer = cluster.producer({ retries: 0 });
    await producer.connect();
    await producer.send({ topic: 'solo', messages: [{ value: 'a' }] });
    cluster.stopBroker(1);
    expect(cluster.snapshot().partitions.find((p) => p.topic === 'solo')!.leader).toBeNull();
    await expect(producer.send({ topic: 'solo', messages: [{ value: 'b' }] })).rejects.toMatchObject({ code: 'LEADER_NOT_AVAILABLE' });
    cluster.startBroker(1);
    await cluster.advance(10);
    const solo = cluster.snapshot().partitions.find((p) => p.topic === 'solo')!;
    expect({ leader: solo.leader, replicas: solo.replicas, highWatermark: solo.highWatermark }).toEqual({ leader: 1, replicas: [1], highWatermark: 1 });
    await cluster.close();
  });
});
