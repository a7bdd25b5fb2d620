// The multi-broker cluster: brokers 1..N, a controller, topics whose partitions are replicated
// across brokers — every replica a PartitionLog (memory, or the engine's storage), followers
// sharing the leader's batch bytes — and the periodic work each broker does (follower fetches,
// ISR expiry, flushes, high-watermark checkpoints, retention), all on the injected clock so a
// run is a pure function of the seed and the schedule of calls. Faults live in faults.ts,
// produce in producePath.ts; this file owns the state and the timers.
import type { Clock } from '../../lib/clock';
import { createRng, type Rng } from '../../lib/rng';
import type { BrokerState } from './brokerState';
import { reachable } from './brokerState';
import type { ClusterSimConfig, ClusterSimOptions, TopicSettings } from './clusterConfig';
import { resolveConfig, TOPIC_RETENTION_DEFAULTS } from './clusterConfig';
import { autoRebalanceLeaders, electLeader, shrinkIsr } from './controller';
import { BrokerNotFoundError, InvalidClusterConfigError } from '../errors';
import { EventFeed } from './eventFeed';
import { fetchIfFollowing, followerFetch } from './fetcher';
import { countsAsApplication, Ledger } from './ledger';
import { PartitionState, type ReplicaFactory } from './partitionState';
import { PartitionLog } from '../log/partitionLog';
import { memoryPartitionStore } from '../log/logStore';
import { advanceLogStart, deleteOldestSegments } from '../log/retention';
import { assignReplicasToBrokers } from './placement';
import { completeAcks, failPendingAcks } from './producePath';

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor?: number;
  minInsyncReplicas?: number;
  uncleanLeaderElection?: boolean;
  /** Explicit placement (replica lists per partition); Kafka's placement when absent. */
  assignment?: number[][];
  /** segment.bytes, segment.ms (Kafka's defaults when absent); retention and compaction are the log cleaner's (broker/cleaner.ts). */
  segmentBytes?: number;
  segmentMs?: number;
}

/** Partitions woken for one follower broker, answered together one hop later. */
interface FollowerWakes {
  readonly at: number;
  readonly partitions: PartitionState[];
}

/** Segments per partition share of the record budget: deleting one frees a tenth of the share. */
const SEGMENTS_PER_BUDGET = 10;

export class ClusterCore {
  readonly config: ClusterSimConfig;
  readonly rng: Rng;
  readonly feed: EventFeed;
  readonly ledger = new Ledger();
  /** The producers' metadata cache (used with clientMetadataMaxAgeMs): partition → leader, when learnt. */
  readonly clientMetadata = new Map<string, { leader: number | null; at: number }>();
  /** By id (1 to 9; index 0 unused): every produce and follower fetch looks brokers up. */
  private readonly brokers: BrokerState[] = [];
  private readonly topics = new Map<string, PartitionState[]>();
  /**
   * The same lists by name in a prototype-less object, for partition(): a property lookup makes
   * V8 internalize the name it is given, so a caller's name cut out of a longer string (consumers
   * key partitions as topic + partition) is compared by pointer from then on, here and in every
   * map keyed by topic, instead of character by character on each of ~900,000 lookups a run.
   */
  private readonly byName: Record<string, PartitionState[] | undefined> = Object.create(null) as Record<string, PartitionState[] | undefined>;
  private readonly byBroker = new Map<number, PartitionState[]>();
  private stopped = false;
  private readonly makeLog: ReplicaFactory;
  private partitionCount = 0;
  /** Each partition's share of config.recordBudget (Infinity when there is no budget). */
  recordsPerPartition = Infinity;
  /** Per follower broker id, the woken partitions whose answer falls due last (wakeFollower). */
  private readonly openWakes: (FollowerWakes | undefined)[] = [];

