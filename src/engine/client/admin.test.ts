import { describe, expect, it } from 'vitest';
import { defaultPartition, type KafkaMessage } from '../index';
import { readAll, setup, until } from '../testing/helpers';

describe('admin', () => {
  it('describes topics, adds partitions (increase only) and deletes topics', async () => {
    const { cluster, producer } = await setup('t', 2, {}, { brokers: 3 });
    const admin = cluster.admin();
    const meta = await admin.fetchTopicMetadata({ topics: ['t'] });
    expect(meta.topics[0]!.partitions.map((p) => ({ id: p.partitionId, leader: p.leader, isr: p.isr }))).toEqual([
      { id: 0, leader: 1, isr: [1] },
      { id: 1, leader: 2, isr: [2] },
    ]);
    await admin.createPartitions({ topicPartitions: [{ topic: 't', count: 4 }] });
    expect((await admin.fetchTopicOffsets('t')).length).toBe(4);
    // New partitions change where keys go, as in Kafka.
    const [m] = await producer.send({ topic: 't', messages: [{ key: 'k', value: 'v' }] });
    expect(m!.partition).toBe(defaultPartition('k', 4));
    await admin.deleteTopics({ topics: ['t'] });
    expect(await admin.listTopics()).not.toContain('t');
    await expect(producer.send({ topic: 't', messages: [{ value: 'x' }] })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
    await expect(admin.deleteTopics({ topics: ['t'] })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
  });

  it('finds offsets by timestamp (Kafka ListOffsets by time): first record at or after it, else the high watermark', async () => {
    const { cluster, producer } = await setup('t', 2);
    for (let i = 0; i < 10; i++) await producer.send({ topic: 't', messages: [{ value: String(i), timestamp: String(1000 + i * 100), partition: i % 2 }] });
    const admin = cluster.admin();
    expect(await admin.fetchTopicOffsetsByTimestamp('t', 1250)).toEqual([
      { partition: 0, offset: '2' },
      { partition: 1, offset: '1' },
    ]);
    expect(await admin.fetchTopicOffsetsByTimestamp('t', 0)).toEqual([
      { partition: 0, offset: '0' },
      { partition: 1, offset: '0' },
    ]);
    expect(await admin.fetchTopicOffsetsByTimestamp('t', 99_999)).toEqual([
      { partition: 0, offset: '5' },
      { partition: 1, offset: '5' },
    ]);
  });

  it('sendBatch writes to several topics; describeGroups shows the member', async () => {
    const { cluster, producer } = await setup('a');
    await cluster.admin().createTopics({ topics: [{ topic: 'b' }] });
    const res = await producer.sendBatch({ topicMessages: [{ topic: 'a', messages: [{ value: '1' }] }, { topic: 'b', messages: [{ value: '2' }, { value: '3' }] }] });
    expect(res.map((r) => r.topicName).sort()).toEqual(['a', 'b']);
    expect((await readAll(cluster, 'b')).map((r) => r.value)).toEqual(['2', '3']);
    const c = cluster.consumer({ groupId: 'g' });
    await c.connect();
    await c.subscribe({ topics: ['a', 'b'], fromBeginning: true });
    const seen: KafkaMessage[] = [];
    await c.run({ eachMessage: async ({ message }) => void seen.push(message) });
    await until(cluster, () => seen.length === 3);
    const { groups } = await cluster.admin().describeGroups(['g']);
    expect(groups[0]).toMatchObject({ groupId: 'g', state: 'Stable' });
    expect(groups[0]!.members[0]!.memberAssignment).toEqual([{ topic: 'a', partitions: [0] }, { topic: 'b', partitions: [0] }]);
    await c.disconnect();
    expect((await cluster.admin().describeGroups(['g'])).groups[0]!.state).toBe('Empty');
  });

  it('a handler that throws stops the consumer with a crash event and commits only what it finished', async () => {
    const { cluster, producer } = await setup('t');
    await producer.send({ topic: 't', messages: ['a', 'b', 'c'].map((value) => ({ value })) });
    const c = cluster.consumer({ groupId: 'g' });
    await c.connect();
    await c.subscribe({ topic: 't', fromBeginning: true });
    let crashed: unknown;
    c.on('consumer.crash', ({ error }) => (crashed = error));
    await c.run({
      eachMessage: async ({ message }) => {
        if (message.value!.toString() === 'b') throw new Error('boom');
      },
    });
    await until(cluster, () => crashed !== undefined);
    await c.disconnect();
    expect((crashed as Error).message).toBe('boom');
    expect((await cluster.admin().fetchOffsets({ groupId: 'g', topics: ['t'] }))[0]!.partitions[0]!.offset).toBe('1');
  });
});
