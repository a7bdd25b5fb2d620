// The transport for a real cluster, on the client library of kafkaLibrary.ts: one idempotent
// producer (acks=all, so a retried send is never duplicated or reordered) and one consumer per
// subscription, named by the topology's consumer group ids. Transactional subscriptions (the
// command handlers) write through one transactional producer per partition they own. With a
// schema codec (a schema registry configured), events are written in the registry's wire
// format and read back as JSON.
import type { WireRecord } from '../runtime/wire.js';
import type { ClientConsumer, ClientEachMessage, ClientHeaders, ClientProducer, ClientTransactionalProducer, KafkaClient, OutgoingMessage, PartitionRange } from './kafkaClient.js';
import { createKafkaClient } from './kafkaLibrary.js';
import type { SchemaCodec } from './schemaCodec.js';
import { Transaction } from './transport.js';
import type { IncomingRecord, RecordHandler, SubscribeOptions, Subscription, TransactionalHandler, TransactionalSubscribeOptions, Transport } from './transport.js';

export interface KafkaTransportOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  /** How long a silent member keeps its partitions before its group rebalances. */
  readonly sessionTimeoutMs?: number;
  /** Encodes events for the schema registry and decodes what it wrote (SCHEMA_REGISTRY_URL). */
  readonly codec?: SchemaCodec;
}

function headerText(headers: ClientHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}

async function outgoing(topic: string, records: readonly WireRecord[], codec: SchemaCodec | undefined): Promise<OutgoingMessage[]> {
  const encoded = await Promise.all(records.map((r) => (codec ? codec.encode(topic, r) : { value: r.value, headers: { ...r.headers } })));
  return records.map((r, i) => ({ key: r.key, ...encoded[i]!, ...(r.timestamp !== undefined ? { timestamp: r.timestamp } : {}) }));
}

async function incoming({ topic, partition, message }: ClientEachMessage, codec: SchemaCodec | undefined): Promise<IncomingRecord> {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString() : null,
    value: !message.value ? '' : codec ? await codec.decode(topic, message.value) : message.value.toString(),
    headers: headerText(message.headers),
    timestamp: message.timestamp,
  };
}

/**
 * A command's transaction did not commit: another instance owns the partition now (this one
 * was fenced), the cluster refused it for a while (a coordinator moving, a broker restarting),
 * or the outcome is unknown. Retriable: the record is handled again once this instance has a
 * new producer for the partition and has caught up. (No `cause`: kafkajs would judge the retry
 * by the cause, and its fencing error says not to retry.)
 */
export class TransactionNotCommittedError extends Error {
  readonly code = 'TRANSACTION_NOT_COMMITTED';
  readonly retriable = true;
  constructor(topic: string, partition: number, reason: unknown) {
    super(`the transaction for ${topic} partition ${partition} did not commit (${reason instanceof Error ? reason.message : String(reason)}); its record is handled again`);
    this.name = 'TransactionNotCommittedError';
  }
}

const HEARTBEAT_EVERY_MS = 1_000;

/**
 * Waits for `work`, heartbeating meanwhile so that the group keeps this member. The work is
 * always awaited, never left running behind the client's back (a record handled twice at once
 * by one instance). A heartbeat that fails (the group is rebalancing) stops the beating and is
 * kept in `beat.error`: the caller then gives the record back instead of trying again.
 */
async function whileHeartbeating<T>(payload: ClientEachMessage, beat: { error?: unknown }, work: Promise<T>): Promise<T> {
  let done = false;
  let wake = () => {};
  void (async () => {
    while (!done && beat.error === undefined) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, HEARTBEAT_EVERY_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (done) return;
      await payload.heartbeat().catch((err: unknown) => (beat.error = err));
    }
  })();
  try {
    return await work;
  } finally {
    done = true;
    wake();
  }
}

/**
 * A record whose transaction did not commit is tried again in place (after a pause, with a new
 * producer that fences the old one and a catch-up), for as long as this member keeps its
 * partition, up to this long; only then does the error reach the client. Thrown at once, the
 * error would make kafkajs re-fetch and, after a few failures, restart the consumer: it leaves
 * its group and rejoins, every member's partitions move, and each takeover fences and aborts
 * the transactions of the partitions it takes, so a cluster that refuses transactions for a
 * few seconds (a broker restarting) set off a chain of rebalances that could outlast it.
 */
