// The transport for a real cluster, on the client library of kafkaLibrary.ts: one idempotent
// producer (acks=all, so a retried send is never duplicated or reordered) and one consumer per
// subscription, named by the topology's consumer group ids. Transactional subscriptions (the
// command handlers) write through one transactional producer per partition they own. With a
// schema codec (a schema registry configured), events are written in the registry's wire
// format and read back as JSON.
import type { WireRecord } from '../runtime/wire.js';
import { MemberNotInGroupError, TRANSACTION_TIMEOUT_MS } from './kafkaClient.js';
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
  /** The group no longer counts this instance as its member: only rejoining helps. */
  readonly memberNotInGroup: boolean;
  constructor(topic: string, partition: number, reason: unknown) {
    super(`the transaction for ${topic} partition ${partition} did not commit (${reason instanceof Error ? reason.message : String(reason)}); its record is handled again`);
    this.name = 'TransactionNotCommittedError';
    this.memberNotInGroup = reason instanceof MemberNotInGroupError;
  }
}

const HEARTBEAT_EVERY_MS = 1_000;

/**
 * One record's handling as the group sees it: `error` is a failed heartbeat (kafkajs: the group
 * is rebalancing), and `stop` is aborted when this member should give the partition back (that
 * heartbeat, or the client saying the partition is revoked). Waits that are not the handling
 * itself (taking the partition over, a pause before trying again) end then: a member held up
 * in them cannot rejoin, and the whole group waits for it.
 */
interface Handling {
  error?: unknown;
  readonly stop: AbortController;
}

/**
 * Waits for `work`, heartbeating meanwhile so that the group keeps this member. The work is
 * always awaited, never left running behind the client's back (a record handled twice at once
 * by one instance). A heartbeat that fails (the group is rebalancing) stops the beating, is kept
 * in `handling.error` and aborts `handling.stop`: the caller then gives the record back instead
 * of trying again.
 */
async function whileHeartbeating<T>(payload: ClientEachMessage, handling: Handling, work: Promise<T>): Promise<T> {
  let done = false;
  let wake = () => {};
  void (async () => {
    while (!done && handling.error === undefined) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, HEARTBEAT_EVERY_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (done) return;
      await payload.heartbeat().catch((err: unknown) => {
        handling.error = err;
        handling.stop.abort(err);
      });
    }
  })();
  try {
    return await work;
  } finally {
    done = true;
    wake();
  }
}

/** Settles like `work`, or rejects when `signal` aborts first (the work goes on, unawaited). */
function unlessStopped<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort = () => {};
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, stopped]).finally(() => signal.removeEventListener('abort', onAbort));
}

/**
 * A record whose transaction did not commit is tried again in place (after a pause, with a new
 * producer that fences the old one and a catch-up), for as long as this member keeps its
 * partition, up to this long; only then does the error reach the client. Thrown at once, the
 * error would make kafkajs re-fetch and, after a few failures, restart the consumer: it leaves
 * its group and rejoins, every member's partitions move, and each takeover fences and aborts
 * the transactions of the partitions it takes, so a cluster that refuses transactions for a
 * few seconds (a broker restarting) set off a chain of rebalances that could outlast it.
 * At that time a wait under way (a takeover, a pause) ends too; only a commit under way is
 * awaited (at most COMMIT_TIMEOUT_MS more). So a record is held at most 90 s: Confluent's
 * client fetches only between records, and a consumer that has not fetched for its
 * max.poll.interval.ms (120 s here, kafkaLibrary.ts) leaves its group, and with every record it
 * holds stuck in retries, gets no chance to rejoin.
 */
const TRANSACTION_RETRY_FOR_MS = 60_000;
const TRANSACTION_BACKOFF_MS = [100, 250, 500, 1_000, 2_000];
/** A takeover whose catch-up with the event topic has not ended by then fails, and is tried again. */
const TAKEOVER_TIMEOUT_MS = 60_000;

/** Twice the transaction timeout (kafkaClient.ts): by then the cluster has aborted the transaction. */
const COMMIT_TIMEOUT_MS = 2 * TRANSACTION_TIMEOUT_MS;
/** How often a step of a record's handling that is still under way says so. */
const SLOW_STEP_EVERY_MS = 15_000;

