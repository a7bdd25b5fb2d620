// The Kafka console over a cluster: browsing per partition from the oldest, the newest, an offset
// or a time with key and text filters, without joining a group or committing anything; topic
// configs; a test message lands where Kafka's partitioner puts its key; offsets reset like
// kafka-consumer-groups --reset-offsets (clamped to the range, by time, refused while the group
// has members).
import { describe, expect, it } from 'vitest';
import { createCluster, defaultPartition, type Cluster } from './engineApi';
import { KafkaConsole, prettyJson } from './kafkaConsole';

const EPOCH = 1_700_000_000_000;

/** Partition p of topic "orders" gets 20 records: keys order-<i>, JSON values, one header; record i at EPOCH + i·1000. */
async function seeded(): Promise<{ cluster: Cluster; console: KafkaConsole }> {
  const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0, brokers: 1 });
  await cluster.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '3600000' }] }] });
  const p = cluster.producer();
  await p.connect();
  for (let i = 0; i < 40; i++) {
    await p.send({
      topic: 'orders',
      messages: [{ key: `order-${i}`, value: JSON.stringify({ orderId: i, status: i % 5 === 0 ? 'cancelled' : 'placed' }), headers: { source: i % 2 ? 'web' : 'shop' }, timestamp: String(EPOCH + i * 1000), partition: i % 2 }],
    });
  }
  return { cluster, console: new KafkaConsole(cluster, EPOCH) };
}

describe('KafkaConsole.browse', () => {
  it('reads a partition from the oldest record: offset, key, pretty JSON value, headers, timestamp and simulated time', async () => {
    const { console: c } = await seeded();
    const page = await c.browse({ topic: 'orders', partition: 1, from: { kind: 'earliest' }, limit: 3 });
    expect(page.messages.map((m) => [m.partition, m.offset, m.key])).toEqual([
      [1, 0, 'order-1'],
      [1, 1, 'order-3'],
      [1, 2, 'order-5'],
    ]);
    const m = page.messages[0]!;
    expect(m.value).toBe('{"orderId":1,"status":"placed"}');
    expect(m.pretty).toBe('{\n  "orderId": 1,\n  "status": "placed"\n}');
    expect(m.headers).toEqual([{ key: 'source', value: 'web' }]);
    expect(m.timestamp).toBe(EPOCH + 1000);
    expect(m.atMs).toBe(1000);
    expect(page.partitions).toEqual([{ partition: 1, low: 0, high: 20 }]);
  });

  it('from the newest: the latest records of every partition, newest first', async () => {
    const { console: c } = await seeded();
    const page = await c.browse({ topic: 'orders', partition: null, from: { kind: 'latest' }, limit: 4 });
    expect(page.messages.map((m) => m.key)).toEqual(['order-39', 'order-38', 'order-37', 'order-36']);
  });

  it('jumps to an offset or to a time (the first record at or after it)', async () => {
    const { console: c } = await seeded();
    const byOffset = await c.browse({ topic: 'orders', partition: 0, from: { kind: 'offset', offset: 15 }, limit: 10 });
    expect(byOffset.messages.map((m) => m.offset)).toEqual([15, 16, 17, 18, 19]);
    const byTime = await c.browse({ topic: 'orders', partition: null, from: { kind: 'time', atMs: 30_500 }, limit: 3 });
    expect(byTime.messages.map((m) => m.key)).toEqual(['order-31', 'order-32', 'order-33']);
    const beyond = await c.browse({ topic: 'orders', partition: 0, from: { kind: 'offset', offset: 999 } });
    expect(beyond.messages).toEqual([]);
  });

  it('filters by key and by text in the key, value or headers (case-insensitive)', async () => {
    const { console: c } = await seeded();
    const byKey = await c.browse({ topic: 'orders', partition: null, from: { kind: 'earliest' }, key: 'ORDER-3' });
    expect(byKey.messages.map((m) => m.key)).toEqual(['order-3', ...Array.from({ length: 10 }, (_, i) => `order-${30 + i}`)]);
    const byText = await c.browse({ topic: 'orders', partition: null, from: { kind: 'latest' }, text: 'cancelled', limit: 3 });
    expect(byText.messages.map((m) => m.key)).toEqual(['order-35', 'order-30', 'order-25']);
    const byHeader = await c.browse({ topic: 'orders', partition: null, from: { kind: 'earliest' }, text: 'shop', limit: 100 });
    expect(byHeader.messages.length).toBe(20);
    expect(byHeader.scanned).toBe(40);
  });

  it('reads without joining a group or committing anything', async () => {
    const { cluster, console: c } = await seeded();
    await c.browse({ topic: 'orders', partition: null, from: { kind: 'earliest' } });
    await c.browse({ topic: 'orders', partition: null, from: { kind: 'latest' } });
    expect(cluster.groups.groupIds()).toEqual([]);
    expect((await cluster.admin().listGroups()).groups).toEqual([]);
  });

  it('leaves out a partition without a leader and says so, as a consumer cannot read it either', async () => {
    const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0, brokers: 3 });
    await cluster.admin().createTopics({ topics: [{ topic: 't', numPartitions: 3, replicationFactor: 1 }] });
    const p = cluster.producer();
    await p.connect();
    for (let i = 0; i < 3; i++) await p.send({ topic: 't', messages: [{ value: `v${i}`, partition: i }] });
    const leaders = (await cluster.admin().fetchTopicMetadata({ topics: ['t'] })).topics[0]!.partitions;
    cluster.stopBroker(leaders.find((x) => x.partitionId === 1)!.leader);
    await cluster.advance(1_000);
    const page = await new KafkaConsole(cluster, EPOCH).browse({ topic: 't', partition: null, from: { kind: 'earliest' } });
    expect(page.offline).toEqual([1]);
    expect(page.messages.map((m) => m.value)).toEqual(['v0', 'v2']);
  });

  it('refuses a partition or topic that does not exist', async () => {
    const { console: c } = await seeded();
    await expect(c.browse({ topic: 'orders', partition: 7, from: { kind: 'earliest' } })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
    await expect(c.browse({ topic: 'nope', partition: null, from: { kind: 'earliest' } })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
  });
});

