// The transport for a real cluster, through kafkajs: one idempotent producer (acks=all, so a
// retried send is never duplicated or reordered) and one consumer per subscription, named by
// the topology's consumer group ids.
import { Kafka, logLevel } from 'kafkajs';
import type { Consumer, IHeaders, KafkaConfig, Producer } from 'kafkajs';
import type { WireRecord } from '../runtime/wire.js';
import type { IncomingRecord, RecordHandler, SubscribeOptions, Subscription, Transport } from './transport.js';

export interface KafkaTransportOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly config?: Omit<KafkaConfig, 'clientId' | 'brokers'>;
}

function headerText(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}

export class KafkaTransport implements Transport {
  private readonly kafka: Kafka;
  private readonly consumers: Consumer[] = [];
  private producer: Producer | null = null;

  constructor(private readonly options: KafkaTransportOptions) {
    this.kafka = new Kafka({ logLevel: logLevel.WARN, ...options.config, clientId: options.clientId, brokers: [...options.brokers] });
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  async send(topic: string, records: readonly WireRecord[]): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.send({
      topic,
      acks: -1,
      messages: records.map((r) => ({
        key: r.key,
        value: r.value,
        headers: { ...r.headers },
        ...(r.timestamp !== undefined ? { timestamp: r.timestamp } : {}),
      })),
    });
  }

  async subscribe(options: SubscribeOptions, handler: RecordHandler): Promise<Subscription> {
    const consumer = this.kafka.consumer({ groupId: options.groupId });
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      partitionsConsumedConcurrently: options.partitionsConcurrently ?? 1,
      eachMessage: async ({ topic, partition, message }) => {
        const record: IncomingRecord = {
          topic,
          partition,
          offset: message.offset,
          key: message.key ? message.key.toString() : null,
          value: message.value ? message.value.toString() : '',
          headers: headerText(message.headers),
          timestamp: message.timestamp,
        };
        await handler(record);
      },
    });
    this.consumers.push(consumer);
    return { stop: () => consumer.disconnect() };
  }

  async replay(topics: readonly (string | RegExp)[], handler: RecordHandler): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    const all = await admin.listTopics();
    const names = all.filter((t) => topics.some((p) => (typeof p === 'string' ? p === t : p.test(t))));
    // Read up to the end offsets seen now: later records reach the service through its groups.
    const ends = new Map<string, string>();
    for (const name of names) {
      for (const p of await admin.fetchTopicOffsets(name)) if (p.high !== p.low) ends.set(`${name}:${p.partition}`, p.high);
    }
    await admin.disconnect();
    if (ends.size === 0) return;
    const consumer = this.kafka.consumer({ groupId: `${this.options.clientId}.replay.${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topics: names, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            const end = ends.get(`${topic}:${partition}`);
            if (end === undefined || BigInt(message.offset) >= BigInt(end)) return;
            await handler({
              topic,
              partition,
              offset: message.offset,
              key: message.key ? message.key.toString() : null,
              value: message.value ? message.value.toString() : '',
              headers: headerText(message.headers),
              timestamp: message.timestamp,
            });
            if (BigInt(message.offset) + 1n >= BigInt(end)) ends.delete(`${topic}:${partition}`);
            if (ends.size === 0) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect()));
    if (this.producer) await this.producer.disconnect();
  }
}
