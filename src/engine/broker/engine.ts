// The broker side of the cluster: topics, partitions and their replica logs, the append path
// and the group coordinator. Clients (admin, producer, consumer, event store) talk to this.
// Every replica of every partition is a PartitionLog with its own storage; the replicated
// cluster (replication/: controller, ISR, high watermark, acks, faults) decides who leads and
// what is acknowledged, with one broker as the same code at replication factor 1. A partition's
// log for clients is its current leader's replica.
import type { Clock } from '../../lib/clock';
import { Emitter } from '../../lib/emitter';
import type { Rng } from '../../lib/rng';
import { IllegalStateError, InvalidPartitionsError, TopicAlreadyExistsError, UnknownTopicOrPartitionError } from '../errors';
import type { ChunkCache } from '../log/chunkCache';
import { PartitionLog, type AppendResult, type LeaderAppendOptions } from '../log/partitionLog';
import type { HighWatermarkMark, RestoredPartition, StorageBackend } from '../storage/backend';
import { DEFAULT_TOPIC_CONFIG, parseTopicConfig, validateTopicName, type ConfigEntry, type TopicConfig } from '../log/topicConfig';
import { ClusterSim } from '../replication/clusterSim';
import type { ClusterSimOptions } from '../replication/clusterConfig';
import type { PartitionState as ReplicatedPartition } from '../replication/partitionState';
import { assignReplicasToBrokers } from '../replication/placement';
import { watchVirtualClock } from '../replication/virtualStallGuard';
import type { ProduceAnswer, ProduceRequest, ProduceSink } from '../replication/producePath';
import { VirtualClockStalledError } from '../errors';
import { ByteSlab } from '../codec/byteSlab';

/** A partition as clients see it: a live view of the replicated cluster's state. */
export interface PartitionState {
  readonly topic: string;
  readonly partition: number;
  /** Broker ids holding a replica; the first is the preferred leader. */
  readonly replicas: readonly number[];
  /** The current leader (the last one while the partition is offline). */
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly isr: readonly number[];
  /** One log per broker that holds a replica. */
  readonly logs: ReadonlyMap<number, PartitionLog>;
}

export interface TopicState {
  name: string;
  config: TopicConfig;
  partitions: PartitionState[];
}

export interface BrokerState {
  id: number;
  status: 'up' | 'stopped' | 'crashed' | 'isolated';
}

/** acks as kafkajs: -1 all in-sync replicas, 1 the leader only, 0 no acknowledgement. */
export type Acks = -1 | 0 | 1;

export interface AppendRequestOptions extends LeaderAppendOptions {
  /**
   * +1 when the leader wrote the records and the answer waits (on followers for acks=all, or on
   * storage), −1 when it comes: a caller on a virtual clock knows its work waits for time to move.
   */
  waiting?: (delta: number) => void;
}

/**
 * A write to a partition's leader. The log keeps the batches' bytes as they are (its followers
 * share them) and stamps offsets into them: pass bytes nobody sends again. A retry sends a copy
 * (`retryCopy`), or it would restamp records a log already holds.
 */
export type AppendToPartition = (topic: string, partition: number, batches: Uint8Array[], acks: Acks, opts: AppendRequestOptions) => Promise<AppendResult>;

export interface EngineEvents extends Record<string, unknown> {
  topicCreated: { topic: string; partitions: number };
  topicDeleted: { topic: string };
  partitionsAdded: { topic: string; count: number };
}

export const CONSUMER_OFFSETS_TOPIC = '__consumer_offsets';
export const CONSUMER_OFFSETS_PARTITIONS = 50;

export interface EngineInit {
  clock: Clock;
  rng: Rng;
  brokers: number;
  backend: StorageBackend;
  cache?: ChunkCache;
  /** Settings of the replicated cluster (docs/cluster.md), e.g. replicaLagTimeMaxMs. */
  replication?: ClusterSimOptions;
  /** Real milliseconds an acks=all answer may wait on a virtual clock nobody advances (0: never). */
  virtualStallMs?: number;
}

/** Internal topics (__consumer_offsets, snapshots) get Kafka's offsets.topic.replication.factor of 3. */
const INTERNAL_RF = 3;