describe('KafkaConsole configs and produce', () => {
  it('lists the topic configs, marking the ones set on the topic', async () => {
    const { console: c } = await seeded();
    const configs = await c.topicConfigs('orders');
    expect(configs.find((x) => x.name === 'retention.ms')).toEqual({ name: 'retention.ms', value: '3600000', isDefault: false });
    expect(configs.find((x) => x.name === 'cleanup.policy')).toEqual({ name: 'cleanup.policy', value: 'delete', isDefault: true });
  });

  it('produces a test message with key, value and headers where the key puts it, stamped with simulated time', async () => {
    const { cluster, console: c } = await seeded();
    await cluster.advance(5_000);
    const at = await c.produce({ topic: 'orders', key: 'test-key', value: '{"hello":"workshop"}', headers: [{ key: 'trace', value: 't-1' }], partition: null });
    expect(at).toEqual({ partition: defaultPartition('test-key', 2), offset: '20' });
    const page = await c.browse({ topic: 'orders', partition: at.partition, from: { kind: 'latest' }, limit: 1 });
    expect(page.messages[0]).toMatchObject({ key: 'test-key', value: '{"hello":"workshop"}', headers: [{ key: 'trace', value: 't-1' }], timestamp: EPOCH + 5_000 });
    await expect(c.produce({ topic: 'orders', key: null, value: 'x', headers: [{ key: ' ', value: 'y' }], partition: 0 })).rejects.toMatchObject({ code: 'SIM_INVALID_OPTION' });
  });
});

describe('KafkaConsole.resetOffsets', () => {
  it('resets to earliest, latest, an offset (clamped to the range) and a time, saying what each partition had before', async () => {
    const { cluster, console: c } = await seeded();
    expect(await c.resetOffsets({ groupId: 'g', topic: 'orders', partition: null, to: { kind: 'latest' } })).toEqual({
      partitions: [
        { partition: 0, before: '-1', after: '20' },
        { partition: 1, before: '-1', after: '20' },
      ],
    });
    expect((await c.resetOffsets({ groupId: 'g', topic: 'orders', partition: 1, to: { kind: 'offset', offset: 500 } })).partitions).toEqual([{ partition: 1, before: '20', after: '20' }]);
    expect((await c.resetOffsets({ groupId: 'g', topic: 'orders', partition: 0, to: { kind: 'offset', offset: 7 } })).partitions).toEqual([{ partition: 0, before: '20', after: '7' }]);
    // Record i sits at EPOCH + i s on partition i % 2: from 10.5 s, partition 0 starts at record 12 (offset 6), partition 1 at record 11 (offset 5).
    expect((await c.resetOffsets({ groupId: 'g', topic: 'orders', partition: null, to: { kind: 'time', atMs: 10_500 } })).partitions.map((p) => p.after)).toEqual(['6', '5']);
    expect((await c.resetOffsets({ groupId: 'g', topic: 'orders', partition: null, to: { kind: 'earliest' } })).partitions.map((p) => p.after)).toEqual(['0', '0']);
    expect((await cluster.admin().fetchOffsets({ groupId: 'g', topics: ['orders'] }))[0]!.partitions.map((p) => p.offset)).toEqual(['0', '0']);
  });

  it("is refused while the group has members, with Kafka's error, and nothing changes", async () => {
    const { cluster, console: c } = await seeded();
    const consumer = cluster.consumer({ groupId: 'busy' });
    await consumer.connect();
    await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
    let seen = 0;
    await consumer.run({ eachMessage: async () => void seen++ });
    for (let t = 0; t < 30_000 && seen < 40; t += 100) await cluster.advance(100);
    expect(seen).toBe(40);
    for (let t = 0; t < 10_000; t += 100) await cluster.advance(100); // an auto-commit
    await expect(c.resetOffsets({ groupId: 'busy', topic: 'orders', partition: null, to: { kind: 'earliest' } })).rejects.toMatchObject({ code: 'UNKNOWN_MEMBER_ID', message: expect.stringMatching(/inactive, but it is Stable with 1 member/) });
    expect((await cluster.admin().fetchOffsets({ groupId: 'busy', topics: ['orders'] }))[0]!.partitions.map((p) => p.offset)).toEqual(['20', '20']);
  });
});

describe('prettyJson', () => {
  it('indents JSON objects and arrays, leaves anything else alone', () => {
    expect(prettyJson('[1,{"a":2}]')).toBe('[\n  1,\n  {\n    "a": 2\n  }\n]');
    expect(prettyJson('42')).toBeNull();
    expect(prettyJson('{not json')).toBeNull();
    expect(prettyJson('plain text')).toBeNull();
  });
});