  constructor(
    readonly clock: Clock,
    options: ClusterSimOptions = {},
    makeLog?: ReplicaFactory,
  ) {
    this.config = resolveConfig(options);
    this.makeLog = makeLog ?? ((topic, partition, _broker, settings) => new PartitionLog({ topic, partition, clock, settings, store: memoryPartitionStore() }));
    this.rng = createRng(this.config.seed).fork('cluster');
    this.feed = new EventFeed(this.config.eventFeedSize, () => clock.now());
    for (let id = 1; id <= this.config.brokers; id++) {
      this.brokers[id] = { id, status: 'running', isolated: false, fenced: false, slowMs: 0, incarnation: 1 };
      this.byBroker.set(id, []);
      this.startLoops(id);
    }
    this.every(this.config.retentionCheckIntervalMs, () => {
      for (const p of this.allPartitions()) this.applyRetention(p);
    });
    if (this.config.autoLeaderRebalance) this.every(this.config.leaderImbalanceCheckIntervalMs, () => autoRebalanceLeaders(this));
  }

  broker(id: number): BrokerState {
    const b = this.brokers[id];
    if (!b) throw new BrokerNotFoundError(id, this.config.brokers);
    return b;
  }

  brokerIds(): number[] {
    return this.brokerStates().map((b) => b.id);
  }

  brokerStates(): BrokerState[] {
    return this.brokers.filter((b) => b !== undefined);
  }

  partition(topic: string, partition: number): PartitionState | undefined {
    return this.byName[topic]?.[partition];
  }

  partitionsOfTopic(topic: string): readonly PartitionState[] {
    return this.topics.get(topic) ?? [];
  }

  topicNames(): string[] {
    return [...this.topics.keys()];
  }

  partitionsOf(broker: number): readonly PartitionState[] {
    return this.byBroker.get(broker) ?? [];
  }

  allPartitions(): PartitionState[] {
    return [...this.topics.values()].flat();
  }

  createTopic(spec: TopicSpec): void {
    if (this.topics.has(spec.name)) throw new InvalidClusterConfigError(`Topic ${spec.name} already exists.`, { topic: spec.name });
    if (!(spec.partitions >= 1)) throw new InvalidClusterConfigError(`A topic needs at least one partition, got ${spec.partitions}.`);
    const settings: TopicSettings = {
      partitions: spec.partitions,
      replicationFactor: spec.replicationFactor ?? this.config.defaultReplicationFactor,
      minInsyncReplicas: spec.minInsyncReplicas ?? this.config.minInsyncReplicas,
      uncleanLeaderElection: spec.uncleanLeaderElection ?? this.config.uncleanLeaderElection,
      segmentBytes: spec.segmentBytes ?? TOPIC_RETENTION_DEFAULTS.segmentBytes,
      segmentMs: spec.segmentMs ?? TOPIC_RETENTION_DEFAULTS.segmentMs,
    };
    const layout = spec.assignment ?? assignReplicasToBrokers(spec.partitions, settings.replicationFactor, this.brokerIds(), { rng: this.rng.fork(spec.name) });
    const list: PartitionState[] = [];
    this.topics.set(spec.name, list);
    this.byName[spec.name] = list;
    this.addPartitions(spec.name, settings, layout);
  }

  /** createPartitions: new partitions placed as Kafka places them, continuing the numbering. */
  createPartitions(topic: string, count: number, assignment?: number[][]): void {
    const existing = this.topics.get(topic);
    if (!existing) throw new InvalidClusterConfigError(`Unknown topic ${topic}.`);
    if (count <= existing.length) throw new InvalidClusterConfigError(`Topic ${topic} already has ${existing.length} partitions; the count can only grow.`);
    const settings = { ...existing[0]!.settings, partitions: count };
    const layout = assignment ?? assignReplicasToBrokers(count - existing.length, settings.replicationFactor, this.brokerIds(), { rng: this.rng.fork(`${topic}:${count}`), startPartitionId: existing.length });
    for (const p of existing) p.settings = settings;
    this.addPartitions(topic, settings, layout);
  }

  private addPartitions(topic: string, settings: TopicSettings, layout: number[][]): void {
    const list = this.topics.get(topic)!;
    for (const replicas of layout) {
      const p = new PartitionState(topic, list.length, replicas, settings, this.makeLog);
      list.push(p);
      for (const b of replicas) this.byBroker.get(b)!.push(p);
      p.isr = replicas.filter((r) => this.broker(r).status === 'running' && !this.broker(r).fenced);
      if (p.isr.length === 0) p.isr = [replicas[0]!];
      electLeader(this, p, 'startup');
    }
    if (countsAsApplication(topic)) this.partitionCount += layout.length;
    this.resizeBudget();
  }