/** Real milliseconds an acks=all answer may wait on a virtual clock nobody advances (virtualStallGuard.ts). */
export const VIRTUAL_STALL_MS = 5_000;

export class Engine {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly brokers: BrokerState[];
  readonly backend: StorageBackend;
  readonly cache: ChunkCache | undefined;
  readonly topics = new Map<string, TopicState>();
  readonly events = new Emitter<EngineEvents>();
  /** The replicated cluster: placement, leaders, ISR, high watermark, acks, faults, snapshot and events. */
  readonly cluster: ClusterSim;
  /** The append path: the leader's log through the replicated cluster's acks. */
  appendToPartition: AppendToPartition;
  private readonly background = new Set<Promise<unknown>>();
  /** Storage reads not answered yet (they answer in later macrotasks: a caller on a virtual clock waits for them). */
  storageReadsInFlight = 0;
  private nextProducerId = 1000;
  /** Stored replicas waiting for their partition to be created (a reopen). */
  private restoring = new Map<string, RestoredPartition>();
  private readonly virtualStallMs: number;
  closed = false;

  constructor(init: EngineInit) {
    this.clock = init.clock;
    this.rng = init.rng;
    this.backend = init.backend;
    this.cache = init.cache;
    this.virtualStallMs = init.virtualStallMs ?? VIRTUAL_STALL_MS;
    this.brokers = Array.from({ length: init.brokers }, (_, i) => ({ id: i + 1, status: 'up' as const }));
    this.cluster = new ClusterSim(this.clock, { brokers: init.brokers, seed: init.rng.seed, ...init.replication }, (topic, partition, broker, settings) =>
      this.createReplica(topic, partition, broker, this.restoring.get(`${topic}\u0000${partition}\u0000${broker}`), settings),
    );
    this.appendToPartition = (topic, partition, batches, acks, opts) => this.append(topic, partition, batches, acks, opts);
    // Broker-level min.insync.replicas and unclean.leader.election.enable are the defaults of
    // every topic created without its own, as in Kafka.
    const r = init.replication ?? {};
    this.topicDefaults = {
      ...DEFAULT_TOPIC_CONFIG,
      ...(r.minInsyncReplicas !== undefined ? { 'min.insync.replicas': r.minInsyncReplicas } : {}),
      ...(r.uncleanLeaderElection !== undefined ? { 'unclean.leader.election.enable': r.uncleanLeaderElection } : {}),
    };
  }

  /** Topic configs before a topic's own entries: Kafka's defaults with the broker-level ones. */
  readonly topicDefaults: Readonly<TopicConfig>;

  /**
   * Appends through the replicated cluster: refused up front (no leader, broker down,
   * NotEnoughReplicas) or appended on the leader at once and answered per acks. With durable
   * storage the answer also waits for the leader's flush, so what is acknowledged is on disk.
   */
  private append(topic: string, partition: number, batches: Uint8Array[], acks: Acks, opts: AppendRequestOptions): Promise<AppendResult> {
    // One object per append takes the answer (PendingAppend.produced), instead of a closure for
    // each step of it: every write of a run comes through here.
    const call = new PendingAppend(this, topic, partition, acks, opts);
    const answer = new Promise<AppendResult>((resolve, reject) => {
      call.resolve = resolve;
      call.reject = reject;
    });
    // Built field by field: one object per append, on the hot path of every write.
    const req: ProduceRequest = { topic, partition, acks, batches };
    if (opts.producer) req.producer = { id: opts.producer.id, epoch: opts.producer.epoch, firstSequence: opts.producer.baseSequence };
    if (opts.precondition) req.precondition = opts.precondition;
    try {
      this.cluster.produceWith(req, call);
    } catch (e) {
      call.answered = true;
      call.fail(e);
    }
    if (!call.answered) {
      call.waited = true;
      opts.waiting?.(1);
      if (this.clock.kind === 'virtual' && this.virtualStallMs > 0) {
        call.stopWatching = watchVirtualClock(this.clock, this.virtualStallMs, () => call.fail(new VirtualClockStalledError(topic, partition, this.virtualStallMs)));
      }
    }
    return answer;
  }

