// How handlers and actors write to the cluster: through the engine's kafkajs-shaped producer,
// as the exported services do. The record key picks the partition as Kafka's Java client does
// (murmur2), records without a key go round robin, and every send uses the run's acks. The
// producer is not idempotent (Kafka's default before 3.0): a request retried after its answer
// was lost may be written twice, and the run counts what consumers see twice.
// Like a Kafka producer's record accumulator, sends to one partition go in one batch (one
// produce request) that lingers LINGER_MS, the default of Kafka 4's Java producer (KIP-1030)
// and of librdkafka, which the exported services run on. When the first batch's linger is up,
// every partition's batch goes, as the Java sender drains every partition of a broker once one
// batch on it is ready (here: of every broker, a simplification).
// Refused batches are retried by the engine's one retry policy until delivery.timeout.ms; what
// still fails is counted per record (the UI shows it).
import type { Topology } from '../topology';
import { runtime } from '../topology';
import { defaultPartition, type Cluster, type Message, type Producer } from './engineApi';
import type { FlowCounters } from './flowCounters';
import type { ProducerAcks } from './options';

/** linger.ms: how long a batch waits for more records before it is sent. */
export const LINGER_MS = 5;

interface Pending {
  topic: string;
  partition: number;
  messages: Message[];
}

export class ProducerPort {
  private readonly partitions = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private roundRobin = 0;
  /** Per topic, each partition's batch of this instant (no key string built per record). */
  private readonly pending = new Map<string, (Pending | undefined)[]>();
  /** The batches of this instant in the order they were started (the order they are sent in). */
  private readonly batches: Pending[] = [];
  private scheduled = false;
  private client: Producer | null = null;

  constructor(
    private readonly cluster: Cluster,
    topology: Topology,
    private readonly acks: () => ProducerAcks,
    private readonly flow: FlowCounters,
  ) {
    for (const t of topology.topics) {
      this.partitions.set(t.name, t.partitions);
      this.names.set(t.id, t.name);
    }
  }

  topicName(topicId: string | null): string | null {
    return topicId === null ? null : (this.names.get(topicId) ?? null);
  }

  partitionCount(topic: string): number {
    return this.partitions.get(topic) ?? 1;
  }

  /** A record to write; an event's value is in its schema's wire format (bytes). */
  send(topic: string, record: { readonly key: string | null; readonly value: string | Uint8Array; readonly headers: Readonly<Record<string, string>> }, timestamp: number): void {
    const n = this.partitionCount(topic);
    const partition = record.key === null ? this.roundRobin++ % n : defaultPartition(record.key, n);
    let byPartition = this.pending.get(topic);
    if (!byPartition) this.pending.set(topic, (byPartition = []));
    let batch = byPartition[partition];
    if (!batch) this.batches.push((byPartition[partition] = batch = { topic, partition, messages: [] }));
    // The handlers' records are made for this send and not touched after: their headers go as
    // they are, and the timestamp as a number (kafkajs takes either), nothing copied per record.
    batch.messages.push({ key: record.key, value: record.value, headers: record.headers as Message['headers'], timestamp, partition });
    if (!this.scheduled) {
      this.scheduled = true;
      this.cluster.clock.setTimeout(() => this.flush(), LINGER_MS);
    }
  }

  /** The run's producer (not idempotent: see the header). */
  private producer(): Producer {
    let p = this.client;
    if (!p) {
      p = this.cluster.producer({ retries: Infinity, onRetry: (n) => (this.flow.sendRetries += n) });
      void p.connect();
      this.client = p;
    }
    return p;
  }

  /** Sends every partition's accumulated batch. */
  flush(): void {
    this.scheduled = false;
    const batches = this.batches.splice(0);
    this.pending.clear();
    const acks = this.acks();
    const producer = this.producer();
    for (const b of batches) this.sendBatch(producer, acks, b);
  }

  private sendBatch(producer: Producer, acks: ProducerAcks, { topic, messages }: Pending): void {
    const n = messages.length;
    producer.send({ topic, acks, messages }).then(
      () => this.flow.wrote(topic, n),
      () => (this.flow.sendErrors += n),
    );
  }

  sendCommand(topicId: string | null, command: runtime.CommandEnvelope, timestamp: number): boolean {
    const topic = this.topicName(topicId);
    if (topic === null) return false;
    this.send(topic, runtime.commandToRecord(command), timestamp);
    this.flow.commandsIssued++;
    return true;
  }
}