  /** Splits the record budget over the partitions and sizes their segments to a tenth of a share. */
  private resizeBudget(): void {
    const share = this.config.recordBudget === Infinity ? Infinity : Math.max(SEGMENTS_PER_BUDGET, Math.floor(this.config.recordBudget / Math.max(1, this.partitionCount)));
    this.recordsPerPartition = share;
    const segmentRecords = share === Infinity ? Infinity : Math.ceil(share / SEGMENTS_PER_BUDGET);
    for (const p of this.allPartitions()) if (countsAsApplication(p.topic)) p.segmentRecords = segmentRecords;
  }

  /**
   * The record budget on the partition leader (a simulator setting, not Kafka's): beyond the
   * partition's share its oldest whole segments go, as if by retention.bytes, below the high
   * watermark only, and the log start moves to the first kept segment. Followers take the new
   * log start from their next fetch. Kafka's own retention (retention.ms, retention.bytes) and
   * compaction are the log cleaner's, on every replica (broker/cleaner.ts).
   */
  applyRetention(p: PartitionState): void {
    const leader = p.leader;
    if (leader === null || this.broker(leader).status !== 'running') return;
    if (!countsAsApplication(p.topic) || this.recordsPerPartition === Infinity) return;
    const n = overBudgetSegments(p.log(leader), this.recordsPerPartition);
    if (n > 0) deleteOldestSegments(p.log(leader), n);
    this.forgetDeleted(p);
  }

  /** The loss ledger drops what lies below every in-sync replica's log start. */
  forgetDeleted(p: PartitionState): void {
    let start = Infinity;
    for (const r of p.isr) start = Math.min(start, p.log(r).logStartOffset);
    if (start !== Infinity && start > 0) this.ledger.forgetBelow(p.topic, p.partition, start);
  }

  /** deleteRecords on the leader: the log start moves to `offset` (≤ the high watermark); followers follow on their next fetch. */
  deleteRecords(p: PartitionState, offset: number): number {
    const leader = p.leader;
    if (leader === null) return -1;
    const log = p.log(leader);
    advanceLogStart(log, Math.min(offset, log.highWatermark));
    this.forgetDeleted(p);
    return log.logStartOffset;
  }

  deleteTopic(topic: string): void {
    const list = this.topics.get(topic);
    if (!list) return;
    this.topics.delete(topic);
    delete this.byName[topic];
    if (countsAsApplication(topic)) this.partitionCount -= list.length;
    this.resizeBudget();
    for (const p of list) {
      for (const b of p.replicas) this.byBroker.set(b, (this.byBroker.get(b) ?? []).filter((x) => x !== p));
      for (const b of p.replicas) this.failPendingAcks(p, b);
    }
  }

  setTopicConfig(topic: string, patch: Partial<Pick<TopicSettings, 'minInsyncReplicas' | 'uncleanLeaderElection'>>): void {
    const list = this.topics.get(topic);
    if (!list) throw new InvalidClusterConfigError(`Unknown topic ${topic}.`);
    const settings = { ...list[0]!.settings, ...patch };
    for (const p of list) p.settings = settings;
    // Turning unclean election on lets the controller elect an out-of-sync replica right away.
    if (patch.uncleanLeaderElection) for (const p of list) if (p.leader === null) electLeader(this, p, 'unclean.leader.election.enable turned on');
  }

  completeAcks(p: PartitionState): void {
    completeAcks(this, p);
  }

  /** New records on a leader answer every follower's parked fetch, one hop later. */
  wakeFollowers(p: PartitionState): void {
    for (const f of p.replicas) if (f !== p.leader) this.wakeFollower(p, f);
  }

