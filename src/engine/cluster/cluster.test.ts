import { describe, expect, it } from 'vitest';
import { createCluster, defaultPartition, type KafkaMessage } from '../index';
import { until } from '../testing/helpers';

describe('createCluster: produce and consume end to end', () => {
  it('keeps brokers 1..N and routes keyed records to Kafka\'s partition (DefaultPartitioner)', async () => {
    const cluster = await createCluster({ brokers: 3, clock: 'virtual', seed: 7 });
    expect(cluster.brokers.map((b) => b.id)).toEqual([1, 2, 3]);
    const admin = cluster.admin();
    expect(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 4 }] })).toBe(true);
    expect(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 4 }] })).toBe(false);
    const producer = cluster.producer();
    await producer.connect();
    const res = await producer.send({ topic: 'orders', messages: [{ key: 'k1', value: 'a' }, { key: 'k1', value: 'b' }, { key: 'k2', value: 'c' }] });
    const p1 = defaultPartition('k1', 4);
    const meta1 = res.find((r) => r.partition === p1)!;
    expect(meta1).toMatchObject({ topicName: 'orders', errorCode: 0, baseOffset: '0', logAppendTime: '-1', logStartOffset: '0' });
    const offsets = await admin.fetchTopicOffsets('orders');
    expect(offsets.find((o) => o.partition === p1)).toMatchObject({ high: p1 === defaultPartition('k2', 4) ? '3' : '2', low: '0' });
    await cluster.close();
  });

  it('delivers messages in offset order per partition with kafkajs message shapes', async () => {
    const cluster = await createCluster({ clock: 'virtual' });
    await cluster.admin().createTopics({ topics: [{ topic: 't', numPartitions: 1 }] });
    const producer = cluster.producer();
    await producer.connect();
    await producer.send({ topic: 't', messages: [{ key: 'a', value: 'one', headers: { h: 'x' }, timestamp: '1234' }, { key: null, value: 'two' }] });
    const consumer = cluster.consumer({ groupId: 'g' });
    await consumer.connect();
    await consumer.subscribe({ topic: 't', fromBeginning: true });
    const seen: KafkaMessage[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
    await until(cluster, () => seen.length === 2);
    expect(seen[0]!.offset).toBe('0');
    expect(seen[0]!.key!.toString()).toBe('a');
    expect(seen[0]!.value!.toString()).toBe('one');
    expect(seen[0]!.timestamp).toBe('1234');
    expect(seen[0]!.headers.h!.toString()).toBe('x');
    expect(seen[1]!.key).toBeNull();
    await producer.send({ topic: 't', messages: [{ value: 'three' }] });
    await until(cluster, () => seen.length === 3);
    expect(seen[2]!.offset).toBe('2');
    await consumer.disconnect();
    await cluster.close();
  });
});