const TRANSACTION_RETRY_FOR_MS = 90_000;
const TRANSACTION_BACKOFF_MS = [100, 250, 500, 1_000, 2_000];
/** A takeover whose catch-up with the event topic has not ended by then fails, and is tried again. */
const TAKEOVER_TIMEOUT_MS = 60_000;

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const RETRY_ATTEMPTS = 20;
const RETRY_BACKOFF_MS = 500;

async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= RETRY_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, RETRY_BACKOFF_MS));
    }
  }
}

export class KafkaTransport implements Transport {
  private readonly client: KafkaClient;
  private readonly consumers = new Set<ClientConsumer>();
  /** Disconnects the transactional producers of each transactional subscription. */
  private readonly releaseOwners = new Set<() => Promise<void>>();
  private producer: Promise<ClientProducer> | null = null;

  constructor(private readonly options: KafkaTransportOptions) {
    this.client = createKafkaClient(options);
  }

  /** The client library in use, e.g. "kafkajs". */
  get library(): string {
    return this.client.library;
  }

  private connectedProducer(): Promise<ClientProducer> {
    if (!this.producer) {
      const producer = this.client.producer();
      this.producer = producer.connect().then(() => producer);
      // A failed connect is retried by the next send.
      this.producer.catch(() => (this.producer = null));
    }
    return this.producer;
  }

  async send(topic: string, records: readonly WireRecord[]): Promise<void> {
    if (records.length === 0) return;
    const messages = await outgoing(topic, records, this.options.codec);
    const producer = await this.connectedProducer();
    await producer.send(topic, messages);
  }

  async subscribe(options: SubscribeOptions, handler: RecordHandler): Promise<Subscription> {
    const consumer = this.client.consumer({ groupId: options.groupId, fromBeginning: options.fromBeginning ?? true, autoCommit: true });
    await consumer.connect();
    this.consumers.add(consumer);
    await consumer.subscribe(options.topics);
    await consumer.run(options.partitionsConcurrently ?? 1, async (payload) => handler(await incoming(payload, this.options.codec)));
    return {
      stop: async () => {
        if (!this.consumers.delete(consumer)) return;
        await consumer.disconnect();
      },
    };
  }

