// The state of one partition across the cluster: the controller's record (replicas, leader,
// leader epoch, ISR), each replica's own log and its belief about who leads, and — on the
// leader — what it knows of each follower from its fetches (Kafka's Replica state), from which
// the ISR is kept and the high watermark advanced.
import type { PartitionLog } from '../log/partitionLog';
import type { TopicSettings } from './clusterConfig';
import type { Ledger } from './ledger';
import type { ProduceAnswer, ProduceSink } from './producePath';

/** Makes the log of one replica (memory, or the engine's storage); `settings` rolls its segments. */
export type ReplicaFactory = (topic: string, partition: number, broker: number, settings: () => { segmentBytes: number; segmentMs: number; segmentRecords: number }) => PartitionLog;

export interface ReplicaView {
  /** Who this broker believes leads, and in which epoch (stale while it is cut off). */
  leader: number | null;
  leaderEpoch: number;
  /** A follower that must reconcile its log with the leader before fetching. */
  needsTruncation: boolean;
}

export interface FollowerProgress {
  /** The follower's log end offset as of its last fetch (-1 before any). */
  leo: number;
  lastFetchAt: number;
  lastFetchLeaderLeo: number;
  lastCaughtUpAt: number;
}

export interface PendingAck {
  /** A retried batch the log already held: its first attempt was counted as written and not acknowledged. */
  duplicate?: boolean;
  readonly requiredOffset: number;
  readonly baseOffset: number;
  readonly leaderEpoch: number;
  readonly leader: number;
  /** Emptied once answered. */
  ids: readonly number[];
  readonly deadline: number;
  done: boolean;
  /** Who gets the answer; a no-op once answered (settleAck), so nothing keeps the caller's objects. */
  reply: ProduceSink;
  /** The answer on success (null once answered). */
  answer: ProduceAnswer | null;
  /** Where a request that ends without an acknowledgement counts its written records (not for a duplicate: counted already). */
  unacknowledgedIn: Ledger | null;
}

export class PartitionState {
  leader: number | null = null;
  leaderEpoch = -1;
  isr: number[];
  readonly logs = new Map<number, PartitionLog>();
  /** Each replica's high-watermark checkpoint file (replica.high.watermark.checkpoint.interval.ms): what a restart reloads. */
  readonly hwCheckpoints = new Map<number, number>();
  /** Records per segment under the record budget (Infinity: no budget). */
  segmentRecords = Infinity;
  /**
   * Each replica's log and view, and the leader's record of each follower, by broker id
   * (1 to 9): arrays, since a follower's fetch of every partition it follows looks them up.
   */
  private readonly logAt: PartitionLog[] = [];
  private readonly viewAt: ReplicaView[] = [];
  /** Follower progress as the current leader tracks it (undefined for the leader and non-replicas). */
  followers: (FollowerProgress | undefined)[] = [];
  pendingAcks: PendingAck[] = [];
  /** The one timer for the earliest request.timeout.ms deadline among pendingAcks (armed while any wait). */
  timeoutAt: number | null = null;
  /**
   * Followers whose parked fetch for this partition is already being answered, one bit per
   * broker id (1 to 9): set and cleared on every append, where a set's churn allocated.
   */
  wokenFollowers = 0;
  /**
   * Followers whose last fetch of this partition had nothing to do (fetcher.ts idleFetch), one
   * bit per broker id, while nothing it looked at has changed: any change to a replica's log
   * (PartitionLog.onChange) or to the partition's leadership, ISR or views, or to a broker,
   * clears them (forgetIdleFetches). The periodic fetch only stamps these as caught up.
   */
  idleFollowers = 0;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly replicas: readonly number[],
    public settings: TopicSettings,
    makeLog: ReplicaFactory,
  ) {
    this.isr = [...replicas];
    const changed = (): void => {
      this.idleFollowers = 0;
    };
    const segments = () => ({ segmentBytes: this.settings.segmentBytes, segmentMs: this.settings.segmentMs, segmentRecords: this.segmentRecords });
    for (const b of replicas) {
      const log = makeLog(topic, partition, b, segments);
      log.autoHighWatermark = false;
      log.onChange = changed;
      this.logs.set(b, log);
      this.logAt[b] = log;
      this.hwCheckpoints.set(b, log.highWatermark);
      this.viewAt[b] = { leader: null, leaderEpoch: -1, needsTruncation: false };
    }
  }

  get preferredLeader(): number {
    return this.replicas[0]!;
  }

  log(broker: number): PartitionLog {
    return this.logAt[broker]!;
  }

  view(broker: number): ReplicaView {
    return this.viewAt[broker]!;
  }

  /** The leader's high watermark: the smallest log end offset over the ISR, never moving back. */
  recomputeHighWatermark(leader: number): boolean {
    const log = this.log(leader);
    let min = log.logEndOffset;
    for (const b of this.isr) {
      if (b === leader) continue;
      const f = this.followers[b];
      const leo = f ? f.leo : -1;
      if (leo < min) min = leo;
    }
    if (min > log.highWatermark) {
      log.setHighWatermark(min);
      return true;
    }
    return false;
  }

  /** Writes the replica's high-watermark checkpoint now. */
  checkpointHighWatermark(broker: number): void {
    this.hwCheckpoints.set(broker, this.log(broker).highWatermark);
  }

  /** A restart reloads the high watermark from its checkpoint. */
  reloadHighWatermark(broker: number): void {
    const log = this.log(broker);
    log.setHighWatermark(Math.min(this.hwCheckpoints.get(broker) ?? 0, log.logEndOffset));
  }

  /** A power loss: the replica keeps what was flushed; the high watermark comes back from its checkpoint. Returns the records lost. */
  loseUnflushed(broker: number): number {
    const log = this.log(broker);
    const before = log.logEndOffset;
    log.truncate(log.flushedOffset);
    this.reloadHighWatermark(broker);
    return before - log.logEndOffset;
  }
}
