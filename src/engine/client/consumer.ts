// kafkajs-shaped consumer: the application's face of the one member implementation
// (groups/consumerMember.ts), which does what the Java consumer does on its poll loop and
// heartbeat thread — join and rejoin through the group coordinator, heartbeats, session and
// max.poll.interval timeouts, eager or cooperative revocation, auto-commit of what was handled
// (at-least-once). This file maps kafkajs's API onto it: subscribe/run, eachMessage and
// eachBatch (one partition's records in order; partitions in turn, or concurrently with
// partitionsConsumedConcurrently > 1), commitOffsets, seek, pause/resume, describeGroup, stop
// and disconnect (which wait for the message in hand and commit, as kafkajs does).
import { Emitter } from '../../lib/emitter';
import { assignorFromName } from '../assignors';
import type { Engine } from '../broker/engine';
import type { DecodedRecord } from '../codec/recordBatch';
import { CommitFailedError, IllegalStateError } from '../errors';
import type { DeliveryLease, FetchedRecord } from '../groups/groupsContext';
import type { ConsumerMember } from '../groups/consumerMember';
import { BatchView, type EachBatchPayload, type EachMessagePayload } from './consumerBatch';
import { describeGroup, loadCommittedOffsets, type GroupsAccess } from './groupViews';
import { toKafkaMessage } from './messages';
import type { GroupDescription, KafkaMessage, TopicPartitionOffset, TopicPartitionOffsetAndMetadata } from './types';

export interface ConsumerOptions {
  groupId: string;
  clientId?: string;
  partitionAssigners?: string[];
  sessionTimeout?: number;
  rebalanceTimeout?: number;
  heartbeatInterval?: number;
  maxPollInterval?: number;
  maxBytesPerPartition?: number;
  maxWaitTimeInMs?: number;
  groupInstanceId?: string;
  /** max.poll.records: records in handling at most (the Java client's default 500). */
  maxPollRecords?: number;
}

export interface RunOptions {
  autoCommit?: boolean;
  autoCommitInterval?: number | null;
  autoCommitThreshold?: number | null;
  eachBatchAutoResolve?: boolean;
  partitionsConsumedConcurrently?: number;
  eachMessage?: (payload: EachMessagePayload) => Promise<void>;
  eachBatch?: (payload: EachBatchPayload) => Promise<void>;
}

export interface ConsumerEvents extends Record<string, unknown> {
  'consumer.group_join': { groupId: string; memberId: string; generationId: number; memberAssignment: Record<string, number[]> };
  'consumer.commit_offsets': { groupId: string; memberId: string; topics: { topic: string; partitions: { partition: number; offset: string }[] }[] };
  'consumer.crash': { error: unknown; groupId: string };
  'consumer.stop': null;
  'consumer.fetch': { numberOfBatches: number };
}

/** A record as the groups hand it to the engine's consumers: the stored record, its offset as id. */
export type FetchedEngineRecord = DecodedRecord & { readonly id: number };

/** kafkajs's default poll wait; idle members poll this often and are woken early by new data. */
const IDLE_POLL_MS = 100;

const tpKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;
const splitKey = (k: string): [string, number] => {
  const at = k.lastIndexOf('\u0000');
  return [k.slice(0, at), Number(k.slice(at + 1))];
};

interface Queued {
  record: FetchedEngineRecord;
  lease: DeliveryLease;
  done: () => void;
}

