// Runs one seeded schedule against a simulated cluster with a retrying producer (one batch in
// flight per partition, retries keep the records' ids) and a consumer group, then heals
// everything, lets the cluster settle, reads every partition back and checks the history:
// acknowledged records lost, records present twice, acknowledged records out of send order.
import { RETRY_BACKOFF_MS } from '../../client/retry';
import type { ClusterSimOptions } from '../../replication/clusterConfig';
import type { Acks } from '../../replication/producePath';
import { createCluster } from '../../cluster/createCluster';
import { checkHistory } from './checkHistory';
import { generateSchedule, type ScheduleOptions } from './schedule';

export interface JepsenConfig {
  name: string;
  acks: Acks;
  minInsyncReplicas: number;
  replicationFactor: number;
  uncleanLeaderElection: boolean;
  /** enable.idempotence: retries carry the batch's sequence numbers and are never written twice. */
  idempotent: boolean;
  /** max.in.flight.requests.per.connection (per partition here); 1 by default. */
  maxInFlight?: number;
  cluster?: ClusterSimOptions;
}

export interface JepsenReport {
  seed: number;
  config: string;
  sent: number;
  acknowledged: number;
  /** Acknowledged records missing from the final log (read back). */
  lost: number;
  /** The cluster's own live counter of lost acknowledged records. */
  lostReported: number;
  /** Records present more than once in the final log (producer retries). */
  duplicatedInLog: number;
  /** Records the consumer group received more than once (counted here from every delivery). */
  duplicatedDelivered: number;
  /** The cluster's own "Duplicates delivered" counter. */
  duplicatedReported: number;
  /** Acknowledged records of one partition read back out of the order they were sent in. */
  reordered: number;
  /** Records in the final log the group never received after draining. */
  undelivered: number;
  firstLost: { partition: number; id: number } | null;
}

export const SAFE: JepsenConfig = { name: 'acks=all, min.insync.replicas=2, RF 3, unclean off, idempotent', acks: -1, minInsyncReplicas: 2, replicationFactor: 3, uncleanLeaderElection: false, idempotent: true };
export const SAFE_NOT_IDEMPOTENT: JepsenConfig = { ...SAFE, name: 'acks=all, min.insync.replicas=2, RF 3, unclean off, not idempotent', idempotent: false };
/** Kafka's classic caveat: without idempotence, several batches in flight and retries can reorder a partition. */
export const REORDERING: JepsenConfig = { ...SAFE, name: 'acks=all, not idempotent, 5 batches in flight', idempotent: false, maxInFlight: 5 };
export const ACKS_ONE: JepsenConfig = { name: 'acks=1, RF 3', acks: 1, minInsyncReplicas: 1, replicationFactor: 3, uncleanLeaderElection: false, idempotent: false };

const TOPIC = 'events';

