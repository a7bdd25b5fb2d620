// Admin's group offsets and topic configs: setOffsets / resetOffsets (kafkajs's admin calls,
// Kafka's AlterConsumerGroupOffsets) refuse a group with members, as Kafka does, and a consumer
// started afterwards reads from the offsets set; describeConfigs reports each config and whether
// it was set on the topic.
// idb checks values against the IndexedDB globals: fake-indexeddb/auto provides them in Node.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCluster, type KafkaMessage } from '../index';
import { during, setup, until } from '../testing/helpers';

async function filled(n: number) {
  const { cluster, producer } = await setup('t', 2);
  for (let i = 0; i < n; i++) await producer.send({ topic: 't', messages: [{ value: `v${i}`, partition: i % 2 }] });
  return { cluster, producer };
}

describe('admin group offsets', () => {
  it('refuses setOffsets and resetOffsets while the group has a member (UNKNOWN_MEMBER_ID), accepts them once it is empty', async () => {
    const { cluster } = await filled(10);
    const admin = cluster.admin();
    const c = cluster.consumer({ groupId: 'g' });
    await c.connect();
    await c.subscribe({ topics: ['t'], fromBeginning: true });
    const seen: KafkaMessage[] = [];
    await c.run({ eachMessage: async ({ message }) => void seen.push(message) });
    await until(cluster, () => seen.length === 10);
    await expect(admin.setOffsets({ groupId: 'g', topic: 't', partitions: [{ partition: 0, offset: '1' }] })).rejects.toMatchObject({ code: 'UNKNOWN_MEMBER_ID', retriable: false });
    await expect(admin.resetOffsets({ groupId: 'g', topic: 't', earliest: true })).rejects.toThrow(/can only be reset while the group is inactive, but it is Stable with 1 member/);
    await during(cluster, c.disconnect());
    await admin.resetOffsets({ groupId: 'g', topic: 't', earliest: true });
    expect((await admin.fetchOffsets({ groupId: 'g', topics: ['t'] }))[0]!.partitions.map((p) => p.offset)).toEqual(['0', '0']);
    await admin.setOffsets({ groupId: 'g', topic: 't', partitions: [{ partition: 1, offset: '3' }] });
    expect((await admin.fetchOffsets({ groupId: 'g', topics: ['t'] }))[0]!.partitions.map((p) => p.offset)).toEqual(['0', '3']);
    // A consumer joining now starts where the offsets were set: all of partition 0, the last two of partition 1.
    const again = cluster.consumer({ groupId: 'g' });
    await again.connect();
    await again.subscribe({ topics: ['t'] });
    const redelivered: string[] = [];
    await again.run({ eachMessage: async ({ partition, message }) => void redelivered.push(`${partition}:${message.offset}`) });
    await until(cluster, () => redelivered.length >= 7);
    expect(redelivered.sort()).toEqual(['0:0', '0:1', '0:2', '0:3', '0:4', '1:3', '1:4']);
    await during(cluster, again.disconnect());
    await cluster.close();
  });

  it('resets to latest (the high watermark), and refuses unknown partitions and offsets that are not whole numbers', async () => {
    const { cluster } = await filled(6);
    const admin = cluster.admin();
    await admin.resetOffsets({ groupId: 'h', topic: 't' });
    expect((await admin.fetchOffsets({ groupId: 'h', topics: ['t'] }))[0]!.partitions.map((p) => p.offset)).toEqual(['3', '3']);
    await expect(admin.setOffsets({ groupId: 'h', topic: 't', partitions: [{ partition: 5, offset: '0' }] })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
    await expect(admin.setOffsets({ groupId: 'h', topic: 'nope', partitions: [{ partition: 0, offset: '0' }] })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
    await expect(admin.setOffsets({ groupId: 'h', topic: 't', partitions: [{ partition: 0, offset: '-3' }] })).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
    await cluster.close();
  });

  it('stores the offsets set in __consumer_offsets: a reopened cluster reads them back', async () => {
    const storage = { indexedDB: new IDBFactory(), name: 'admin-offsets' };
    const first = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0, storage });
    await first.admin().createTopics({ topics: [{ topic: 't', numPartitions: 1 }] });
    const p = first.producer();
    await p.connect();
    await p.send({ topic: 't', messages: [{ value: 'a' }, { value: 'b' }] });
    await first.admin().setOffsets({ groupId: 'g', topic: 't', partitions: [{ partition: 0, offset: '1' }] });
    await first.close();
    const second = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0, storage });
    expect((await second.admin().fetchOffsets({ groupId: 'g', topics: ['t'] }))[0]!.partitions[0]!.offset).toBe('1');
    await second.close();
  });
});

describe('admin describeConfigs', () => {
  it('lists every topic config with its value, and which ones were set on the topic', async () => {
    const { cluster } = await setup('c', 1, { 'cleanup.policy': 'compact', 'retention.ms': '60000' });
    const { resources } = await cluster.admin().describeConfigs({ resources: [{ type: 2, name: 'c' }], includeSynonyms: false });
    const byName = new Map(resources[0]!.configEntries.map((e) => [e.configName, e]));
    expect(byName.get('cleanup.policy')).toMatchObject({ configValue: 'compact', isDefault: false, configSource: 1 });
    expect(byName.get('retention.ms')).toMatchObject({ configValue: '60000', isDefault: false });
    expect(byName.get('min.insync.replicas')).toMatchObject({ configValue: '1', isDefault: true, configSource: 5 });
    expect(byName.get('unclean.leader.election.enable')!.configValue).toBe('false');
    const only = await cluster.admin().describeConfigs({ resources: [{ type: 2, name: 'c', configNames: ['retention.ms'] }] });
    expect(only.resources[0]!.configEntries.map((e) => e.configName)).toEqual(['retention.ms']);
    await expect(cluster.admin().describeConfigs({ resources: [{ type: 2, name: 'missing' }] })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
    await cluster.close();
  });
});
