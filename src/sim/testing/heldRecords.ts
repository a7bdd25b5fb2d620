// What a run's cluster holds in memory: records in every replica's log (and in the leaders'
// alone), the most one replica holds, and the loss ledger's acknowledged entries (the board's
// topics; internal topics are left out). Read by the
// record-budget tests and the Node benchmark.
import type { Simulation } from '../simulation';

export interface HeldRecords {
  /** Over every replica of every partition. */
  records: number;
  /** Over the partitions' leaders only. */
  leaders: number;
  mostPerReplica: number;
  ledger: number;
}

export function heldRecords(sim: Simulation): HeldRecords {
  const core = sim.clusterForTests!.replication.core;
  const held: HeldRecords = { records: 0, leaders: 0, mostPerReplica: 0, ledger: 0 };
  for (const p of core.allPartitions()) {
    // The budget covers the board's records; the cluster's own topics (__consumer_offsets) are
    // bounded by compaction instead.
    if (p.topic.startsWith('__')) continue;
    for (const r of p.replicas) {
      const n = p.log(r).logEndOffset - p.log(r).logStartOffset;
      held.records += n;
      held.mostPerReplica = Math.max(held.mostPerReplica, n);
      if (r === p.leader) held.leaders += n;
    }
    held.ledger += core.ledger.acknowledgedIn(p.topic, p.partition).ids.length;
  }
  return held;
}
