// kafkajs-shaped consumer. It joins its group through the coordinator seam, resolves where to
// start per partition (the committed offset, which is the next offset to read; otherwise
// auto.offset.reset: fromBeginning → earliest, else latest), then fetches up to the high
// watermark and hands records to eachMessage or eachBatch, committing as kafkajs does.
import { Emitter } from '../../lib/emitter';
import type { Engine } from '../broker/engine';
import type { TopicPartitions } from '../coordinator/groupCoordinator';
import { EngineError, IllegalStateError, OffsetOutOfRangeError } from '../errors';
import { BatchView, type EachBatchPayload, type EachMessagePayload } from './consumerBatch';
import { toKafkaMessage } from './messages';
import type { KafkaMessage, TopicPartitionOffset, TopicPartitionOffsetAndMetadata } from './types';

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

const tpKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class Consumer {
  readonly events = new Emitter<ConsumerEvents>();
  private state: 'idle' | 'connected' | 'running' | 'stopped' = 'idle';
  private subscriptions: { topic: string | RegExp; fromBeginning: boolean }[] = [];
  private memberId = '';
  private generationId = 0;
  private assignment: TopicPartitions[] = [];
  private readonly positions = new Map<string, number>();
  private readonly resolved = new Map<string, number>();
  private readonly committed = new Map<string, number>();
  private readonly paused = new Set<string>();
  private readonly stale = new Set<string>();
  private run_: RunOptions = {};
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastCommit = 0;
  /** Set by seek/resume/stop between fetches, so a wake-up is never lost. */
  private kicked = false;
  private stopping: Promise<void> | undefined;
  private uncommittedCount = 0;

  constructor(
    private readonly engine: Engine,
    readonly opts: ConsumerOptions,
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

  async run(options: RunOptions = {}): Promise<void> {
    if (this.state === 'idle') throw new IllegalStateError('The consumer is not connected: call consumer.connect() first.');
    if (this.state === 'running') throw new IllegalStateError('The consumer is already running.');
    if (!options.eachMessage && !options.eachBatch) throw new IllegalStateError('consumer.run needs eachMessage or eachBatch.');
    this.run_ = options;
    this.state = 'running';
    await this.join();
    // Starting positions are fixed now, as kafkajs does on the first fetch after joining, so
    // "latest" means the end of the log when run() was called.
    for (const { topic, partitions } of this.assignment) for (const p of partitions) if (this.engine.topics.has(topic)) await this.position(topic, p);
    this.lastCommit = this.engine.clock.now();
    this.loop = this.runLoop();
  }

  private async join(): Promise<void> {
    const r = await this.engine.coordinator.join({
      groupId: this.opts.groupId,
      memberId: this.memberId,
      clientId: this.opts.clientId ?? 'stormbench',
      topics: this.subscribedTopics(),
      sessionTimeout: this.opts.sessionTimeout ?? 30_000,
      rebalanceTimeout: this.opts.rebalanceTimeout ?? 60_000,
      heartbeatInterval: this.opts.heartbeatInterval ?? 3_000,
      assigners: this.opts.partitionAssigners ?? ['roundrobin'],
      ...(this.opts.groupInstanceId ? { groupInstanceId: this.opts.groupInstanceId } : {}),
    });
    this.memberId = r.memberId;
    this.generationId = r.generationId;
    this.setAssignment(r.assignment);
    this.events.emit('consumer.group_join', {
      groupId: this.opts.groupId,
      memberId: r.memberId,
      generationId: r.generationId,
      memberAssignment: Object.fromEntries(r.assignment.map((a) => [a.topic, a.partitions])),
    });
  }

  private setAssignment(a: TopicPartitions[]): void {
    const keep = new Set(a.flatMap((x) => x.partitions.map((p) => tpKey(x.topic, p))));
    for (const k of [...this.positions.keys()]) if (!keep.has(k)) this.positions.delete(k);
    this.assignment = a;
  }

  private async position(topic: string, partition: number): Promise<number> {
    const k = tpKey(topic, partition);
    const known = this.positions.get(k);
    if (known !== undefined) return known;
    const log = this.engine.log(topic, partition);
    const committed = (await this.engine.coordinator.fetchCommitted(this.opts.groupId, [topic])).find((c) => c.partition === partition);
    let pos = committed && committed.offset !== '-1' ? Number(committed.offset) : NaN;
    if (Number.isNaN(pos) || pos < log.logStartOffset || pos > log.logEndOffset) pos = this.fromBeginning(topic) ? log.logStartOffset : log.highWatermark;
    this.positions.set(k, pos);
    if (committed && committed.offset !== '-1') this.committed.set(k, Number(committed.offset));
    return pos;
  }

  private async runLoop(): Promise<void> {
    try {
      while (this.state === 'running') {
        this.kicked = false;
        const fresh = this.engine.coordinator.assignment(this.opts.groupId, this.memberId);
        if (JSON.stringify(fresh) !== JSON.stringify(this.assignment)) this.setAssignment(fresh);
        let delivered = 0;
        for (const { topic, partitions } of this.assignment) {
          for (const partition of partitions) {
            if (this.state !== 'running') return;
            const k = tpKey(topic, partition);
            if (this.paused.has(k) || !this.engine.topics.has(topic)) continue;
            const log = this.engine.log(topic, partition);
            const pos = await this.position(topic, partition);
            let records;
            try {
              records = await log.read(pos, { maxBytes: this.opts.maxBytesPerPartition ?? 1 << 20 });
            } catch (e) {
              if (!(e instanceof OffsetOutOfRangeError)) throw e;
              this.positions.set(k, this.fromBeginning(topic) ? log.logStartOffset : log.highWatermark);
              delivered++;
              continue;
            }
            if (records.length === 0) continue;
            delivered += records.length;
            this.stale.delete(k);
            await this.deliver(topic, partition, records.map(toKafkaMessage), log.highWatermark);
            await this.commitIfNecessary();
          }
        }
        if (delivered === 0 && this.state === 'running') await this.waitForData();
      }
    } catch (e) {
      this.state = 'stopped';
      this.events.emit('consumer.crash', { error: e, groupId: this.opts.groupId });
    }
    if (this.run_.autoCommit !== false) {
      try {
        await this.commitResolved();
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
      }
    }
  }

  private async deliver(topic: string, partition: number, messages: KafkaMessage[], hw: number): Promise<void> {
    const k = tpKey(topic, partition);
    const resolve = (offset: string) => {
      if (this.stale.has(k)) return;
      const next = Number(offset) + 1;
      this.positions.set(k, next);
      this.resolved.set(k, next);
      this.uncommittedCount++;
    };
    const pause = () => {
      this.pause([{ topic, partitions: [partition] }]);
      return () => this.resume([{ topic, partitions: [partition] }]);
    };
    const heartbeat = () => this.engine.coordinator.heartbeat(this.opts.groupId, this.memberId, this.generationId);
    await this.handle(topic, partition, k, messages, hw, resolve, pause, heartbeat);
  }

  private async handle(topic: string, partition: number, k: string, messages: KafkaMessage[], hw: number, resolve: (o: string) => void, pause: () => () => void, heartbeat: () => Promise<void>): Promise<void> {
    if (this.run_.eachBatch) {
      const batch = new BatchView(topic, partition, String(hw), messages);
      await this.run_.eachBatch({
        batch,
        resolveOffset: resolve,
        heartbeat,
        pause,
        commitOffsetsIfNecessary: (offsets?: { topics: { topic: string; partitions: { partition: number; offset: string }[] }[] }) => (offsets ? this.commitOffsets(offsets.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, ...p })))) : this.commitIfNecessary()),
        uncommittedOffsets: () => ({ topics: this.uncommitted() }),
        isRunning: () => this.state === 'running',
        isStale: () => this.stale.has(k),
      });
      if (this.run_.eachBatchAutoResolve !== false && messages.length > 0 && !this.stale.has(k)) resolve(messages[messages.length - 1]!.offset);
      return;
    }
    for (const message of messages) {
      if (this.state !== 'running' || this.paused.has(k) || this.stale.has(k)) return;
      await this.run_.eachMessage!({ topic, partition, message, heartbeat, pause });
      resolve(message.offset);
    }
  }

  private uncommitted(): { topic: string; partitions: { partition: number; offset: string }[] }[] {
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const [k, off] of this.resolved) {
      if (this.committed.get(k) === off) continue;
      const [topic, p] = k.split('\u0000') as [string, string];
      let list = byTopic.get(topic);
      if (!list) byTopic.set(topic, (list = []));
      list.push({ partition: Number(p), offset: String(off) });
    }
    return [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
  }

  private async commitIfNecessary(): Promise<void> {
    if (this.run_.autoCommit === false) return;
    const interval = this.run_.autoCommitInterval ?? null;
    const threshold = this.run_.autoCommitThreshold ?? null;
    const now = this.engine.clock.now();
    const due = (interval === null && threshold === null) || (interval !== null && now - this.lastCommit >= interval) || (threshold !== null && this.uncommittedCount >= threshold);
    if (due) await this.commitResolved();
  }

  private async commitResolved(): Promise<void> {
    const topics = this.uncommitted();
    if (topics.length === 0) return;
    await this.commitOffsets(topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, ...p }))));
  }

  /** Commits offsets as given: each is the next offset to read, as in Kafka. */
  async commitOffsets(offsets: TopicPartitionOffsetAndMetadata[]): Promise<void> {
    if (offsets.length === 0) return;
    for (const o of offsets) this.engine.partition(o.topic, o.partition);
    await this.engine.coordinator.commit(this.opts.groupId, offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: String(o.offset), metadata: o.metadata ?? null })), this.memberId, this.generationId);
    for (const o of offsets) this.committed.set(tpKey(o.topic, o.partition), Number(o.offset));
    this.lastCommit = this.engine.clock.now();
    this.uncommittedCount = 0;
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const o of offsets) byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), { partition: o.partition, offset: String(o.offset) }]);
    this.events.emit('consumer.commit_offsets', { groupId: this.opts.groupId, memberId: this.memberId, topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })) });
  }

  /** Moves the next read of a partition to `offset`; a batch in flight for it becomes stale. */
  seek({ topic, partition, offset }: TopicPartitionOffset): void {
    const log = this.engine.log(topic, partition);
    const n = Number(offset);
    if (!Number.isInteger(n)) throw new IllegalStateError(`seek offset must be an integer string, got "${offset}".`);
    const k = tpKey(topic, partition);
    const target = n === -2 ? log.logStartOffset : n === -1 ? log.highWatermark : n;
    this.positions.set(k, target);
    this.resolved.set(k, target);
    this.stale.add(k);
    this.kick();
  }

  pause(topics: { topic: string; partitions?: number[] }[]): void {
    for (const { topic, partitions } of topics) for (const p of partitions ?? this.engine.topic(topic).partitions.map((x) => x.partition)) this.paused.add(tpKey(topic, p));
  }

  resume(topics: { topic: string; partitions?: number[] }[]): void {
    for (const { topic, partitions } of topics) for (const p of partitions ?? this.engine.topic(topic).partitions.map((x) => x.partition)) this.paused.delete(tpKey(topic, p));
    this.kick();
  }

  paused_(): { topic: string; partitions: number[] }[] {
    const m = new Map<string, number[]>();
    for (const k of this.paused) {
      const [t, p] = k.split('\u0000') as [string, string];
      m.set(t, [...(m.get(t) ?? []), Number(p)]);
    }
    return [...m].map(([topic, partitions]) => ({ topic, partitions }));
  }

  /** The consumer's current position per assigned partition (the next offset it will read). */
  positionsSnapshot(): TopicPartitionOffset[] {
    return [...this.positions].map(([k, off]) => {
      const [topic, p] = k.split('\u0000') as [string, string];
      return { topic, partition: Number(p), offset: String(off) };
    });
  }

  async describeGroup() {
    return this.engine.coordinator.describe(this.opts.groupId);
  }

  private kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  private waitForData(): Promise<void> {
    return new Promise((resolve) => {
      if (this.kicked) return resolve();
      const offs: (() => void)[] = [];
      let timer = -1;
      const done = () => {
        for (const off of offs) off();
        if (timer >= 0) this.engine.clock.clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      this.wake = done;
      for (const { topic, partitions } of this.assignment) {
        if (!this.engine.topics.has(topic)) continue;
        for (const p of partitions) {
          const log = this.engine.log(topic, p);
          offs.push(log.events.on('highWatermark', done));
          const pos = this.positions.get(tpKey(topic, p));
          // Data that arrived between the last fetch and now must not wait for the timer.
          if (!this.paused.has(tpKey(topic, p)) && (pos === undefined || pos < log.highWatermark)) {
            queueMicrotask(done);
          }
        }
      }
      timer = this.engine.clock.setTimeout(done, this.opts.maxWaitTimeInMs ?? 5000);
    });
  }

  async stop(): Promise<void> {
    if (this.state === 'running') {
      this.state = 'stopped';
      this.kick();
      // Waits for the message in hand and the final commit, as kafkajs does: a handler must
      // not await stop() or disconnect() (that would wait for itself); it can call them
      // without await.
      this.stopping = (this.loop ?? Promise.resolve()).catch(() => undefined).then(() => this.events.emit('consumer.stop', null));
    }
    await this.stopping;
  }

  async disconnect(): Promise<void> {
    await this.stop();
    if (this.memberId) await this.engine.coordinator.leave(this.opts.groupId, this.memberId);
    this.memberId = '';
    this.state = 'idle';
  }
}
