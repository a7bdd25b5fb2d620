// What the UI sees of a run, built in the worker and sent a few dozen times a second: the
// cluster (brokers, partitions, counters), groups with members and offsets, services and their
// instances, read-model rows, the timeline, flow rates and the experiment in progress. Plain
// data only (structured-clone friendly); series travel separately as typed arrays.
import type { BrokerSnapshot, PartitionSnapshot, StampedEvent } from './engineApi';
import type { SimState } from './lifecycle';
import type { RoleKind } from './groupRoles';
import type { LagHealthView } from './lagHealth/lagHealthTracker';
import type { RecoveredImpact, StickyImpact } from './businessImpact';

export interface SimCounters {
  produced: number;
  acknowledged: number;
  /** Written by a leader, but the send ended without an acknowledgement (acks=0, or an error after the write). */
  unacknowledged: number;
  consumed: number;
  lost: number;
  duplicated: number;
  commandsIssued: number;
  sendErrors: number;
  /** Sends tried again after the leader refused them (retry.backoff.ms). */
  sendRetries: number;
  handlerErrors: number;
  /** Commands the rules turned down (no outcome's guard admits them). */
  commandsRejected: number;
  conflicts: number;
  /** Old and new producers side by side: events the old producers wrote with an earlier schema version. */
  oldProducerEvents: number;
  /** Event records the old consumers (readers with the earlier version) read, and could not read. */
  oldConsumerReads: number;
  oldConsumerFailures: number;
}

export interface GroupView {
  groupId: string;
  serviceId: string;
  kind: RoleKind;
  label: string;
  topics: string[];
  state: string;
  generation: number;
  protocol: 'eager' | 'cooperative';
  assignor: string;
  members: { id: string; state: string; assignment: string[] }[];
  /** "topic-partition" → committed offset (next to read). */
  committed: Record<string, number>;
  /** "topic-partition" → lag (high watermark − committed) of every partition the group reads. */
  lag: Record<string, number>;
  totalLag: number;
  handled: number;
  rebalancing: boolean;
  lastRebalance: { reason: string; protocol: string; maxPauseMs: number; stallMs: number; finishedAt: number | null } | null;
  /** Lag health by Burrow's rules (null until the run's first sample). */
  health: LagHealthView | null;
}

export interface InstanceView {
  id: string;
  state: 'running' | 'crashed';
}

export interface ServiceView {
  id: string;
  name: string;
  label: string;
  instances: InstanceView[];
}

export interface ReadModelView {
  id: string;
  label: string;
  rowCount: number;
  columns: string[];
  /** Most recently updated first. */
  rows: { id: string; version: number; lastEvent: string; cells: string[] }[];
}

export interface ExperimentView {
  id: string;
  variant: string;
  title: string;
  explanation: string;
  watch: readonly string[];
  /** Steps applied so far (the one on screen is step − 1). */
  step: number;
  steps: string[];
  /** What to watch after each step. */
  hints: string[];
  /** Waiting for "Next step" rather than playing on. */
  stepping: boolean;
  done: boolean;
  expectedLost: number | 'some';
}

export interface FlowView {
  /** Records per simulated second written to each topic, over the last sample. */
  topicRates: Record<string, number>;
  /** Records per simulated second handled by each group. */
  groupRates: Record<string, number>;
}

/** A partition as the dock shows it: the engine's view plus the topic's min.insync.replicas. */
export interface PartitionView extends PartitionSnapshot {
  /** min.insync.replicas of the partition's topic (absent where the source does not say). */
  minInsync?: number;
}

/**
 * One command, event, policy or read-model sticky's live figures, for its badge on the board:
 * a running count (the UI turns counts into rates over simulated time) and its group's lag.
 */
export interface StickyLive {
  elementId: string;
  /** Commands handled, events written, or records handled by the policy's or projector's group. */
  count: number;
  /** Lag of the group that handles it (for an event: the most lagging group that reads it). */
  lag: number | null;
  /** Stalled or stale now because of a fault, and since when (businessImpact.ts). */
  impact?: StickyImpact | null;
  /** The last such episode, for a minute after it ended. */
  recovered?: RecoveredImpact | null;
}

export interface SimSnapshot {
  state: SimState;
  at: number;
  speed: number;
  seed: number;
  /** 'board' while the board runs; 'experiment' while a fault experiment is on screen. */
  source: 'board' | 'experiment';
  boardName: string;
  /** The run is stored in this browser (IndexedDB): a reload brings it back, paused. */
  stored?: boolean;
  /** Simulated time of the last checkpoint written: a reload brings the run back to this instant. */
  storedAt?: number | null;
  brokers: BrokerSnapshot[];
  partitions: PartitionView[];
  counters: SimCounters;
  groups: GroupView[];
  services: ServiceView[];
  readModels: ReadModelView[];
  timeline: StampedEvent[];
  flow: FlowView;
  outcomes: Record<string, number>;
  experiment: ExperimentView | null;
  /** Board runs only: the live figures of the board's stickies. */
  stickies?: StickyLive[];
  assignor: string;
  acks: number;
  commandsPerSecond: number;
  keys: string;
}

/** Series columns: time, then one "lag:<group>" per group, then throughput. */
export interface SimSeries {
  names: string[];
  columns: Float64Array[];
  /** The whole run at a coarser grain: time, then "lag:<group>" and "health:<group>" (0 OK, 1 WARN, 2 ERR) per group. */
  history?: { names: string[]; columns: Float64Array[] };
}
