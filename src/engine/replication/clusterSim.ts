// The replicated cluster's public face: topics, produce with acks, consumer fetches bounded by
// the high watermark, the fault API, preferred-leader election, snapshot() and the event feed.
// The engine (broker/engine.ts) owns one; createCluster is the one way to build a cluster.
import type { Clock, VirtualClock } from '../../lib/clock';
import type { ClusterSimOptions } from './clusterConfig';
import { ClusterCore, type TopicSpec } from './clusterCore';
import type { ReplicaFactory } from './partitionState';
import { electPreferredLeaders } from './controller';
import { findDivergences, readCommitted } from './consistency';
import { BrokerNotAvailableError, LeaderNotAvailableError, NotLeaderOrFollowerError, OffsetOutOfRangeError, UnknownTopicOrPartitionError } from '../errors';
import type { StampedEvent } from './eventFeed';
import { checkpointBroker, crashBroker, flushBroker, heal, isolateBroker, slowBroker, startBroker, stopBroker } from './faults';
import { produce, type ProduceAnswer, type ProduceCallback, type ProduceRequest, type ProduceSink } from './producePath';
import { recordAt, type SimRecord } from './records';
import type { PartitionLog } from '../log/partitionLog';
import { replicationSnapshot, type ReplicationSnapshot } from './snapshot';


export class ClusterSim {
  readonly core: ClusterCore;

  constructor(
    readonly clock: Clock,
    options: ClusterSimOptions = {},
    makeLog?: ReplicaFactory,
  ) {
    this.core = new ClusterCore(clock, options, makeLog);
  }

  now(): number {
    return this.clock.now();
  }

  /** Moves the virtual clock, running everything due on the way. */
  advance(ms: number): void {
    if (this.clock.kind !== 'virtual') throw new TypeError('advance() needs a virtual clock');
    (this.clock as VirtualClock).advance(ms);
  }

  createTopic(spec: TopicSpec): void {
    this.core.createTopic(spec);
  }

  createPartitions(topic: string, count: number): void {
    this.core.createPartitions(topic, count);
  }

  /** Answers through `to`: a callback, or an object that keeps its own state (the engine's appends). */
  produceWith(req: ProduceRequest, to: ProduceCallback | ProduceSink): void {
    produce(this.core, req, typeof to === 'function' ? { produced: to } : to);
  }

  produce(req: ProduceRequest): Promise<ProduceAnswer> {
    return new Promise((resolve, reject) => this.produceWith(req, (err, answer) => (err ? reject(err) : resolve(answer!))));
  }

  /**
   * The leader's log a consumer fetch at `offset` reads, with the refusals a Kafka broker gives:
   * no leader, leader's broker down, a broker that no longer leads (isolated), offset out of range.
   */
  fetchLog(topic: string, partition: number, offset: number): PartitionLog {
    const p = this.core.partition(topic, partition);
    if (!p) throw new UnknownTopicOrPartitionError(topic, partition);
    const leader = p.leader;
    if (leader === null) throw new LeaderNotAvailableError(topic, partition);
    if (this.core.broker(leader).status !== 'running') throw new BrokerNotAvailableError(leader);
    if (p.view(leader).leader !== leader) throw new NotLeaderOrFollowerError(topic, partition, leader);
    const log = p.log(leader);
    if (offset < log.logStartOffset || offset > log.logEndOffset) throw new OffsetOutOfRangeError(topic, partition, offset, log.logStartOffset, log.logEndOffset);
    return log;
  }

  /** Low and high watermark per partition, as ListOffsets answers (high = high watermark). */
  offsets(topic: string, partition: number): { low: number; high: number } | null {
    const p = this.core.partition(topic, partition);
    if (!p || p.leader === null) return null;
    const log = p.log(p.leader);
    return { low: log.logStartOffset, high: log.highWatermark };
  }

  /** Admin deleteRecords: the partition's log start moves to `offset` (capped at the high watermark); returns the new low watermark. */
  deleteRecords(topic: string, partition: number, offset: number): number {
    const p = this.core.partition(topic, partition);
    if (!p) throw new UnknownTopicOrPartitionError(topic, partition);
    if (p.leader === null) throw new LeaderNotAvailableError(topic, partition);
    return this.core.deleteRecords(p, offset);
  }

  stopBroker(id: number): void {
    stopBroker(this.core, id);
  }

  startBroker(id: number): void {
    startBroker(this.core, id);
  }

  crashBroker(id: number): void {
    crashBroker(this.core, id);
  }

  isolateBroker(id: number): void {
    isolateBroker(this.core, id);
  }

  heal(): void {
    heal(this.core);
  }

  slowBroker(id: number, delayMs: number): void {
    slowBroker(this.core, id, delayMs);
  }

  flushBroker(id: number): void {
    flushBroker(this.core, id);
  }

  checkpointBroker(id: number): void {
    checkpointBroker(this.core, id);
  }

  electPreferredLeaders(): number {
    return electPreferredLeaders(this.core);
  }

  setTopicConfig(topic: string, patch: { minInsyncReplicas?: number; uncleanLeaderElection?: boolean }): void {
    this.core.setTopicConfig(topic, patch);
  }

  snapshot(): ReplicationSnapshot {
    return replicationSnapshot(this.core);
  }

  events(since = 0): StampedEvent[] {
    return this.core.feed.since(since);
  }

  onEvent(listener: (e: StampedEvent) => void): () => void {
    return this.core.feed.subscribe(listener);
  }

  /** The record a broker's replica holds at `offset` (undefined when it holds none there). */
  recordAt(topic: string, partition: number, broker: number, offset: number): SimRecord | undefined {
    const p = this.core.partition(topic, partition);
    return p && p.logs.has(broker) ? recordAt(p.log(broker), offset) : undefined;
  }

  readCommitted(topic: string, partition: number): SimRecord[] {
    return readCommitted(this.core, topic, partition);
  }

  divergences() {
    return findDivergences(this.core);
  }

  shutdown(): void {
    this.core.shutdown();
  }
}
