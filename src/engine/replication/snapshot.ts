// The whole cluster in one compact, structured-clone-friendly object, cheap enough to build and
// send to the UI dozens of times a second: numbers and short arrays, no record data.
import type { ClusterCore } from './clusterCore';
import { countsAsApplication } from './ledger';

export interface BrokerSnapshot {
  id: number;
  status: 'running' | 'stopped' | 'crashed';
  isolated: boolean;
  fenced: boolean;
  slowMs: number;
  leaderOf: number;
}

export interface PartitionSnapshot {
  topic: string;
  partition: number;
  leader: number | null;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  logStart: number;
  highWatermark: number;
  logEnd: number;
  /** Log end offset of each replica, in `replicas` order. */
  replicaLogEnd: number[];
}

export interface CounterSnapshot {
  produced: number;
  acknowledged: number;
  /** Written, but their request ended without an acknowledgement (acks=0, or an error after the write). */
  unacknowledged: number;
  consumed: number;
  lost: number;
  duplicated: number;
}

export interface ReplicationSnapshot {
  at: number;
  brokers: BrokerSnapshot[];
  partitions: PartitionSnapshot[];
  counters: CounterSnapshot;
  lastEventSeq: number;
}

export function replicationSnapshot(core: ClusterCore): ReplicationSnapshot {
  const partitions: PartitionSnapshot[] = [];
  const leaderOf = new Map<number, number>();
  for (const p of core.allPartitions()) {
    const source = p.leader ?? p.isr[0] ?? p.preferredLeader;
    const log = p.log(source);
    // Internal topics (__consumer_offsets) are not listed nor counted in a broker's leaderships,
    // as Kafka UIs hide them by default: the snapshot is about the application's topics.
    if (!countsAsApplication(p.topic)) continue;
    if (p.leader !== null) leaderOf.set(p.leader, (leaderOf.get(p.leader) ?? 0) + 1);
    partitions.push({
      topic: p.topic,
      partition: p.partition,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      replicas: [...p.replicas],
      isr: [...p.isr],
      logStart: log.logStartOffset,
      highWatermark: log.highWatermark,
      logEnd: log.logEndOffset,
      replicaLogEnd: p.replicas.map((r) => p.log(r).logEndOffset),
    });
  }
  const l = core.ledger;
  return {
    at: core.clock.now(),
    brokers: core.brokerStates().map((b) => ({ id: b.id, status: b.status, isolated: b.isolated, fenced: b.fenced, slowMs: b.slowMs, leaderOf: leaderOf.get(b.id) ?? 0 })),
    partitions,
    counters: { produced: l.produced, acknowledged: l.acknowledged, unacknowledged: l.unacknowledged, consumed: l.consumed, lost: l.lostCount, duplicated: l.duplicateCount },
    lastEventSeq: core.feed.lastSeq(),
  };
}
