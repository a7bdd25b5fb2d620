// Shared pieces of the differential tests (src/engine/kafka/*.kafka.test.ts): the same
// kafkajs-shaped calls go to a real Kafka 4.4 (through kafkajs) and to the engine (through its
// public API only, src/engine/index.ts), and what comes back is read in one shape to compare.
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { createCluster, type Cluster } from '../index';

/** What both consumers hand to eachBatch, as far as the comparisons need it. */
interface BatchLike {
  topic: string;
  partition: number;
  messages: { offset: string; key: Uint8Array | null; value: Uint8Array | null; timestamp: string }[];
}

/** The consumer calls a test makes, present with the same shapes in kafkajs and the engine. */
export interface ConsumerLike {
  connect(): Promise<void>;
  subscribe(s: { topics: string[]; fromBeginning?: boolean }): Promise<void>;
  run(r: { autoCommit?: boolean; eachBatch: (p: { batch: BatchLike }) => Promise<void> }): Promise<void>;
  disconnect(): Promise<void>;
}

export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
}

const text = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('hex'));

/** A run-unique suffix: the brokers live for the whole run and topic names must not collide. */
export const RUN = Date.now().toString(36);

export function realKafka(bootstrap: string, clientId = 'stormbench-diff'): Kafka {
  return new Kafka({ clientId, brokers: bootstrap.split(','), logLevel: logLevel.NOTHING, retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1000 } });
}

/**
 * A kafkajs producer that picks partitions as Java's client does and never creates topics. It
 * is idempotent: kafkajs retries a whole request when one partition answers with a retriable
 * error (as a fresh topic's partitions do until their leader is ready), and without producer
 * ids the broker would append the partitions that had succeeded a second time.
 */
export function realProducer(kafka: Kafka) {
  return kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, idempotent: true });
}

type RealAdmin = ReturnType<Kafka['admin']>;

/**
 * Creates topics on the real broker and waits until every partition's leader serves: KRaft
 * answers CreateTopics once the controller committed the topic, a moment before the broker
 * leads its partitions, and a produce in between is retried (kafkajs resends the whole request).
 */
export async function createRealTopics(admin: RealAdmin, topics: { topic: string; numPartitions?: number; configEntries?: { name: string; value: string }[] }[]): Promise<void> {
  await admin.createTopics({ topics, waitForLeaders: true });
  const deadline = Date.now() + 30_000;
  for (const { topic } of topics) {
    for (;;) {
      try {
        await admin.fetchTopicOffsets(topic); // ListOffsets goes to each partition's leader
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await sleep(100);
      }
    }
  }
}

/** A single-broker engine cluster on the real clock, no background cleaner (tests run it). */
export async function engineCluster(seed = 11): Promise<Cluster> {
  return createCluster({ brokers: 1, clock: 'real', seed, cleanerIntervalMs: 0 });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `cond` every 50 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * Consumes `topics` from the beginning with a fresh group until `count` records arrived (or
 * `timeoutMs` passed), and returns them ordered by topic, partition and offset. Keys and values
 * come back as hex, so byte keys compare exactly.
 */
export async function drain(consumer: ConsumerLike, topics: string[], count: number, timeoutMs = 60_000): Promise<ConsumedRecord[]> {
  const out: ConsumedRecord[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) {
        out.push({ topic: batch.topic, partition: batch.partition, offset: Number(m.offset), key: text(m.key), value: text(m.value), timestamp: Number(m.timestamp) });
      }
    },
  });
  const deadline = Date.now() + timeoutMs;
  while (out.length < count && Date.now() < deadline) await sleep(50);
  await consumer.disconnect();
  return out.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition || a.offset - b.offset));
}

/**
 * The Kafka error name of a refusal (UNKNOWN_TOPIC_OR_PARTITION, INVALID_TOPIC_EXCEPTION, …):
 * kafkajs wraps protocol errors in retry and aggregate errors; the engine's errors carry the
 * name as `type` directly.
 */
export function refusal(err: unknown): string {
  const seen = new Set<unknown>();
  let at: unknown = err;
  while (at && typeof at === 'object' && !seen.has(at)) {
    seen.add(at);
    const e = at as { type?: unknown; name?: unknown; originalError?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof e.type === 'string' && e.type !== 'UNKNOWN') return e.type;
    at = e.originalError ?? e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  }
  return `no Kafka error name in ${String(err)}`;
}

/** Runs `f` and returns the refusal's Kafka error name, or 'accepted' when it succeeds. */
export async function outcome(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
    return 'accepted';
  } catch (err) {
    return refusal(err);
  }
}