  /** Tracks background work so advance() and close() can wait for it. */
  track<T>(p: Promise<T>): Promise<T> {
    this.background.add(p);
    const done = () => this.background.delete(p);
    p.then(done, done);
    return p;
  }

  /** Background promises not settled yet (the virtual clock waits for them before moving time). */
  get backgroundCount(): number {
    return this.background.size;
  }

  async settle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /**
   * Stores every replica's high watermark as it is now, as a broker writes its
   * replication-offset-checkpoint: a reopen starts each replica there rather than at its log
   * end, so records not yet replicated stay above it until followers fetch them. The replicated
   * cluster's own checkpoint (the one a broker restart reloads) is not moved: a stored run must
   * not behave differently from one in memory.
   */
  saveHighWatermarks(): Promise<void> {
    const marks: HighWatermarkMark[] = [];
    for (const t of this.topics.values()) {
      for (const p of t.partitions) for (const [broker, log] of p.logs) marks.push({ topic: t.name, partition: p.partition, broker, offset: log.highWatermark });
    }
    return this.backend.saveHighWatermarks(marks);
  }

  allocateProducerId(): number {
    return this.nextProducerId++;
  }

  /** Per topic, each partition's slab that producers and the event store encode small batches into. */
  private readonly slabs = new WeakMap<TopicState, ByteSlab[]>();

  /** The slab a writer encodes this partition's small batches into (codec/byteSlab.ts: why one per partition). */
  encodeSlab(t: TopicState, partition: number): ByteSlab {
    let list = this.slabs.get(t);
    if (!list) this.slabs.set(t, (list = []));
    return (list[partition] ??= new ByteSlab());
  }

  topic(name: string): TopicState {
    const t = this.topics.get(name);
    if (!t) throw new UnknownTopicOrPartitionError(name);
    return t;
  }

  partition(topic: string, partition: number): PartitionState {
    const t = this.topic(topic);
    const p = Number.isInteger(partition) ? t.partitions[partition] : undefined;
    if (!p) throw new UnknownTopicOrPartitionError(topic, partition);
    return p;
  }

  leaderLog(p: PartitionState): PartitionLog {
    // A live view: the leader may have changed since the caller looked.
    const log = p.logs.get(p.leader);
    if (!log) throw new IllegalStateError(`No log for ${p.topic}/${p.partition} on its leader ${p.leader}.`, { topic: p.topic, partition: p.partition });
    return log;
  }

  /** The leader's log of topic/partition (what consumers and the event store read). */
  log(topic: string, partition: number): PartitionLog {
    return this.leaderLog(this.partition(topic, partition));
  }

  /** Creates (or restores) the log of one replica, with its own storage. */
  createReplica(topic: string, partition: number, broker: number, restored?: RestoredPartition, roll?: () => { segmentRecords: number }): PartitionLog {
    const t = this.topic(topic);
    return new PartitionLog({
      topic,
      partition,
      clock: this.clock,
      settings: () => ({ segmentBytes: t.config['segment.bytes'], segmentMs: t.config['segment.ms'], segmentRecords: roll?.().segmentRecords ?? Infinity }),
      store: this.backend.partitionStore(topic, partition, broker),
      ...(this.cache ? { cache: this.cache } : {}),
      ...(restored ? { restored } : {}),
      answeredBeforeFlush: () => this.cluster.core.config.flushIntervalMessages > 1,
    });
  }

  /**
   * Kafka's rack-unaware placement with start index and shift 0 (what Kafka computes when its
   * random draws are 0): partition p leads on broker p mod n.
   */
  private replicaAssignment(count: number, from: number, rf: number): number[][] {
    return assignReplicasToBrokers(count, rf, this.brokers.map((b) => b.id), { fixedStartIndex: 0, startPartitionId: from });
  }