export async function runJepsen(seed: number, config: JepsenConfig, shape: Partial<ScheduleOptions> = {}): Promise<JepsenReport> {
  const opts: ScheduleOptions = { seed, brokers: 3, partitions: 3, steps: 300, faultRate: 0.12, ...shape };
  const c = await createCluster({
    brokers: opts.brokers,
    clock: 'virtual',
    seed,
    cleanerIntervalMs: 0,
    virtualStallMs: 0,
    replication: { replicaLagTimeMaxMs: 1_500, brokerSessionTimeoutMs: 1_000, requestTimeoutMs: 2_000, autoLeaderRebalance: false, ...config.cluster },
    groups: { initialRebalanceDelayMs: 50 },
  });
  const sim = c.replication;
  await c.engine.createTopic(
    TOPIC,
    opts.partitions,
    [
      { name: 'min.insync.replicas', value: String(config.minInsyncReplicas) },
      { name: 'unclean.leader.election.enable', value: String(config.uncleanLeaderElection) },
    ],
    config.replicationFactor,
  );

  // Producer: per partition a queue of records not yet sent, up to maxInFlight batches of at
  // most 10 in flight. A batch is fixed once sent: a retry resends exactly the same records (as
  // a Kafka producer retries its ProducerBatch), so an idempotent leader can recognise it.
  let nextId = 1_000_000_000;
  const maxInFlight = config.maxInFlight ?? 1;
  const unsent = Array.from({ length: opts.partitions }, () => [] as number[]);
  /** Sequence number of each record id (ids are queued in sequence order per partition). */
  const seqOf = new Map<number, number>();
  const nextSeq = Array.from({ length: opts.partitions }, () => 0);
  const inFlight = Array.from({ length: opts.partitions }, () => 0);
  const sendOrder = Array.from({ length: opts.partitions }, () => [] as number[]);
  const acked = new Set<number>();
  let sent = 0;
  const attempt = (p: number, ids: number[]) => {
    const producer = config.idempotent ? { producer: { id: 1, firstSequence: seqOf.get(ids[0]!)! } } : {};
    sim.produceWith({ topic: TOPIC, partition: p, acks: config.acks, records: ids.map((id) => ({ value: id })), ...producer }, (err) => {
      if (err && !(err as { retriable?: boolean }).retriable) throw err;
      if (err) return void sim.clock.setTimeout(() => attempt(p, ids), RETRY_BACKOFF_MS);
      for (const id of ids) acked.add(id);
      inFlight[p]!--;
      pump(p);
    });
  };
  const pump = (p: number) => {
    while (inFlight[p]! < maxInFlight && unsent[p]!.length > 0) {
      const ids = unsent[p]!.splice(0, 10);
      sendOrder[p]!.push(...ids);
      inFlight[p]!++;
      attempt(p, ids);
    }
  };

  // Consumers: a group that loses members and gains new ones.
  /** Deliveries per record: partition and the record's identity in the log (leader epoch and offset). */
  const delivered = new Map<string, number>();
  c.groups.onDeliver((_g, _t, p, _o, id) => {
    const k = `${p}/${id}`;
    delivered.set(k, (delivered.get(k) ?? 0) + 1);
  });
  const consumerOpts = { groupId: 'checker', topics: [TOPIC], autoOffsetReset: 'earliest' as const, sessionTimeoutMs: 3_000, heartbeatIntervalMs: 500, autoCommitIntervalMs: 300 };
  const consumers = [c.groups.addMember(consumerOpts), c.groups.addMember(consumerOpts)];
  const rng = sim.core.rng.fork(`consumers-${seed}`);

  for (const op of generateSchedule(opts)) {
    sim.advance(Math.max(0, op.at - sim.now()));
    switch (op.op) {
      case 'produce':
        for (let i = 0; i < op.count; i++) {
          seqOf.set(nextId, nextSeq[op.partition]!++);
          unsent[op.partition]!.push(nextId++);
        }
        sent += op.count;
        pump(op.partition);
        break;
      case 'crash': sim.crashBroker(op.broker); break;
      case 'stop': sim.stopBroker(op.broker); break;
      case 'start': sim.startBroker(op.broker); break;
      case 'isolate': sim.isolateBroker(op.broker); break;
      case 'heal': sim.heal(); break;
      case 'slow': sim.slowBroker(op.broker, op.ms); break;
      case 'crash-consumer':
        if (consumers.length > 1) c.groups.crashMember(consumers.splice(rng.int(consumers.length), 1)[0]!);
        break;
      case 'add-consumer':
        consumers.push(c.groups.addMember(consumerOpts));
        break;
    }
  }
  // Recovery: everything back, slow followers fixed, then long enough to finish every retry.
  sim.heal();
  for (const id of sim.core.brokerIds()) {
    sim.slowBroker(id, 0);
    sim.startBroker(id);
  }
  for (let i = 0; i < 200 && unsent.some((q, p) => q.length > 0 || inFlight[p]! > 0); i++) sim.advance(500);
  sim.advance(10_000);

  // Records carry the producer's ids in their values; the group reports deliveries by the
  // record's identity in the log (leader epoch and offset), which the read-back translates.
  const readBack = sendOrder.map((_, p) => sim.readCommitted(TOPIC, p));
  const idOf = new Map<string, number>(readBack.flatMap((records, p) => records.map((r) => [`${p}/${r.id}`, Number(r.value)] as const)));
  const deliveredIds = new Set([...delivered.keys()].map((k) => idOf.get(k) ?? -1));
  const check = checkHistory(
    sendOrder.map((order, p) => ({ ackedInSendOrder: order.filter((id) => acked.has(id)), readBack: readBack[p]!.map((r) => Number(r.value)) })),
    deliveredIds,
  );
  const counters = sim.snapshot().counters;
  const report: JepsenReport = { seed, config: config.name, sent, ...check, lostReported: counters.lost, duplicatedDelivered: 0, duplicatedReported: counters.duplicated };
  for (const n of delivered.values()) if (n > 1) report.duplicatedDelivered += n - 1;
  await c.close();
  return report;
}