  async subscribeTransactional(options: TransactionalSubscribeOptions, handler: TransactionalHandler): Promise<Subscription> {
    // The producer of each partition this instance owns, by "topic:partition". Its
    // transactional id names the group and the partition, so whichever instance owns the
    // partition next fences this one when it connects.
    const owners = new Map<string, Promise<ClientTransactionalProducer>>();
    // The partitions the group gives this member now: a record of another is not tried again.
    const assigned = new Set<string>();
    // Partitions are taken over as soon as they are assigned, not at their first record: a
    // previous owner's unfinished transaction holds back every read_committed reader of the
    // partitions it wrote to (catch-ups included) until it is fenced. A partition given away
    // loses its producer: if it comes back, its next owner is a new producer that fences
    // whoever had it meanwhile and catches up with what they wrote.
    const onAssigned = (partitions: readonly { topic: string; partition: number }[]) => {
      assigned.clear();
      for (const { topic, partition } of partitions) assigned.add(`${topic}:${partition}`);
      for (const key of [...owners.keys()]) if (!assigned.has(key)) void release(key);
      for (const { topic, partition } of partitions) void ownerOf(topic, partition).catch(() => undefined);
    };
    const onRevoked = (partitions: readonly { topic: string; partition: number }[]) => {
      for (const { topic, partition } of partitions) assigned.delete(`${topic}:${partition}`);
    };
    const consumer = this.client.consumer({ groupId: options.groupId, fromBeginning: options.fromBeginning ?? true, autoCommit: false, onAssigned, onRevoked });
    const release = async (key: string) => {
      const owner = owners.get(key);
      owners.delete(key);
      await (await owner?.catch(() => null))?.disconnect().catch(() => undefined);
    };
    const ownerOf = (topic: string, partition: number): Promise<ClientTransactionalProducer> => {
      const key = `${topic}:${partition}`;
      let owner = owners.get(key);
      if (!owner) {
        const producer = this.client.transactionalProducer(`${options.groupId}.${topic}.${partition}`);
        owner = producer.connect().then(async () => {
          if (options.onTakeover) await within(options.onTakeover(), TAKEOVER_TIMEOUT_MS, `catching up after taking over ${topic} partition ${partition}`);
          return producer;
        });
        owners.set(key, owner);
        owner.catch(() => (owners.get(key) === owner ? release(key) : undefined));
      }
      return owner;
    };
    const releaseAll = async () => {
      await Promise.all([...owners.keys()].map(release));
    };
    /** Handles the record in one transaction of the partition's producer. */
    const handleOnce = async (record: IncomingRecord): Promise<void> => {
      const key = `${record.topic}:${record.partition}`;
      const owner = ownerOf(record.topic, record.partition);
      const producer = await owner.catch((err: unknown) => {
        throw new TransactionNotCommittedError(record.topic, record.partition, err);
      });
      const transaction = new Transaction();
      await handler(record, transaction);
      try {
        await producer.commit(
          await Promise.all(transaction.sends.map(async ({ topic, records }) => ({ topic, messages: await outgoing(topic, records, this.options.codec) }))),
          { consumer, groupId: options.groupId, topic: record.topic, partition: record.partition, offset: record.offset },
        );
      } catch (err) {
        // Fenced (another instance owns the partition now), refused, or the outcome is unknown:
        // the next producer for this partition fences this one and settles its last
        // transaction, and the record is handled again after catching up (a command whose
        // events did commit is then recognised by its id).
        if (owners.get(key) === owner) await release(key);
        throw new TransactionNotCommittedError(record.topic, record.partition, err);
      }
      await transaction.committed();
    };
    this.releaseOwners.add(releaseAll);
    await consumer.connect();
    this.consumers.add(consumer);
    await consumer.subscribe(options.topics);
    await consumer.run(options.partitionsConcurrently ?? 1, async (payload) => {
      const record = await incoming(payload, this.options.codec);
      const key = `${record.topic}:${record.partition}`;
      // Taking a partition over (fencing, catching up) and committing can outlast the session timeout.
      const beat: { error?: unknown } = {};
      const until = Date.now() + TRANSACTION_RETRY_FOR_MS;
      for (let attempt = 0; ; attempt++) {
        try {
          await whileHeartbeating(payload, beat, handleOnce(record));
          return;
        } catch (err) {
          // The group is rebalancing: give the record back to the client, which rejoins.
          if (beat.error !== undefined) throw beat.error;
          if (!(err instanceof TransactionNotCommittedError) || !assigned.has(key) || Date.now() >= until) throw err;
          const pause = TRANSACTION_BACKOFF_MS[Math.min(attempt, TRANSACTION_BACKOFF_MS.length - 1)]!;
          console.warn(`${options.groupId}: ${err.message} in ${pause} ms`);
          await whileHeartbeating(payload, beat, new Promise((r) => setTimeout(r, pause)));
          if (beat.error !== undefined) throw beat.error;
        }
      }
    });
    return {
      stop: async () => {
        if (!this.consumers.delete(consumer)) return;
        await consumer.disconnect();
        this.releaseOwners.delete(releaseAll);
        await releaseAll();
      },
    };
  }

  async replay(topics: readonly (string | RegExp)[], handler: RecordHandler, from?: ReadonlyMap<string, string>): Promise<void> {
    // Just after topics are created or leaders move, offsets requests can meet a broker that
    // is not the leader yet: retry a while, as a client's own requests would.
    const ranges = await retrying(async () => {
      const admin = this.client.admin();
      await admin.connect();
      try {
        const names = (await admin.listTopics()).filter((t) => topics.some((p) => (typeof p === 'string' ? p === t : p.test(t))));
        // Read up to the end offsets seen now: later records reach the service through its groups.
        const ranges: PartitionRange[] = [];
        for (const topic of names) {
          for (const p of await admin.fetchTopicOffsets(topic)) {
            const start = from?.get(`${topic}:${p.partition}`);
            ranges.push({ topic, partition: p.partition, from: start !== undefined && BigInt(start) > BigInt(p.low) ? start : p.low, to: p.high });
          }
        }
        return ranges;
      } finally {
        await admin.disconnect();
      }
    });
    await this.client.read(ranges, async (payload) => handler(await incoming(payload, this.options.codec)));
  }

  async close(): Promise<void> {
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.all(consumers.map((c) => c.disconnect()));
    const releases = [...this.releaseOwners];
    this.releaseOwners.clear();
    await Promise.all(releases.map((r) => r()));
    if (this.producer) {
      const producer = await this.producer.catch(() => null);
      this.producer = null;
      await producer?.disconnect();
    }
  }
}
