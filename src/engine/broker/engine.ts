// The broker side of the cluster: topics, partitions and their replica logs, the append path
// and the group coordinator. Clients (admin, producer, consumer, event store) talk to this.
// `appendToPartition` is replaced by the replication layer (acks, ISR, high watermark); the
// consumer groups (src/engine/groups) run beside it, wired by createCluster.
import type { Clock } from '../../lib/clock';
import { Emitter } from '../../lib/emitter';
import type { Rng } from '../../lib/rng';
import { IllegalStateError, InvalidPartitionsError, TopicAlreadyExistsError, UnknownTopicOrPartitionError } from '../errors';
import type { ChunkCache } from '../log/chunkCache';
import { PartitionLog, type AppendResult, type LeaderAppendOptions } from '../log/partitionLog';
import type { RestoredPartition, StorageBackend } from '../storage/backend';
import { parseTopicConfig, validateTopicName, type ConfigEntry, type TopicConfig } from '../log/topicConfig';

export interface PartitionState {
  topic: string;
  partition: number;
  /** Broker ids holding a replica; the first is the preferred leader. */
  replicas: number[];
  leader: number;
  leaderEpoch: number;
  isr: number[];
  /** One log per broker that holds a replica. */
  logs: Map<number, PartitionLog>;
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

export type AppendToPartition = (topic: string, partition: number, batches: Uint8Array[], acks: Acks, opts: LeaderAppendOptions) => Promise<AppendResult>;

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
}

export class Engine {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly brokers: BrokerState[];
  readonly backend: StorageBackend;
  readonly cache: ChunkCache | undefined;
  readonly topics = new Map<string, TopicState>();
  readonly events = new Emitter<EngineEvents>();
  /** Replaceable by the replication layer; the default appends to the leader's log. */
  appendToPartition: AppendToPartition;
  private readonly background = new Set<Promise<unknown>>();
  private nextProducerId = 1000;
  closed = false;

  constructor(init: EngineInit) {
    this.clock = init.clock;
    this.rng = init.rng;
    this.backend = init.backend;
    this.cache = init.cache;
    this.brokers = Array.from({ length: init.brokers }, (_, i) => ({ id: i + 1, status: 'up' as const }));
    this.appendToPartition = (topic, partition, batches, _acks, opts) => {
      const p = this.partition(topic, partition);
      return this.leaderLog(p).appendAsLeader(batches, { ...opts, leaderEpoch: p.leaderEpoch });
    };
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

  allocateProducerId(): number {
    return this.nextProducerId++;
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
    const log = p.logs.get(p.leader);
    if (!log) throw new IllegalStateError(`No log for ${p.topic}/${p.partition} on its leader ${p.leader}.`, { topic: p.topic, partition: p.partition });
    return log;
  }

  /** The leader's log of topic/partition (what consumers and the event store read). */
  log(topic: string, partition: number): PartitionLog {
    return this.leaderLog(this.partition(topic, partition));
  }

  /** Creates (or restores) the log of one replica; the replication layer calls this for followers. */
  createReplica(topic: string, partition: number, broker: number, restored?: RestoredPartition): PartitionLog {
    const t = this.topic(topic);
    return new PartitionLog({
      topic,
      partition,
      clock: this.clock,
      settings: () => ({ segmentBytes: t.config['segment.bytes'], segmentMs: t.config['segment.ms'] }),
      store: this.backend.partitionStore(topic, partition, broker),
      ...(this.cache ? { cache: this.cache } : {}),
      ...(restored ? { restored } : {}),
    });
  }

  private replicaAssignment(count: number, from: number, rf: number): number[][] {
    const n = this.brokers.length;
    return Array.from({ length: count }, (_, i) => Array.from({ length: rf }, (_, r) => this.brokers[(from + i + r) % n]!.id));
  }

  async createTopic(name: string, numPartitions: number, configEntries: readonly ConfigEntry[] = [], replicationFactor = 1): Promise<boolean> {
    validateTopicName(name);
    if (!Number.isInteger(numPartitions) || numPartitions <= 0) throw new InvalidPartitionsError(`Topic "${name}" needs a partition count ≥ 1, got ${numPartitions}.`, { topic: name, numPartitions });
    if (!Number.isInteger(replicationFactor) || replicationFactor < 1 || replicationFactor > this.brokers.length) {
      throw new InvalidPartitionsError(`Replication factor ${replicationFactor} for "${name}" must be between 1 and the broker count (${this.brokers.length}).`, { topic: name, replicationFactor });
    }
    const config = parseTopicConfig(configEntries);
    if (this.topics.has(name)) return false;
    const replicas = this.replicaAssignment(numPartitions, 0, replicationFactor);
    this.installTopic(name, config, replicas, []);
    try {
      await this.backend.saveTopic({ name, numPartitions, config, replicas });
    } catch (e) {
      this.topics.delete(name);
      throw e;
    }
    this.events.emit('topicCreated', { topic: name, partitions: numPartitions });
    return true;
  }

  /** Puts a topic in memory with leader logs, restoring any stored partitions. */
  installTopic(name: string, config: TopicConfig, replicas: number[][], restored: RestoredPartition[]): TopicState {
    if (this.topics.has(name)) throw new TopicAlreadyExistsError(name);
    const t: TopicState = { name, config, partitions: [] };
    this.topics.set(name, t);
    for (let i = 0; i < replicas.length; i++) t.partitions.push(this.newPartition(name, i, replicas[i]!, restored));
    return t;
  }

  private newPartition(topic: string, partition: number, replicas: number[], restored: RestoredPartition[]): PartitionState {
    const leader = replicas[0]!;
    const state: PartitionState = { topic, partition, replicas, leader, leaderEpoch: 0, isr: [leader], logs: new Map() };
    const r = restored.find((x) => x.partition === partition && x.broker === leader);
    const log = this.createReplica(topic, partition, leader, r);
    state.leaderEpoch = Math.max(0, log.epochs.latestEpoch());
    state.logs.set(leader, log);
    return state;
  }

  async deleteTopic(name: string): Promise<void> {
    this.topic(name);
    this.topics.delete(name);
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
    for (const r of more) t.partitions.push(this.newPartition(name, t.partitions.length, r, []));
    await this.backend.saveTopic({ name, numPartitions: t.partitions.length, config: t.config, replicas: t.partitions.map((p) => p.replicas) });
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
