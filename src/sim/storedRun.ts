// A board's run as stored between page loads: what the logs do not hold, written as one
// checkpoint (the logs themselves are the cluster's durable replicas). Versioned, and tied to
// the board's topology: a board whose topics changed since cannot continue the old run.
import type { Topology } from '../topology';
import type { LedgerCounters, StampedEvent } from './engineApi';
import type { SimOptions } from './options';
import type { RebalanceHistoryView } from './rebalanceHistory';
import type { RunRecording } from './runRecording';
import type { StoredInstances } from './serviceInstances';

// 2: event-store versions and snapshots live in the logs (the engine's event store), not here.
// 3: the run's recording (for exact replay), lag over the whole run and the rebalance history.
export const STORED_RUN_VERSION = 3;
/** Versions a restore still reads (a version 2 run comes back without recording or histories). */
export const READABLE_RUN_VERSIONS: readonly number[] = [2, 3];

export interface StoredRunState {
  version: number;
  boardName: string;
  /** The topology's topics and groups, as topologySignature gives them. */
  signature: string;
  options: SimOptions;
  /** Virtual time of the checkpoint. */
  at: number;
  ledger: LedgerCounters;
  flow: Record<string, number | [string, number][]>;
  instances: StoredInstances;
  /** Per group and partition, how far it delivered (redeliveries after a restore count as duplicates). */
  deliveries: Record<string, Record<string, { upTo: number; maxId: number }>>;
  timeline: StampedEvent[];
  series: number[][];
  samples: number;
  nextSampleAt: number;
  nextRefreshAt: number;
  /** Since version 3. The run's board, starting options and user actions: replayable exactly. */
  recording?: RunRecording;
  /** Since version 3. Lag and health per group over the whole run (RunHistory's columns and bucket width). */
  lagHistory?: { columns: number[][]; bucketMs: number };
  /** Since version 3. Who owned which partition when, and each rebalance. */
  rebalances?: RebalanceHistoryView;
}

/** What a stored run depends on: topic names, partitions and the consumer groups. */
export function topologySignature(t: Topology): string {
  const topics = t.topics.map((x) => `${x.name}/${x.partitions}${x.perInstance ? '*' : ''}`).sort();
  const groups = [...t.aggregates.map((a) => a.groupId), ...t.policies.map((p) => p.groupId), ...t.projectors.map((p) => p.groupId)].sort();
  return JSON.stringify({ topics, groups });
}