  /**
   * Creates a topic; `assignment` gives each partition's replica list (the first is the preferred
   * leader), as Kafka's CreateTopics replicaAssignment does, instead of Kafka's placement.
   */
  async createTopic(name: string, numPartitions: number, configEntries: readonly ConfigEntry[] = [], replicationFactor = 1, assignment?: readonly (readonly number[])[]): Promise<boolean> {
    validateTopicName(name);
    if (!Number.isInteger(numPartitions) || numPartitions <= 0) throw new InvalidPartitionsError(`Topic "${name}" needs a partition count ≥ 1, got ${numPartitions}.`, { topic: name, numPartitions });
    if (!Number.isInteger(replicationFactor) || replicationFactor < 1 || replicationFactor > this.brokers.length) {
      throw new InvalidPartitionsError(`Replication factor ${replicationFactor} for "${name}" must be between 1 and the broker count (${this.brokers.length}).`, { topic: name, replicationFactor });
    }
    if (assignment) this.checkAssignment(name, numPartitions, assignment);
    const config = parseTopicConfig(configEntries, this.topicDefaults);
    if (this.topics.has(name)) return false;
    const rf = name.startsWith('__') ? Math.min(INTERNAL_RF, this.brokers.length) : replicationFactor;
    // An internal topic never asks for more in-sync replicas than it has (the broker default may).
    if (name.startsWith('__')) config['min.insync.replicas'] = Math.min(config['min.insync.replicas'], rf);
    const replicas = assignment ? assignment.map((r) => [...r]) : this.replicaAssignment(numPartitions, 0, rf);
    this.installTopic(name, config, replicas, []);
    try {
      await this.backend.saveTopic({ name, numPartitions, config, replicas });
    } catch (e) {
      this.topics.delete(name);
      this.cluster.core.deleteTopic(name);
      throw e;
    }
    this.events.emit('topicCreated', { topic: name, partitions: numPartitions });
    return true;
  }

  private checkAssignment(name: string, numPartitions: number, assignment: readonly (readonly number[])[]): void {
    const ids = new Set(this.brokers.map((b) => b.id));
    const ok =
      assignment.length === numPartitions &&
      assignment.every((r) => r.length > 0 && r.length === assignment[0]!.length && new Set(r).size === r.length && r.every((b) => ids.has(b)));
    if (!ok) {
      throw new InvalidPartitionsError(`The replica assignment of "${name}" needs one list per partition (${numPartitions}), each of the same length, of distinct brokers among ${[...ids].join(', ')}.`, { topic: name });
    }
  }

  /** Puts a topic in memory with a log per replica, restoring any stored ones, and hands it to the replicated cluster. */
  installTopic(name: string, config: TopicConfig, replicas: number[][], restored: RestoredPartition[]): TopicState {
    if (this.topics.has(name)) throw new TopicAlreadyExistsError(name);
    const t: TopicState = { name, config, partitions: [] };
    this.topics.set(name, t);
    this.restore(name, restored, () =>
      this.cluster.core.createTopic({
        name,
        partitions: replicas.length,
        replicationFactor: replicas[0]?.length ?? 1,
        assignment: replicas,
        minInsyncReplicas: config['min.insync.replicas'],
        uncleanLeaderElection: config['unclean.leader.election.enable'],
        // Retention and compaction run on every replica through the log cleaner (cleaner.ts).
        segmentBytes: config['segment.bytes'],
        segmentMs: config['segment.ms'],
      }),
    );
    this.adopt(t);
    return t;
  }

  private restore(topic: string, restored: RestoredPartition[], create: () => void): void {
    for (const r of restored) if (r.topic === topic) this.restoring.set(`${topic}\u0000${r.partition}\u0000${r.broker}`, r);
    try {
      create();
    } finally {
      this.restoring.clear();
    }
  }

  /** Client-side views of partitions the replicated cluster has and this topic does not yet. */
  private adopt(t: TopicState): void {
    const parts = this.cluster.core.partitionsOfTopic(t.name);
    for (let i = t.partitions.length; i < parts.length; i++) t.partitions.push(partitionView(parts[i]!));
  }

  async deleteTopic(name: string): Promise<void> {
    this.topic(name);
    this.topics.delete(name);
    this.cluster.core.deleteTopic(name);
    await this.backend.deleteTopic(name);
    this.events.emit('topicDeleted', { topic: name });
  }

