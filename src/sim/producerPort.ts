// How handlers and actors write to the simulated cluster: the record key picks the partition
// as Kafka's Java client does (murmur2), records without a key go round robin, and every send
// uses the run's acks. Sends the leader refused are retried as the Java producer does
// (the engine's retry policy, src/engine/client/retry.ts); what still fails is counted (the UI shows it).
import type { Topology } from '../topology';
import { runtime } from '../topology';
import { defaultPartition, sendRetrying, type ClusterSim } from './engineApi';
import type { FlowCounters } from './flowCounters';
import type { ProducerAcks } from './options';

export class ProducerPort {
  private readonly partitions = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private roundRobin = 0;

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

  send(topic: string, record: runtime.WireRecord, timestamp: number): void {
    const n = this.partitionCount(topic);
    const partition = record.key === null ? this.roundRobin++ % n : defaultPartition(record.key, n);
    const records = [{ key: record.key, value: record.value, headers: { ...record.headers }, timestamp }];
    sendRetrying(
      this.sim.clock,
      (answer) => {
        const p = this.sim.core.partition(topic, partition);
        const leader = p?.leader ?? null;
        const before = leader === null ? -1 : p!.log(leader).logEndOffset;
        this.sim.produceWith({ topic, partition, acks: this.acks(), records }, (err) => answer(err));
        if (leader !== null && p!.log(leader).logEndOffset > before) this.flow.wrote(topic);
      },
      (err) => {
        if (err) this.flow.sendErrors++;
      },
      { retried: () => this.flow.sendRetries++ },
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
