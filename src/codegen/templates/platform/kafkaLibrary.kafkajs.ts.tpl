// The Kafka client of this project: kafkajs (pure JavaScript). Differences from Confluent's
// client that matter here: acks are given per send, fromBeginning per subscription.
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaClient, KafkaClientOptions } from './kafkaClient.js';

export function createKafkaClient(options: KafkaClientOptions): KafkaClient {
  const kafka = new Kafka({ clientId: options.clientId, brokers: [...options.brokers], logLevel: logLevel.WARN });
  return {
    library: 'kafkajs',
    producer() {
      // Idempotent: a retried send is never duplicated; one request in flight keeps order.
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      return {
        connect: () => producer.connect(),
        async send(topic, messages) {
          await producer.send({ topic, acks: -1, messages: messages.map((m) => ({ ...m, headers: { ...m.headers } })) });
        },
        disconnect: () => producer.disconnect(),
      };
    },
    consumer({ groupId, fromBeginning, autoCommit }) {
      const consumer = kafka.consumer({
        groupId,
        ...(options.sessionTimeoutMs !== undefined ? { sessionTimeout: options.sessionTimeoutMs, heartbeatInterval: Math.max(100, Math.floor(options.sessionTimeoutMs / 10)) } : {}),
      });
      return {
        connect: () => consumer.connect(),
        subscribe: (topics) => consumer.subscribe({ topics: [...topics], fromBeginning }),
        run: (concurrency, eachMessage) => consumer.run({ autoCommit, partitionsConsumedConcurrently: concurrency, eachMessage }),
        disconnect: () => consumer.disconnect(),
      };
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
