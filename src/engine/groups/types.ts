// Settings of simulated consumers and groups, named after the Kafka consumer configs with the
// Java client's defaults (session.timeout.ms 45 s, heartbeat 3 s, max.poll.interval.ms 5 min,
// auto.commit.interval.ms 5 s, auto.offset.reset latest, max.poll.records 500) and the broker's
// group.initial.rebalance.delay.ms (3 s).
import type { AssignorName } from '../assignors';
import type { RecordHandler } from './groupsContext';

export type CommitMode = 'auto' | 'sync' | 'async' | 'manual';
export type OffsetReset = 'earliest' | 'latest' | 'none';

export interface MemberOptions {
  groupId: string;
  topics: string[];
  /** partition.assignment.strategy (the first one every member supports is used). */
  assignor?: AssignorName;
  groupInstanceId?: string;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  maxPollIntervalMs?: number;
  /** How often the application calls poll() when idle. */
  pollIntervalMs?: number;
  maxPollRecords?: number;
  /**
   * Simulated processing time per record handled within the poll loop (drives
   * max.poll.interval.ms); a record whose handling finishes later takes as long as that does.
   */
  processingMsPerRecord?: number;
  /** 'auto' = enable.auto.commit; 'sync' / 'async' commit after each processed batch; 'manual' only on request. */
  commitMode?: CommitMode;
  autoCommitIntervalMs?: number;
  autoOffsetReset?: OffsetReset;
  /** auto.offset.reset per topic (kafkajs's fromBeginning is per subscription); autoOffsetReset otherwise. */
  offsetResetFor?: (topic: string) => OffsetReset;
  /** This member's record handler (the kafkajs Consumer's eachMessage); the groups' listener otherwise. */
  onRecord?: RecordHandler;
  /** Each commit the coordinator accepted from this member (kafkajs's commit_offsets event). */
  onCommit?: (offsets: ReadonlyMap<string, number>) => void;
}

type OptionalMemberSettings = 'groupInstanceId' | 'offsetResetFor' | 'onRecord' | 'onCommit';
export type ResolvedMemberOptions = Required<Omit<MemberOptions, OptionalMemberSettings>> & Pick<MemberOptions, OptionalMemberSettings>;

export const MEMBER_DEFAULTS = {
  assignor: 'range' as AssignorName,
  sessionTimeoutMs: 45_000,
  heartbeatIntervalMs: 3_000,
  maxPollIntervalMs: 300_000,
  pollIntervalMs: 100,
  maxPollRecords: 500,
  processingMsPerRecord: 0,
  commitMode: 'auto' as CommitMode,
  autoCommitIntervalMs: 5_000,
  autoOffsetReset: 'latest' as OffsetReset,
};

export interface GroupsOptions {
  /** group.initial.rebalance.delay.ms: the first rebalance of an empty group waits this long for more members. */
  initialRebalanceDelayMs?: number;
  /** From the last JoinGroup to the members holding their SyncGroup answer (round trips and the leader's assignor). */
  joinSyncLatencyMs?: number;
  /** Delay before an async commit reaches the coordinator. */
  asyncCommitDelayMs?: number;
  /** Lag sampling period and how many samples each group keeps. */
  lagSampleIntervalMs?: number;
  lagSamplesKept?: number;
}

export const GROUPS_DEFAULTS: Required<GroupsOptions> = {
  initialRebalanceDelayMs: 3_000,
  joinSyncLatencyMs: 30,
  asyncCommitDelayMs: 5,
  lagSampleIntervalMs: 1_000,
  lagSamplesKept: 600,
};