  /**
   * Answers (at most once at a time) one follower's fetch of one partition after a hop. As
   * Kafka's ReplicaFetcher sends one fetch per follower broker for all it follows, the partitions
   * woken for one follower that fall due at the same instant are answered by one timer, in the
   * order they were woken (two appends a hop apart are two timers, as before).
   */
  wakeFollower(p: PartitionState, followerId: number): void {
    const hop = this.config.replicaFetchHopMs;
    const bit = 1 << followerId;
    if (hop <= 0 || this.stopped || (p.wokenFollowers & bit) !== 0) return;
    p.wokenFollowers |= bit;
    const delay = hop + this.broker(followerId).slowMs;
    const at = this.clock.now() + delay;
    const open = this.openWakes[followerId];
    if (open && open.at === at) {
      open.partitions.push(p);
      return;
    }
    const wakes: FollowerWakes = { at, partitions: [p] };
    this.openWakes[followerId] = wakes;
    this.clock.setTimeout(() => this.answerWakes(followerId, wakes), delay);
  }

  private answerWakes(followerId: number, wakes: FollowerWakes): void {
    if (this.openWakes[followerId] === wakes) this.openWakes[followerId] = undefined;
    const bit = 1 << followerId;
    // Each partition is answered as its own timer answered it: a wake of a partition still in
    // this list (an answer's acks sent more) waits for its turn here, one not yet in it is a new hop.
    for (const p of wakes.partitions) {
      p.wokenFollowers &= ~bit;
      if (!this.stopped) fetchIfFollowing(this, p, followerId);
    }
  }

  failPendingAcks(p: PartitionState, broker: number | null): void {
    failPendingAcks(p, broker);
  }

  afterIsrChange(p: PartitionState): void {
    if (p.leader === null) return;
    p.recomputeHighWatermark(p.leader);
    completeAcks(this, p);
  }

  /** Stops every timer's work (the clock may keep running). */
  shutdown(): void {
    this.stopped = true;
  }

  private every(ms: number, fn: () => void): void {
    const tick = () => {
      if (this.stopped) return;
      fn();
      this.clock.setTimeout(tick, ms);
    };
    this.clock.setTimeout(tick, ms);
  }

  private startLoops(id: number): void {
    const fetchTick = () => {
      if (this.stopped) return;
      followerFetch(this, id);
      this.clock.setTimeout(fetchTick, this.config.replicaFetchIntervalMs + this.broker(id).slowMs);
    };
    // One broker has no followers: nothing to fetch.
    if (this.config.brokers > 1) this.clock.setTimeout(fetchTick, this.config.replicaFetchIntervalMs);
    this.every(Math.max(1, Math.floor(this.config.replicaLagTimeMaxMs / 2)), () => this.expireIsr(id));
    this.every(this.config.flushIntervalMs, () => {
      if (this.broker(id).status !== 'running') return;
      for (const p of this.partitionsOf(id)) flushReplica(p, id);
    });
    this.every(this.config.highWatermarkCheckpointIntervalMs, () => {
      if (this.broker(id).status !== 'running') return;
      for (const p of this.partitionsOf(id)) p.checkpointHighWatermark(id);
    });
  }

  /** Kafka's isr-expiration task: the leader drops followers not caught up within replica.lag.time.max.ms. */
  private expireIsr(id: number): void {
    const b = this.broker(id);
    if (b.status !== 'running') return;
    const now = this.clock.now();
    for (const p of this.partitionsOf(id)) {
      if (p.leader !== id || p.view(id).leader !== id) continue;
      const out = p.isr.filter((r) => r !== id && now - (p.followers[r]?.lastCaughtUpAt ?? now) > this.config.replicaLagTimeMaxMs);
      if (out.length > 0 && reachable(b)) shrinkIsr(this, p, id, out);
    }
  }
}

/** Kafka's log flush of one replica (storage errors surface on the next append's wait, not here). */
export function flushReplica(p: PartitionState, broker: number): void {
  p.log(broker).flush().catch(() => undefined);
}

/**
 * How many of the leader's oldest segments the record budget deletes: while the log holds more
 * than `maxRecords`, whole segments only, never the active one, and only segments entirely below
 * the high watermark (Kafka's deletable segments).
 */
export function overBudgetSegments(log: PartitionLog, maxRecords: number): number {
  let held = log.logEndOffset - log.logStartOffset;
  let i = 0;
  while (i < log.segments.length - 1 && held > maxRecords) {
    const s = log.segments[i]!;
    const next = log.segments[i + 1]!.baseOffset;
    if (next > log.highWatermark) break;
    held -= next - Math.max(s.baseOffset, log.logStartOffset);
    i++;
  }
  return i;
}
