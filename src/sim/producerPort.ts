// How handlers and actors write to the cluster: the record key picks the partition as Kafka's
// Java client does (murmur2), records without a key go round robin, and every send uses the
// run's acks. Like a Kafka producer's record accumulator, sends to one partition at one instant
// go in one batch (one produce request), sent once the instant's work is done — linger.ms 0 with
// batching of what accumulated, as the Java producer's sender thread does. Batches the leader
// refused are retried as the Java producer does (the engine's retry policy); what still fails is
// counted per record (the UI shows it).
import type { Topology } from '../topology';
import { runtime } from '../topology';
import { defaultPartition, sendRetrying, type ClusterSim, type ProduceRecord } from './engineApi';
import type { FlowCounters } from './flowCounters';
import type { ProducerAcks } from './options';

interface Pending {
  topic: string;
  partition: number;
  records: ProduceRecord[];
}

export class ProducerPort {
  private readonly partitions = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private roundRobin = 0;
  private readonly pending = new Map<string, Pending>();
  private scheduled = false;

  constructor(
    private readonly sim: ClusterSim,
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
    const k = `${topic}\u0000${partition}`;
    let batch = this.pending.get(k);
    if (!batch) this.pending.set(k, (batch = { topic, partition, records: [] }));
    batch.records.push({ key: record.key, value: record.value, headers: { ...record.headers }, timestamp });
    if (!this.scheduled) {
      this.scheduled = true;
      // Due at this instant: runs after the work already queued for it, so the instant's sends batch up.
      this.sim.clock.setTimeout(() => this.flush(), 0);
    }
  }

  /** Sends every partition's accumulated batch. */
  flush(): void {
    this.scheduled = false;
    const batches = [...this.pending.values()];
    this.pending.clear();
    for (const b of batches) this.sendBatch(b);
  }

  private sendBatch({ topic, partition, records }: Pending): void {
    const n = records.length;
    sendRetrying(
      this.sim.clock,
      (answer) => {
        const p = this.sim.core.partition(topic, partition);
        const leader = p?.leader ?? null;
        const before = leader === null ? -1 : p!.log(leader).logEndOffset;
        this.sim.produceWith({ topic, partition, acks: this.acks(), records }, (err) => answer(err));
        if (leader !== null && p!.log(leader).logEndOffset > before) this.flow.wrote(topic, n);
      },
      (err) => {
        if (err) this.flow.sendErrors += n;
      },
      { retried: () => (this.flow.sendRetries += n) },
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
