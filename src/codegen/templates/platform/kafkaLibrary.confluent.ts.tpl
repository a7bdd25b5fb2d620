// The Kafka client of this project: Confluent's @confluentinc/kafka-javascript (librdkafka),
// through its KafkaJS-compatible API. Differences from kafkajs that matter here: acks are set
// per producer (not per send), fromBeginning and auto-commit per consumer (not per
// subscription or run), and keyed records are placed with murmur2 as Java's client does.
import confluent from '@confluentinc/kafka-javascript';
import type { KafkaClient, KafkaClientOptions } from './kafkaClient.js';

const { Kafka, logLevel } = confluent.KafkaJS;

export function createKafkaClient(options: KafkaClientOptions): KafkaClient {
  const kafka = new Kafka({ kafkaJS: { clientId: options.clientId, brokers: [...options.brokers], logLevel: logLevel.WARN } });
  return {
    library: '@confluentinc/kafka-javascript',
    producer() {
      // Idempotent with acks=all: a retried send is never duplicated or reordered.
      const producer = kafka.producer({ kafkaJS: { idempotent: true, acks: -1 } });
      return {
        connect: () => producer.connect(),
        async send(topic, messages) {
          await producer.send({ topic, messages: messages.map((m) => ({ ...m, headers: { ...m.headers } })) });
        },
        disconnect: () => producer.disconnect(),
      };
    },
    consumer({ groupId, fromBeginning, autoCommit }) {
      const consumer = kafka.consumer({
        kafkaJS: {
          groupId,
          fromBeginning,
          autoCommit,
          ...(options.sessionTimeoutMs !== undefined ? { sessionTimeout: options.sessionTimeoutMs, heartbeatInterval: Math.max(100, Math.floor(options.sessionTimeoutMs / 10)) } : {}),
        },
      });
      return {
        connect: () => consumer.connect(),
        subscribe: (topics) => consumer.subscribe({ topics: [...topics] }),
        run: (concurrency, eachMessage) => consumer.run({ partitionsConsumedConcurrently: concurrency, eachMessage }),
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
          if (topics.length === 0) return;
          await admin.createTopics({ topics: topics.map((t) => ({ ...t, configEntries: [...t.configEntries] })) });
          // Unlike kafkajs (waitForLeaders), this resolves before every partition has a leader.
          const deadline = Date.now() + 60_000;
          for (;;) {
            const ready = await admin
              .fetchTopicMetadata({ topics: topics.map((t) => t.topic) })
              .then((all) => all.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
              .catch(() => false);
            if (ready) return;
            if (Date.now() > deadline) throw new Error('the new topics have no leaders after 60 s');
            await new Promise((r) => setTimeout(r, 200));
          }
        },
        // The KafkaJS-compatible admin has no describeCluster: ask librdkafka's metadata.
        brokerCount: () => brokerCount(options),
        disconnect: () => admin.disconnect(),
      };
    },
  };
}

function brokerCount(options: KafkaClientOptions): Promise<number> {
  const probe = new confluent.Producer({ 'metadata.broker.list': options.brokers.join(','), 'client.id': `${options.clientId}.metadata` });
  return new Promise<number>((resolve, reject) => {
    probe.connect({ timeout: 30_000 }, (err, metadata) => {
      if (err) reject(err);
      else resolve(metadata.brokers.length);
      probe.disconnect();
    });
  });
}