  async addPartitions(name: string, count: number): Promise<void> {
    const t = this.topic(name);
    if (!Number.isInteger(count) || count <= t.partitions.length) {
      throw new InvalidPartitionsError(`Topic "${name}" has ${t.partitions.length} partitions; the new count must be larger (partitions can only be added), got ${count}.`, { topic: name, count });
    }
    const rf = t.partitions[0]?.replicas.length ?? 1;
    const more = this.replicaAssignment(count - t.partitions.length, t.partitions.length, rf);
    this.cluster.core.createPartitions(name, count, more);
    this.adopt(t);
    await this.backend.saveTopic({ name, numPartitions: t.partitions.length, config: t.config, replicas: t.partitions.map((p) => [...p.replicas]) });
    this.events.emit('partitionsAdded', { topic: name, count });
  }

  async ensureInternalTopic(name: string, partitions: number): Promise<TopicState> {
    const existing = this.topics.get(name);
    if (existing) return existing;
    await this.createTopic(name, partitions, [
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'segment.bytes', value: String(256 * 1024) },
    ]);
    return this.topic(name);
  }
}

/** A client-side view of a replicated partition: reads the cluster's state each time. */
function partitionView(p: ReplicatedPartition): PartitionState {
  let last = p.leader ?? p.preferredLeader;
  return {
    topic: p.topic,
    partition: p.partition,
    replicas: p.replicas,
    get leader() {
      if (p.leader !== null) last = p.leader;
      return last;
    },
    get leaderEpoch() {
      return Math.max(0, p.leaderEpoch);
    },
    get isr() {
      return p.isr;
    },
    logs: p.logs,
  };
}

/**
 * One append waiting for its answer: takes it from the replicated cluster (a ProduceSink) and
 * settles the append's promise once, telling `waiting` when it stops waiting.
 */
class PendingAppend implements ProduceSink {
  answered = false;
  /** Whether `opts.waiting` was told +1 and not yet −1. */
  waited = false;
  stopWatching: (() => void) | undefined = undefined;
  resolve: (r: AppendResult) => void = NOT_YET;
  reject: (e: unknown) => void = NOT_YET;

  constructor(
    private readonly engine: Engine,
    readonly topic: string,
    readonly partition: number,
    readonly acks: Acks,
    readonly opts: AppendRequestOptions,
  ) {}

  /** The leader's answer: acknowledged, and with durable storage the promise also waits for the flush. */
  produced(err: Error | null, answer: ProduceAnswer | null): void {
    this.answered = true;
    this.stopWatching?.();
    if (err || !answer) return this.fail(err ?? new IllegalStateError(`No answer to a write to ${this.topic}/${this.partition}.`));
    const engine = this.engine;
    const count = answer.ids.length;
    const result: AppendResult = { baseOffset: answer.baseOffset, lastOffset: answer.baseOffset + count - 1, appendTime: answer.appendTime ?? engine.clock.now(), duplicate: answer.duplicate ?? false };
    if (engine.backend.kind !== 'indexedDB' || this.acks === 0) return this.succeed(result);
    const log = engine.log(this.topic, this.partition);
    const flushEvery = engine.cluster.core.config.flushIntervalMessages;
    if (flushEvery > 1) {
      // log.flush.interval.messages: the answer does not wait for storage.
      if (log.logEndOffset - log.flushedOffset >= flushEvery) log.flush().catch(() => undefined);
      return this.succeed(result);
    }
    const durable = log.flushed(result.lastOffset + 1);
    log.flush().catch(() => undefined);
    if (!this.waited && this.opts.waiting) {
      this.waited = true;
      this.opts.waiting(1);
    }
    durable.then(
      () => this.succeed(result),
      (e: unknown) => this.fail(e),
    );
  }

  private settled(): void {
    if (this.waited) this.opts.waiting?.(-1);
    this.waited = false;
  }

  fail(e: unknown): void {
    this.settled();
    this.reject(e);
  }

  succeed(result: AppendResult): void {
    this.settled();
    this.resolve(result);
  }
}

const NOT_YET = (): void => undefined;
