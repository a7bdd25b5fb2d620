// The Kafka client of this project: Confluent's @confluentinc/kafka-javascript (librdkafka),
// through its KafkaJS-compatible API. Differences from kafkajs that matter here: acks are set
// per producer (not per send), fromBeginning and auto-commit per consumer (not per
// subscription or run), keyed records are placed with murmur2 as Java's client does, and a
// transaction commits a consumer's offset through the consumer itself (its group generation
// goes along, so a member that lost the partition in a rebalance cannot commit it).
import { createRequire } from 'node:module';
import confluent from '@confluentinc/kafka-javascript';
import type { KafkaJS, Message } from '@confluentinc/kafka-javascript';
import type { ClientConsumer, ClientEachMessage, ClientHeaders, KafkaClient, KafkaClientOptions } from './kafkaClient.js';
import { MemberNotInGroupError, TRANSACTION_TIMEOUT_MS } from './kafkaClient.js';

const { Kafka, logLevel } = confluent.KafkaJS;

/**
 * How long a rebalance waits for members to rejoin (this API gives librdkafka twice it as
 * max.poll.interval.ms, the rebalance timeout of its JoinGroup requests).
 */
const REBALANCE_TIMEOUT_MS = 60_000;

/** librdkafka's codes for a consumer the group no longer counts as its member (Kafka's error codes). */
const MEMBER_NOT_IN_GROUP_CODES = new Set([
  22, // ILLEGAL_GENERATION
  25, // UNKNOWN_MEMBER_ID
  82, // FENCED_INSTANCE_ID
]);

// Version 1.10.1 turns a GROUP_COORDINATOR_NOT_AVAILABLE answer (the group's coordinator broker
// just went down) into a KafkaJSGroupCoordinatorNotAvailableError that its error module does not
// define: the conversion throws inside sendOffsets' callback, which ends the process with an
// unhandled rejection and leaves the transaction's sendOffsets unsettled. Define the class, so the
// answer is an ordinary protocol error and the transaction is retried like any refused one.
type ErrorClass = new (...args: unknown[]) => Error;
const libraryErrors = createRequire(import.meta.url)('@confluentinc/kafka-javascript/lib/kafkajs/_error.js') as Record<string, ErrorClass | undefined>;
const ProtocolError = libraryErrors['KafkaJSProtocolError'];
if (ProtocolError && !libraryErrors['KafkaJSGroupCoordinatorNotAvailableError']) {
  libraryErrors['KafkaJSGroupCoordinatorNotAvailableError'] = class KafkaJSGroupCoordinatorNotAvailableError extends ProtocolError {
    constructor(...args: unknown[]) {
      super(...args);
      this.name = 'KafkaJSGroupCoordinatorNotAvailableError';
    }
  };
}

