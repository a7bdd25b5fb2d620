import { describe, expect, it } from 'vitest';
import type { Cluster } from '../index';
import { setup, until } from '../testing/helpers';

// A service written the kafkajs way (consume, transform, produce, commit by hand), given the
// engine where it would get a kafkajs client. Nothing in it knows it is not talking to Kafka.
async function startBillingService(kafka: Pick<Cluster, 'consumer' | 'producer'>) {
  const consumer = kafka.consumer({ groupId: 'billing', sessionTimeout: 30000, heartbeatInterval: 3000 });
  const producer = kafka.producer({ idempotent: true });
  await consumer.connect();
  await producer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message, heartbeat }) => {
      const order = JSON.parse(message.value!.toString()) as { id: string; total: number };
      const correlationId = message.headers['correlation-id']?.toString();
      await producer.send({
        topic: 'invoices',
        acks: -1,
        messages: [{ key: message.key, value: JSON.stringify({ order: order.id, amount: order.total * 1.2 }), headers: { 'correlation-id': correlationId ?? 'none' }, timestamp: message.timestamp }],
      });
      await heartbeat();
      await consumer.commitOffsets([{ topic, partition, offset: (Number(message.offset) + 1).toString() }]);
    },
  });
  return consumer;
}

describe('kafkajs-style handler code', () => {
  it('runs a consume-transform-produce service unchanged', async () => {
    const { cluster, producer } = await setup('orders', 3);
    await cluster.admin().createTopics({ topics: [{ topic: 'invoices', numPartitions: 3 }] });
    const service = await startBillingService(cluster);
    await producer.send({ topic: 'orders', messages: Array.from({ length: 9 }, (_, i) => ({ key: `customer-${i % 3}`, value: JSON.stringify({ id: `o${i}`, total: 10 * i }), headers: { 'correlation-id': `c${i}` } })) });
    const invoices = cluster.consumer({ groupId: 'audit' });
    await invoices.connect();
    await invoices.subscribe({ topic: 'invoices', fromBeginning: true });
    const seen: { key: string; order: string; amount: number; correlation: string; partition: number }[] = [];
    await invoices.run({
      eachMessage: async ({ partition, message }) => {
        const v = JSON.parse(message.value!.toString()) as { order: string; amount: number };
        seen.push({ key: message.key!.toString(), ...v, correlation: message.headers['correlation-id']!.toString(), partition });
      },
    });
    await until(cluster, () => seen.length === 9, 'nine invoices');
    expect(seen.map((s) => s.order).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `o${i}`));
    for (const s of seen) expect(s.correlation).toBe(`c${s.order.slice(1)}`);
    // Same key, same partition in both topics (both have three partitions): keyed order holds end to end.
    const orderPartition = new Map((await cluster.admin().fetchTopicOffsets('orders')).map((o) => [o.partition, o.high]));
    expect([...orderPartition.values()].reduce((n, h) => n + Number(h), 0)).toBe(9);
    const committed = await cluster.admin().fetchOffsets({ groupId: 'billing', topics: ['orders'] });
    expect(committed[0]!.partitions.map((p) => p.offset)).toEqual([...orderPartition.values()].map((h) => (h === '0' ? '-1' : h)));
    await service.disconnect();
    await invoices.disconnect();
  });
});
