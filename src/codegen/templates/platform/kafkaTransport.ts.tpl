// The transport for a real cluster, on the client library of kafkaLibrary.ts: one idempotent
// producer (acks=all, so a retried send is never duplicated or reordered) and one consumer per
// subscription, named by the topology's consumer group ids. With a schema codec (a schema
// registry configured), events are written in the registry's wire format and read back as JSON.
import type { WireRecord } from '../runtime/wire.js';
import type { ClientConsumer, ClientEachMessage, ClientHeaders, ClientProducer, KafkaClient } from './kafkaClient.js';
import { createKafkaClient } from './kafkaLibrary.js';
import type { SchemaCodec } from './schemaCodec.js';
import type { IncomingRecord, RecordHandler, SubscribeOptions, Subscription, Transport } from './transport.js';

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
    const codec = this.options.codec;
    const encoded = await Promise.all(records.map((r) => (codec ? codec.encode(topic, r) : { value: r.value, headers: { ...r.headers } })));
    const producer = await this.connectedProducer();
    await producer.send(
      topic,
      records.map((r, i) => ({ key: r.key, ...encoded[i]!, ...(r.timestamp !== undefined ? { timestamp: r.timestamp } : {}) })),
    );
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

  async replay(topics: readonly (string | RegExp)[], handler: RecordHandler): Promise<void> {
    // Just after topics are created or leaders move, offsets requests can meet a broker that
    // is not the leader yet: retry a while, as a client's own requests would.
    const { names, ends } = await retrying(async () => {
      const admin = this.client.admin();
      await admin.connect();
      try {
        const names = (await admin.listTopics()).filter((t) => topics.some((p) => (typeof p === 'string' ? p === t : p.test(t))));
        // Read up to the end offsets seen now: later records reach the service through its groups.
        const ends = new Map<string, bigint>();
        for (const name of names) {
          for (const p of await admin.fetchTopicOffsets(name)) if (p.high !== p.low) ends.set(`${name}:${p.partition}`, BigInt(p.high));
        }
        return { names, ends };
      } finally {
        await admin.disconnect();
      }
    });
    if (ends.size === 0) return;
    // A group of its own that commits nothing: a one-off read from the beginning.
    const consumer = this.client.consumer({ groupId: `${this.options.clientId}.replay.${Date.now()}.${Math.random().toString(36).slice(2)}`, fromBeginning: true, autoCommit: false });
    await consumer.connect();
    try {
      await consumer.subscribe(names);
      await new Promise<void>((resolve, reject) => {
        consumer
          .run(1, async (payload) => {
            const key = `${payload.topic}:${payload.partition}`;
            const end = ends.get(key);
            const offset = BigInt(payload.message.offset);
            if (end === undefined || offset >= end) return;
            await handler(await incoming(payload, this.options.codec));
            if (offset + 1n >= end) ends.delete(key);
            if (ends.size === 0) resolve();
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
  }

  async close(): Promise<void> {
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.all(consumers.map((c) => c.disconnect()));
    if (this.producer) {
      const producer = await this.producer.catch(() => null);
      this.producer = null;
      await producer?.disconnect();
    }
  }
}
