// What the group layer needs from its surroundings: the clock, the cluster's event feed and
// ledger, partition counts and offsets, and timers for member expiry. Keeps the coordinator and
// members testable and free of the façade.
import type { Clock } from '../../lib/clock';
import type { EventFeed } from '../replication/eventFeed';
import type { Ledger } from '../replication/ledger';
import type { ConsumerMember } from './consumerMember';
import type { GroupCoordinator } from './groupCoordinator';
import type { GROUPS_DEFAULTS } from './types';

/** A fetched record: `id` identifies it for duplicate counting; the rest is the cluster's own record shape. */
export interface FetchedRecord {
  readonly id: number;
  /** Its offset, when the log may have gaps (compaction); dense logs may leave it out. */
  readonly offset?: number;
}

/** A consumer fetch's answer; a cluster whose logs may be paged out answers later. */
export interface FetchResult {
  readonly records: readonly FetchedRecord[];
}

export interface GroupsContext {
  readonly clock: Clock;
  readonly feed: EventFeed;
  readonly ledger: Ledger;
  readonly options: typeof GROUPS_DEFAULTS;
  partitionCount(topic: string): number;
  offsets(topic: string, partition: number): { low: number; high: number } | null;
  fetch(topic: string, partition: number, offset: number, max: number): FetchResult | Promise<FetchResult>;
  scheduleExpiry(group: GroupCoordinator, member: ConsumerMember): void;
  /** Accepted commits, to be stored (in __consumer_offsets) where the cluster keeps them. */
  persistCommit?(groupId: string, offsets: ReadonlyMap<string, number>): void;
  /**
   * Every accepted OffsetCommit with all its offsets, moved or not (Kafka writes each one to
   * __consumer_offsets; lag monitors such as Burrow judge a group by them).
   */
  onCommitted?: CommitListener;
  /** The application's record handler (or a checker listening to every delivery). */
  onDeliver?: DeliveryListener;
  /** A member took (`owns`) or no longer holds a partition (its tpKey). */
  ownership?(member: ConsumerMember, k: string, owns: boolean): void;
}

/** An accepted commit: the group, the offsets committed (topic-partition key → next offset to read), and when. */
export type CommitListener = (groupId: string, offsets: ReadonlyMap<string, number>, at: number) => void;

/** What a member hands its application with each record. */
export interface DeliveryLease {
  readonly member: string;
  /**
   * False once the member crashed, or lost or gave up the partition: work queued for the record
   * must not run, since the partition's next owner starts again from the committed offset.
   */
  current(): boolean;
}

/**
 * Handles one delivered record. A promise means the handling finishes later: the member commits
 * only offsets whose records were handled (at-least-once, as the Java poll loop and kafkajs's
 * eachMessage give), and keeps at most max.poll.records records in handling.
 */
export type DeliveryListener = (group: string, topic: string, partition: number, offset: number, id: number, lease: DeliveryLease, record: FetchedRecord) => PromiseLike<unknown> | void;

/** A member's own handler (kafkajs eachMessage behind it); takes precedence over the groups' listener. */
export type RecordHandler = (topic: string, partition: number, offset: number, record: FetchedRecord, lease: DeliveryLease) => PromiseLike<unknown> | void;