export function createKafkaClient(options: KafkaClientOptions): KafkaClient {
  const kafka = new Kafka({ kafkaJS: { clientId: options.clientId, brokers: [...options.brokers], logLevel: logLevel.WARN } });
  /** The library's consumer behind each consumer handed out (sendOffsets needs it). */
  const consumers = new WeakMap<ClientConsumer, KafkaJS.Consumer>();
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
    transactionalProducer(transactionalId) {
      // Connecting initialises transactions: the cluster fences the id's previous holder.
      const producer = kafka.producer({ kafkaJS: { transactionalId, idempotent: true, acks: -1, transactionTimeout: TRANSACTION_TIMEOUT_MS } });
      return {
        connect: () => producer.connect(),
        async commit(sends, consumed) {
          const consumer = consumers.get(consumed.consumer);
          if (!consumer) throw new Error(`offsets of group ${consumed.groupId} can only be committed through a consumer of this client`);
          await producer.transaction();
          try {
            for (const { topic, messages } of sends) await producer.send({ topic, messages: messages.map((m) => ({ ...m, headers: { ...m.headers } })) });
            const next = (BigInt(consumed.offset) + 1n).toString();
            await producer.sendOffsets({ consumer, topics: [{ topic: consumed.topic, partitions: [{ partition: consumed.partition, offset: next }] }] });
            await producer.commit();
          } catch (err) {
            if (producer.isActive()) await producer.abort().catch(() => undefined);
            const code = (err as { code?: unknown }).code;
            if (typeof code === 'number' && MEMBER_NOT_IN_GROUP_CODES.has(code)) throw new MemberNotInGroupError(consumed.groupId, err instanceof Error ? err.message : String(err));
            throw err;
          }
        },
        disconnect: () => producer.disconnect(),
      };
    },
    consumer({ groupId, fromBeginning, autoCommit, onAssigned, onRevoked }) {
      // librdkafka hands over partitions in steps (all of them with the eager protocols, only
      // the moved ones with cooperative-sticky): keep the whole assignment.
      const assigned = new Map<string, { topic: string; partition: number }>();
      const consumer = kafka.consumer({
        ...(onAssigned || onRevoked
          ? {
              rebalance_cb: (err: { code: number }, assignment: { topic: string; partition: number }[]) => {
                const partitions = assignment.map(({ topic, partition }) => ({ topic, partition }));
                if (err.code === confluent.CODES.ERRORS.ERR__ASSIGN_PARTITIONS) {
                  for (const p of partitions) assigned.set(`${p.topic}:${p.partition}`, p);
                  onAssigned?.([...assigned.values()]);
                } else if (err.code === confluent.CODES.ERRORS.ERR__REVOKE_PARTITIONS) {
                  for (const p of partitions) assigned.delete(`${p.topic}:${p.partition}`);
                  onRevoked?.(partitions);
                }
              },
            }
          : {}),
        kafkaJS: {
          groupId,
          fromBeginning,
          autoCommit,
          readUncommitted: false,
          // kafkajs's default. Without it this API asks librdkafka for twice its 300 s default
          // max.poll.interval.ms, which is also the rebalance timeout a JoinGroup carries: a
          // rebalance under way when an instance froze (its join pending, so the coordinator
          // keeps it) then held every other member of the group for up to 10 minutes.
          rebalanceTimeout: REBALANCE_TIMEOUT_MS,
          ...(options.sessionTimeoutMs !== undefined ? { sessionTimeout: options.sessionTimeoutMs, heartbeatInterval: Math.max(100, Math.floor(options.sessionTimeoutMs / 10)) } : {}),
        },
      });
      const client: ClientConsumer = {
        connect: () => consumer.connect(),
        subscribe: (topics) => consumer.subscribe({ topics: [...topics] }),
        run: (concurrency, eachMessage) => consumer.run({ partitionsConsumedConcurrently: concurrency, eachMessage }),
        disconnect: () => consumer.disconnect(),
      };
      consumers.set(client, consumer);
      return client;
    },
    read: (ranges, eachMessage) => readRanges(options, ranges, eachMessage),
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

/**
 * Reads ranges with librdkafka's own consumer: it is assigned the partitions directly (no group
 * to join), and its position, read after each handled batch, moves past transaction markers
 * and aborted records, which the KafkaJS-compatible consumer does not show.
 */
async function readRanges(options: KafkaClientOptions, ranges: readonly { topic: string; partition: number; from: string; to: string }[], eachMessage: (payload: ClientEachMessage) => Promise<void>): Promise<void> {
  const left = new Map(ranges.filter((r) => BigInt(r.from) < BigInt(r.to)).map((r) => [`${r.topic}:${r.partition}`, r]));
  if (left.size === 0) return;
  const reader = new confluent.KafkaConsumer(
    { 'metadata.broker.list': options.brokers.join(','), 'client.id': `${options.clientId}.read`, 'group.id': `${options.clientId}.read`, 'enable.auto.commit': false, 'isolation.level': 'read_committed' },
    { 'auto.offset.reset': 'earliest' },
  );
  await new Promise<void>((resolve, reject) => reader.connect({ timeout: 30_000 }, (err) => (err ? reject(err) : resolve())));
  try {
    reader.assign([...left.values()].map((r) => ({ topic: r.topic, partition: r.partition, offset: Number(r.from) })));
    while (left.size > 0) {
      const messages = await new Promise<Message[]>((resolve, reject) => reader.consume(500, (err, batch) => (err ? reject(err) : resolve(batch))));
      for (const m of messages) {
        const range = left.get(`${m.topic}:${m.partition}`);
        if (!range || BigInt(m.offset) >= BigInt(range.to)) continue;
        const headers: ClientHeaders = {};
        for (const header of m.headers ?? []) for (const [name, value] of Object.entries(header)) headers[name] = value;
        const key = m.key === null || m.key === undefined ? null : Buffer.from(m.key);
        const message = { key, value: m.value, headers, timestamp: String(m.timestamp ?? ''), offset: String(m.offset) };
        await eachMessage({ topic: m.topic, partition: m.partition, message, heartbeat: async () => undefined });
      }
      for (const p of reader.position([...left.values()].map((r) => ({ topic: r.topic, partition: r.partition })))) {
        const range = left.get(`${p.topic}:${p.partition}`);
        if (range && p.offset >= 0 && BigInt(p.offset) >= BigInt(range.to)) left.delete(`${p.topic}:${p.partition}`);
      }
    }
  } finally {
    await new Promise<void>((resolve) => reader.disconnect(() => resolve()));
  }
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