/** Settles like `work`; meanwhile says every SLOW_STEP_EVERY_MS that it is still under way. */
async function watched<T>(work: Promise<T>, what: string): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => console.warn(`${what}: still under way after ${Math.round((Date.now() - started) / 1000)} s`), SLOW_STEP_EVERY_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** Settles like `work`, or rejects once `ms` have passed (the work goes on, unawaited). */
function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error(`${what} took longer than ${ms} ms`)), ms);
  return unlessStopped(work, timeout.signal).finally(() => clearTimeout(timer));
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
    // The handlings under way per partition, told when it is taken from this member.
    const handlings = new Map<string, Set<Handling>>();
    const stopHandlings = (key: string, reason: string) => {
      for (const handling of handlings.get(key) ?? []) handling.stop.abort(new Error(reason));
    };
    // Partitions are taken over as soon as they are assigned, not at their first record: a
    // previous owner's unfinished transaction holds back every read_committed reader of the
    // partitions it wrote to (catch-ups included) until it is fenced. A partition given away
    // loses its producer: if it comes back, its next owner is a new producer that fences
    // whoever had it meanwhile and catches up with what they wrote.
    const onAssigned = (partitions: readonly { topic: string; partition: number }[]) => {
      assigned.clear();
      for (const { topic, partition } of partitions) assigned.add(`${topic}:${partition}`);
      for (const key of [...owners.keys()]) if (!assigned.has(key)) void release(key);
      for (const key of handlings.keys()) if (!assigned.has(key)) stopHandlings(key, `${key} is no longer assigned to this member`);
      for (const { topic, partition } of partitions) void ownerOf(topic, partition).catch(() => undefined);
    };
    // Confluent's client tells this while a record may still be handled (kafkajs does not: its
    // members learn of a rebalance from a failed heartbeat). The group's rebalance waits for
    // every handling to end, so one waiting to take the partition over, or pausing before
    // another attempt, stops now: it would hold up the group for up to a minute.
    const onRevoked = (partitions: readonly { topic: string; partition: number }[]) => {
      for (const { topic, partition } of partitions) {
        const key = `${topic}:${partition}`;
        assigned.delete(key);
        stopHandlings(key, `${topic} partition ${partition} was revoked from this member`);
      }
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
    const handleOnce = async (record: IncomingRecord, stop: AbortSignal): Promise<void> => {
      const key = `${record.topic}:${record.partition}`;
      const at = `${options.groupId}: ${record.topic} partition ${record.partition} offset ${record.offset}`;
      const owner = ownerOf(record.topic, record.partition);
      // Taking the partition over goes on if the partition is taken away meanwhile (it may come
      // back in the same rebalance), but this record no longer waits for it.
      const producer = await watched(unlessStopped(owner, stop), `${at}: taking the partition over`).catch((err: unknown) => {
        throw new TransactionNotCommittedError(record.topic, record.partition, err);
      });
      const transaction = new Transaction();
      await watched(handler(record, transaction), `${at}: handling`);
      try {
        const sends = await Promise.all(transaction.sends.map(async ({ topic, records }) => ({ topic, messages: await outgoing(topic, records, this.options.codec) })));
        // Bounded: a commit still unanswered after the cluster has aborted the transaction for
        // its timeout will not succeed; the next producer fences this one.
        await watched(
          within(producer.commit(sends, { consumer, groupId: options.groupId, topic: record.topic, partition: record.partition, offset: record.offset }), COMMIT_TIMEOUT_MS, 'the commit'),
          `${at}: committing`,
        );
      } catch (err) {
        // Fenced (another instance owns the partition now), refused, or the outcome is unknown:
        // the next producer for this partition fences this one and settles its last
        // transaction, and the record is handled again after catching up (a command whose
        // events did commit is then recognised by its id). The old producer disconnects in the
        // background: with a commit still under way that can take a while.
        if (owners.get(key) === owner) void release(key);
        throw new TransactionNotCommittedError(record.topic, record.partition, err);
      }
      await watched(transaction.committed(), `${at}: after the commit`);
    };
    this.releaseOwners.add(releaseAll);
    await consumer.connect();
    this.consumers.add(consumer);
    await consumer.subscribe(options.topics);
    await consumer.run(options.partitionsConcurrently ?? 1, async (payload) => {
      const key = `${payload.topic}:${payload.partition}`;
      // Registered before anything is awaited, so that a revocation from now on reaches it.
      const handling: Handling = { stop: new AbortController() };
      const under = handlings.get(key) ?? new Set<Handling>();
      handlings.set(key, under.add(handling));
      // Taking a partition over (fencing, catching up) and committing can outlast the session
      // timeout; after TRANSACTION_RETRY_FOR_MS the record stops trying and goes back.
      const giveUp = setTimeout(() => handling.stop.abort(new Error(`tried for ${TRANSACTION_RETRY_FOR_MS / 1000} s`)), TRANSACTION_RETRY_FOR_MS);
      try {
        const record = await incoming(payload, this.options.codec);
        for (let attempt = 0; ; attempt++) {
          try {
            await whileHeartbeating(payload, handling, handleOnce(record, handling.stop.signal));
            return;
          } catch (err) {
            // The group is rebalancing: give the record back to the client, which rejoins.
            if (handling.error !== undefined) throw handling.error;
            if (!(err instanceof TransactionNotCommittedError) || err.memberNotInGroup || !assigned.has(key) || handling.stop.signal.aborted) throw err;
            const pause = TRANSACTION_BACKOFF_MS[Math.min(attempt, TRANSACTION_BACKOFF_MS.length - 1)]!;
            console.warn(`${options.groupId}: ${err.message} in ${pause} ms`);
            await whileHeartbeating(payload, handling, unlessStopped(new Promise((r) => setTimeout(r, pause)), handling.stop.signal)).catch(() => undefined);
            if (handling.error !== undefined) throw handling.error;
            if (handling.stop.signal.aborted) throw err;
          }
        }
      } finally {
        clearTimeout(giveUp);
        under.delete(handling);
        if (under.size === 0 && handlings.get(key) === under) handlings.delete(key);
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
