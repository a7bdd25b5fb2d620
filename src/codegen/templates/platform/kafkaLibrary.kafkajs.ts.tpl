// The Kafka client of this project: kafkajs (pure JavaScript). Differences from Confluent's
// client that matter here: acks are given per send, fromBeginning per subscription, and a
// transactional producer registers its id with its first transaction, not when it connects.
import { Kafka, logLevel } from 'kafkajs';
import type { LogEntry, RetryOptions } from 'kafkajs';
import type { KafkaClient, KafkaClientOptions } from './kafkaClient.js';
import { TRANSACTION_TIMEOUT_MS } from './kafkaClient.js';

/**
 * Retries of requests that fail for a while (a leader or coordinator moving, a broker
 * restarting): about 10 s in all before the error reaches the caller. Set explicitly because
 * kafkajs's defaults depend on NODE_ENV (up to 30 s between retries normally, 1 s when
 * NODE_ENV=test), and the services should behave the same under a test runner as in production.
 */
const RETRY: RetryOptions = { initialRetryTime: 100, maxRetryTime: 1_000, factor: 0.2, multiplier: 2, retries: 12 };

/**
 * Retries of transactional producers. The coordinator answers CONCURRENT_TRANSACTIONS to a
 * transaction's first AddPartitionsToTxn while it still writes the previous transaction's
 * markers, which happens on nearly every command: the first retry comes soon (as Java's
 * client retries that case after 20 ms). kafkajs retries it within the send, and InitProducerId
 * within connecting, about 7 s in all; what still fails is retried by the transport with a
 * new producer. (EndTxn and AddOffsetsToTxn are not retried by kafkajs at all, and a producer
 * whose commit failed cannot begin another transaction: the transport replaces it.)
 */
const TRANSACTION_RETRY: RetryOptions = { initialRetryTime: 20, maxRetryTime: 1_000, factor: 0.2, multiplier: 2, retries: 12 };

/**
 * Lines of kafkajs's log left out: the two errors it writes each time the coordinator answers
 * CONCURRENT_TRANSACTIONS, which it retries (see TRANSACTION_RETRY), for nearly every command,
 * which would drown real errors (a transaction that still fails is reported by the
 * transport); and its warning for each idempotent producer with bounded retries, which does
 * not apply here: a transaction whose send gave up is aborted, and a command write that gave up
 * is answered with an error, not retried behind the caller's back.
 */
const EXPECTED = ['another concurrent operation on the same transaction was ongoing', 'Limiting retries for the idempotent producer'];

/** kafkajs's console log (JSON lines), less what EXPECTED names. */
const logCreator = () => ({ namespace, level, label, log }: LogEntry) => {
  const text = `${log.message} ${String(log['error'] ?? '')}`;
  if (EXPECTED.some((expected) => text.includes(expected))) return;
  const line = JSON.stringify({ level: label, ...log, message: `${namespace ? `[${namespace}] ` : ''}${log.message}` });
  if (level === logLevel.ERROR) console.error(line);
  else if (level === logLevel.WARN) console.warn(line);
  else console.log(line);
};

export function createKafkaClient(options: KafkaClientOptions): KafkaClient {
  const settings = { clientId: options.clientId, brokers: [...options.brokers], logLevel: logLevel.WARN, logCreator };
  const kafka = new Kafka({ ...settings, retry: RETRY });
  // A client of its own: InitProducerId and coordinator look-ups retry with the client's settings, not the producer's.
  const transactional = new Kafka({ ...settings, retry: TRANSACTION_RETRY });
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
      const producer = transactional.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1, transactionTimeout: TRANSACTION_TIMEOUT_MS, retry: TRANSACTION_RETRY });
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
            // After a failed EndTxn kafkajs can neither abort nor begin again (isActive() is
            // false): the transport disconnects this producer, and the next one fences it.
            if (transaction.isActive()) await transaction.abort().catch(() => undefined);
            throw err;
          }
        },
        disconnect: () => producer.disconnect(),
      };
    },
    consumer({ groupId, fromBeginning, autoCommit, onAssigned }) {
      // kafkajs gives consumers 5 retries unless told otherwise (RETRY: about 10 s before a consumer restarts).
      const consumer = kafka.consumer({ groupId, readUncommitted: false, retry: RETRY, ...groupSettings });
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
      const consumer = kafka.consumer({ groupId: `${options.clientId}.read.${Date.now()}.${Math.random().toString(36).slice(2)}`, readUncommitted: false, retry: RETRY });
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