export class Consumer {
  readonly events = new Emitter<ConsumerEvents>();
  private state: 'idle' | 'connected' | 'running' | 'stopped' = 'idle';
  private subscriptions: { topic: string | RegExp; fromBeginning: boolean }[] = [];
  private memberId: string | null = null;
  private run_: RunOptions = {};
  /** Handling chains: one per partition (or one for all with partitionsConsumedConcurrently ≤ 1). */
  private readonly lanes = new Map<string, Promise<void>>();
  /** eachBatch: records delivered and not yet handed to the application, per partition. */
  private readonly batches = new Map<string, Queued[]>();
  private lastGeneration = -1;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly engine: Engine,
    readonly opts: ConsumerOptions,
    private readonly access: GroupsAccess,
  ) {
    if (!opts || typeof opts.groupId !== 'string' || opts.groupId === '') throw new IllegalStateError('A consumer needs a groupId: cluster.consumer({ groupId: "my-group" }).');
  }

  on<K extends keyof ConsumerEvents>(event: K, listener: (e: ConsumerEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  async connect(): Promise<void> {
    if (this.state === 'idle' || this.state === 'stopped') this.state = 'connected';
  }

  async subscribe(s: { topic?: string | RegExp; topics?: (string | RegExp)[]; fromBeginning?: boolean }): Promise<void> {
    if (this.state === 'running') throw new IllegalStateError('Cannot subscribe while the consumer is running: subscribe before run().');
    const list = s.topics ?? (s.topic !== undefined ? [s.topic] : []);
    for (const t of list) {
      if (typeof t === 'string') this.engine.topic(t);
      this.subscriptions.push({ topic: t, fromBeginning: s.fromBeginning ?? false });
    }
  }

  private subscribedTopics(): string[] {
    const names = new Set<string>();
    for (const s of this.subscriptions) {
      if (typeof s.topic === 'string') names.add(s.topic);
      else for (const t of this.engine.topics.keys()) if (s.topic.test(t)) names.add(t);
    }
    return [...names];
  }

  private fromBeginning(topic: string): boolean {
    return this.subscriptions.some((s) => (typeof s.topic === 'string' ? s.topic === topic : s.topic.test(topic)) && s.fromBeginning);
  }

  private member(): ConsumerMember | null {
    return this.memberId !== null && this.access.groups.isLive(this.memberId) ? this.access.groups.member(this.memberId) : null;
  }

  async run(options: RunOptions = {}): Promise<void> {
    if (this.state === 'idle') throw new IllegalStateError('The consumer is not connected: call consumer.connect() first.');
    if (this.state === 'running') throw new IllegalStateError('The consumer is already running.');
    if (!options.eachMessage && !options.eachBatch) throw new IllegalStateError('consumer.run needs eachMessage or eachBatch.');
    this.run_ = options;
    this.state = 'running';
    // A reopened cluster's coordinator learns the group's committed offsets from __consumer_offsets.
    await loadCommittedOffsets(this.access, this.opts.groupId);
    const interval = options.autoCommitInterval ?? null;
    const assigners = this.opts.partitionAssigners ?? ['roundrobin'];
    this.memberId = this.access.groups.addMember({
      groupId: this.opts.groupId,
      clientId: this.opts.clientId ?? 'stormbench',
      topics: this.subscribedTopics(),
      assignor: assignorFromName(assigners[0] ?? 'roundrobin'),
      sessionTimeoutMs: this.opts.sessionTimeout ?? 30_000,
      heartbeatIntervalMs: this.opts.heartbeatInterval ?? 3_000,
      maxPollIntervalMs: this.opts.maxPollInterval ?? this.opts.rebalanceTimeout ?? 300_000,
      maxPollRecords: this.opts.maxPollRecords ?? 500,
      pollIntervalMs: IDLE_POLL_MS,
      processingMsPerRecord: 0,
      // kafkajs without an interval or threshold commits after every batch: here, on every poll
      // (only what was handled, and only offsets that moved are written).
      commitMode: options.autoCommit === false ? 'manual' : 'auto',
      autoCommitIntervalMs: interval ?? 0,
      autoOffsetReset: 'latest',
      offsetResetFor: (topic) => (this.fromBeginning(topic) ? 'earliest' : 'latest'),
      onRecord: (topic, partition, _offset, record, lease) => this.enqueue(topic, partition, record, lease),
      onCommit: (offsets) => this.emitCommit(offsets),
      ...(this.opts.groupInstanceId ? { groupInstanceId: this.opts.groupInstanceId } : {}),
    });
  }

  private enqueue(topic: string, partition: number, record: FetchedRecord, lease: DeliveryLease): Promise<void> {
    this.noteGeneration();
    const k = tpKey(topic, partition);
    const lane = (this.run_.partitionsConsumedConcurrently ?? 1) > 1 ? k : '*';
    let done!: () => void;
    const handled = new Promise<void>((resolve) => (done = resolve));
    const queued: Queued = { record: record as FetchedEngineRecord, lease, done };
    if (this.run_.eachBatch) {
      let list = this.batches.get(k);
      if (!list) {
        this.batches.set(k, (list = []));
        this.chain(lane, () => this.handleBatch(topic, partition, k));
      }
      list.push(queued);
      return handled;
    }
    this.chain(lane, () => this.handleMessage(topic, partition, k, queued));
    return handled;
  }

  private chain(lane: string, work: () => Promise<void>): void {
    const next = (this.lanes.get(lane) ?? Promise.resolve()).then(work);
    this.lanes.set(lane, next);
    void next.finally(() => {
      if (this.lanes.get(lane) === next) this.lanes.delete(lane);
    });
  }

  private skip(k: string, lease: DeliveryLease): boolean {
    return this.state !== 'running' || !lease.current() || (this.member()?.paused.has(k) ?? true);
  }

  private async handleMessage(topic: string, partition: number, k: string, q: Queued): Promise<void> {
    if (this.skip(k, q.lease)) return;
    try {
      await this.run_.eachMessage!({ topic, partition, message: toKafkaMessage(q.record), heartbeat: () => Promise.resolve(), pause: () => this.pauseFromHandler(topic, partition) });
    } catch (error) {
      // The record stays "in handling", so nothing from it on is committed.
      return this.crash(error);
    }
    q.done();
  }

  private async handleBatch(topic: string, partition: number, k: string): Promise<void> {
    const queued = (this.batches.get(k) ?? []).filter((q) => !this.skip(k, q.lease));
    this.batches.delete(k);
    if (queued.length === 0) return;
    const messages: KafkaMessage[] = queued.map((q) => toKafkaMessage(q.record));
    const log = this.engine.log(topic, partition);
    let resolvedUpTo = -1;
    const resolveOffset = (offset: string) => {
      resolvedUpTo = Math.max(resolvedUpTo, Number(offset));
    };
    const lease = queued[0]!.lease;
    try {
      await this.run_.eachBatch!({
        batch: new BatchView(topic, partition, String(log.highWatermark), messages),
        resolveOffset,
        heartbeat: () => Promise.resolve(),
        pause: () => this.pauseFromHandler(topic, partition),
        commitOffsetsIfNecessary: async (offsets) => {
          if (offsets) await this.commitOffsets(offsets.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, ...p }))));
        },
        uncommittedOffsets: () => ({ topics: this.uncommitted() }),
        isRunning: () => this.state === 'running',
        isStale: () => !lease.current(),
      });
    } catch (error) {
      return this.crash(error);
    }
    if (this.run_.eachBatchAutoResolve !== false && messages.length > 0) resolveOffset(messages[messages.length - 1]!.offset);
    for (const q of queued) if (q.record.offset <= resolvedUpTo) q.done();
    // Records the handler did not resolve are fetched again, as kafkajs does.
    const firstUnresolved = queued.find((q) => q.record.offset > resolvedUpTo);
    if (firstUnresolved && lease.current()) this.member()?.seek(k, firstUnresolved.record.offset);
  }

  /** A handler threw: kafkajs reports consumer.crash; the record is not committed and the consumer stops. */
  private crash(error: unknown): void {
    this.events.emit('consumer.crash', { error, groupId: this.opts.groupId });
    void this.stop();
  }

  private noteGeneration(): void {
    const m = this.member();
    if (!m || m.generation === this.lastGeneration) return;
    this.lastGeneration = m.generation;
    const assignment: Record<string, number[]> = {};
    for (const [t, p] of m.ownedTuples()) (assignment[t] ??= []).push(p);
    this.events.emit('consumer.group_join', { groupId: this.opts.groupId, memberId: m.id, generationId: m.generation, memberAssignment: assignment });
  }

  private uncommitted(): { topic: string; partitions: { partition: number; offset: string }[] }[] {
    const m = this.member();
    if (!m) return [];
    const committed = this.access.groups.group(this.opts.groupId).committed;
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const [k, off] of m.positions_()) {
      if (committed.get(k) === off) continue;
      const [topic, partition] = splitKey(k);
      let list = byTopic.get(topic);
      if (!list) byTopic.set(topic, (list = []));
      list.push({ partition, offset: String(off) });
    }
    return [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
  }

  /** Commits offsets as given: each is the next offset to read, as in Kafka. */
  async commitOffsets(offsets: TopicPartitionOffsetAndMetadata[]): Promise<void> {
    if (offsets.length === 0) return;
    for (const o of offsets) this.engine.partition(o.topic, o.partition);
    const map = new Map(offsets.map((o) => [tpKey(o.topic, o.partition), Number(o.offset)]));
    const m = this.member();
    if (m) {
      if (!m.commitOffsets(map)) throw new CommitFailedError(this.opts.groupId, m.id, 'the group has rebalanced since these records were fetched');
    } else {
      // Not in the group (before run or after stop): the coordinator accepts a commit for an empty group, as Kafka's does.
      const g = this.access.groups.group(this.opts.groupId);
      if (g.members.size > 0) throw new CommitFailedError(this.opts.groupId, this.opts.clientId ?? 'consumer', 'the group has active members and this consumer is not one of them (run() it first)');
      await this.access.offsets.commit(this.opts.groupId, offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: String(o.offset), metadata: o.metadata ?? null })));
      for (const [k, v] of map) g.committed.set(k, v);
      // (A member's accepted commit is reported by its onCommit, for the offsets that moved.)
      this.emitCommit(map);
    }
    await this.access.persisted();
  }

  private emitCommit(offsets: ReadonlyMap<string, number>): void {
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const [k, offset] of offsets) {
      const [topic, partition] = splitKey(k);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset: String(offset) }]);
    }
    this.events.emit('consumer.commit_offsets', { groupId: this.opts.groupId, memberId: this.memberId ?? '', topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })) });
  }

  /** Moves the next read of a partition to `offset`; records of it in flight become stale. */
  seek({ topic, partition, offset }: TopicPartitionOffset): void {
    const log = this.engine.log(topic, partition);
    const n = Number(offset);
    if (!Number.isInteger(n)) throw new IllegalStateError(`seek offset must be an integer string, got "${offset}".`);
    const target = n === -2 ? log.logStartOffset : n === -1 ? log.highWatermark : n;
    const m = this.member();
    if (!m) throw new IllegalStateError('seek needs a running consumer: call it after consumer.run().');
    m.seek(tpKey(topic, partition), target);
  }

  private pauseFromHandler(topic: string, partition: number): () => void {
    this.pause([{ topic, partitions: [partition] }]);
    return () => this.resume([{ topic, partitions: [partition] }]);
  }

  pause(topics: { topic: string; partitions?: number[] }[]): void {
    const m = this.member();
    if (!m) return;
    for (const { topic, partitions } of topics) {
      for (const p of partitions ?? this.engine.topic(topic).partitions.map((x) => x.partition)) {
        const k = tpKey(topic, p);
        m.paused.add(k);
        // Records fetched but not handled are fetched again after resume, as kafkajs does.
        const next = m.firstUnhandled(k);
        if (next !== null) m.seek(k, next);
      }
    }
  }

  resume(topics: { topic: string; partitions?: number[] }[]): void {
    const m = this.member();
    if (!m) return;
    for (const { topic, partitions } of topics) for (const p of partitions ?? this.engine.topic(topic).partitions.map((x) => x.partition)) m.paused.delete(tpKey(topic, p));
    if (this.memberId) for (const { topic, partitions } of topics) for (const p of partitions ?? []) this.access.groups.wake(topic, p);
  }

  paused_(): { topic: string; partitions: number[] }[] {
    const m = new Map<string, number[]>();
    for (const k of this.member()?.paused ?? []) {
      const [t, p] = splitKey(k);
      m.set(t, [...(m.get(t) ?? []), p]);
    }
    return [...m].map(([topic, partitions]) => ({ topic, partitions }));
  }

  /** The consumer's current position per owned partition (the next offset it will read). */
  positionsSnapshot(): TopicPartitionOffset[] {
    return [...(this.member()?.positions_() ?? [])].map(([k, off]) => {
      const [topic, partition] = splitKey(k);
      return { topic, partition, offset: String(off) };
    });
  }

  async describeGroup(): Promise<GroupDescription> {
    return describeGroup(this.access, this.opts.groupId);
  }

  /** Stops fetching, waits for the records in hand, commits what was handled and leaves the group. */
  async stop(): Promise<void> {
    if (this.state === 'running') {
      this.state = 'stopped';
      const m = this.member();
      // No more fetches; the message in hand finishes (a handler must not await stop() itself).
      if (m) for (const [t, p] of m.ownedTuples()) m.paused.add(tpKey(t, p));
      this.stopping = (async () => {
        await Promise.allSettled([...this.lanes.values()]);
        const id = this.memberId;
        if (id !== null && this.access.groups.isLive(id)) this.access.groups.closeMember(id);
        if (id !== null) this.access.groups.forget(id);
        this.memberId = null;
        await this.access.persisted();
        this.events.emit('consumer.stop', null);
      })();
    }
    await this.stopping;
  }

  async disconnect(): Promise<void> {
    await this.stop();
    this.state = 'idle';
  }
}
