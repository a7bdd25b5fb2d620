// The Kafka client of this project: kafkajs (pure JavaScript). Differences from Confluent's
// client that matter here: acks are given per send, fromBeginning per subscription, and a
// transactional producer registers its id with its first transaction, not when it connects.
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaClient, KafkaClientOptions } from './kafkaClient.js';
import { TRANSACTION_TIMEOUT_MS } from './kafkaClient.js';

export function createKafkaClient(options: KafkaClientOptions): KafkaClient {
  const kafka = new Kafka({ clientId: options.clientId, brokers: [...options.brokers], logLevel: logLevel.WARN });
  const groupSettings = options.sessionTimeoutMs !== undefined ? { sessionTimeout: options.sessionTimeoutMs, heartbeatInterval: Math.max(100, Math.floor(options.sessionTimeoutMs / 10)) } : {};
  const withHeaders = <T extends { headers: Record<string, string> }>(m: T) => ({ ...m, headers: { ...m.headers } });
  return {
    library: 'kafkajs',
    producer() {
      // Idempotent: a retried send is never duplicated; one request in flight keeps order.
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      return {
        connect: () => producer.connect(),
        async send(topic, messages) {
          await producer.send({ topic, acks: -1, messages: messages.map(withHeaders) });
        },
        disconnect: () => producer.disconnect(),
      };
    },
    transactionalProducer(transactionalId) {
      const producer = kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1, transactionTimeout: TRANSACTION_TIMEOUT_MS });
      return {
        async connect() {
          await producer.connect();
          // kafkajs registers the id (and so fences the previous holder) when the first
          // transaction begins: begin one now and abort it, which writes nothing.
          await (await producer.transaction()).abort();
        },
        async commit(sends, consumed) {
          const transaction = await producer.transaction();
          try {
            for (const { topic, messages } of sends) await transaction.send({ topic, acks: -1, messages: messages.map(withHeaders) });
            const next = (BigInt(consumed.offset) + 1n).toString();
            await transaction.sendOffsets({ consumerGroupId: consumed.groupId, topics: [{ topic: consumed.topic, partitions: [{ partition: consumed.partition, offset: next }] }] });
            await transaction.commit();
          } catch (err) {
            await transaction.abort().catch(() => undefined);
            throw err;
          }
        },
        disconnect: () => producer.disconnect(),
      };
    },
    consumer({ groupId, fromBeginning, autoCommit, onAssigned }) {
      const consumer = kafka.consumer({ groupId, readUncommitted: false, ...groupSettings });
      if (onAssigned) {
        consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
          onAssigned(Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) => partitions.map((partition) => ({ topic, partition }))));
        });
      }
      return {
        connect: () => consumer.connect(),
        subscribe: (topics) => consumer.subscribe({ topics: [...topics], fromBeginning }),
        run: (concurrency, eachMessage) => consumer.run({ autoCommit, partitionsConsumedConcurrently: concurrency, eachMessage }),
        disconnect: () => consumer.disconnect(),
      };
    },
    async read(ranges, eachMessage) {
      const left = new Map(ranges.filter((r) => BigInt(r.from) < BigInt(r.to)).map((r) => [`${r.topic}:${r.partition}`, r]));
      if (left.size === 0) return;
      // kafkajs consumes only in a group: one of its own that commits nothing.
      const consumer = kafka.consumer({ groupId: `${options.clientId}.read.${Date.now()}.${Math.random().toString(36).slice(2)}`, readUncommitted: false });
      await consumer.connect();
      try {
        await new Promise<void>((resolve, reject) => {
          // Emitted after a fetched batch is handled, with the offset of its last record,
          // transaction markers and aborted records included.
          consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
            const key = `${payload.topic}:${payload.partition}`;
            const range = left.get(key);
            if (range && BigInt(payload.lastOffset) + 1n >= BigInt(range.to)) left.delete(key);
            if (left.size === 0) resolve();
          });
          consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
          consumer
            .subscribe({ topics: [...new Set([...left.values()].map((r) => r.topic))], fromBeginning: true })
            .then(() =>
              consumer.run({
                autoCommit: false,
                eachMessage: async (payload) => {
                  const range = left.get(`${payload.topic}:${payload.partition}`);
                  const offset = BigInt(payload.message.offset);
                  if (range && offset >= BigInt(range.from) && offset < BigInt(range.to)) await eachMessage(payload);
                },
              }),
            )
            .then(() => {
              for (const r of left.values()) consumer.seek({ topic: r.topic, partition: r.partition, offset: r.from });
            })
            .catch(reject);
        });
      } finally {
        await consumer.disconnect();
      }
    },
    admin() {
      const admin = kafka.admin();
      return {
        connect: () => admin.connect(),
        listTopics: () => admin.listTopics(),
        fetchTopicOffsets: (topic) => admin.fetchTopicOffsets(topic),
        async createTopics(topics) {
          await admin.createTopics({ waitForLeaders: true, topics: topics.map((t) => ({ ...t, configEntries: [...t.configEntries] })) });
        },
        brokerCount: async () => (await admin.describeCluster()).brokers.length,
        disconnect: () => admin.disconnect(),
      };
    },
  };
}
