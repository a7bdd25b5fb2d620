// A board running on the simulated cluster: compiles the board, creates its topics, starts
// each service's instances (consumer group members running the shared handler runtime) and the
// actors' load, and moves simulated time in fixed 10 ms steps so a run depends only on the
// board, the seed and the schedule of controls — never on how fast the host runs it.
import type { VirtualClock } from '../lib/clock';
import { yieldMacrotask } from '../lib/yieldMacrotask';
import { createRng, type Rng } from '../lib/rng';
import type { Board } from '../model';
import { compileTopology, hasErrors, runtime, type Topology } from '../topology';
import { Actors } from './actors';
import { AggregateEventStore } from './aggregateEventStore';
import { createCluster, derivedOf, latestByKey, type AssignorName, type Cluster, type ConsumedRecord, type StampedEvent } from './engineApi';
import { BoardNotRunnableError, InvalidSimOptionError, StoredRunError } from './errors';
import { discardRun, loadRunState, saveRunState, type RunStorage } from './runStore';
import { READABLE_RUN_VERSIONS, STORED_RUN_VERSION, topologySignature, type StoredRunState } from './storedRun';
import { RunRecorder, type RunAction, type RunRecording } from './runRecording';
import { FlowCounters } from './flowCounters';
import { buildGroupRoles, type GroupRole } from './groupRoles';
import type { KeyDistribution } from './keyDistribution';
import { SimLifecycle, type SimState } from './lifecycle';
import { topicConfigEntries } from './topicConfigs';
import { recordText } from './storedRecords';
import { ConsumedWire, type ValueReader } from './consumedWire';
import { EventSchemas } from './eventSchemas';
import { checkRate, checkSpeed, resolveSimOptions, topicMinInsync, type SimOptions } from './options';
import { InstanceTopics } from './instanceTopics';
import { ProducerPort } from './producerPort';
import type { LiveReadModel } from './liveReadModel';
import { RingSeries } from './ringSeries';
import { LagHealthTracker } from './lagHealth/lagHealthTracker';
import { RebalanceHistory, type RebalanceHistoryView } from './rebalanceHistory';
import { currentCauses, ImpactTracker } from './businessImpact';
import { ServiceInstances } from './serviceInstances';
import { buildSnapshot } from './buildSnapshot';
import { buildStructure, type SimStructure } from './structure';
import type { SimSeries, SimSnapshot } from './simSnapshot';

export const STEP_MS = 10;
/** Awaited to let one turn of microtasks run (one resolved promise, not a new one per turn). */
const RESOLVED = Promise.resolve();
const SAMPLE_MS = 500;
/**
 * How often consumers look for new topics matching their pattern. Kafka's metadata.max.age.ms
 * is 5 minutes; 5 s here, so a workshop sees new instance topics join within a few seconds.
 */
const METADATA_REFRESH_MS = 5_000;
const SERIES_CAPACITY = 720;
const TIMELINE_KEEP = 80;
/** Handler timestamps start here, so payload times look like real dates. */
export const SIM_EPOCH_MS = 1_700_000_000_000;
const TIMELINE_TYPES = new Set<StampedEvent['type']>([
  'leader-elected', 'partition-offline', 'isr-shrunk', 'isr-expanded', 'truncated', 'records-lost',
  'broker-stopped', 'broker-started', 'broker-crashed', 'broker-isolated', 'broker-fenced', 'healed',
  'rebalance-started', 'rebalance-finished', 'member-joined', 'member-left', 'member-expired',
]);

export class Simulation {
  readonly topology: Topology;
  readonly options: SimOptions;
  private readonly lifecycle = new SimLifecycle();
  private readonly rng: Rng;
  private cluster: Cluster | null = null;
  private storage: RunStorage | null = null;
  private checkpointing: Promise<void> | null = null;
  /** Simulated time the checkpoint being written captured. */
  private checkpointingAt = -1;
  /** Simulated time of the last checkpoint written (what a reload brings back), null before the first. */
  private storedAt: number | null = null;
  private roles: GroupRole[] = [];
  private instances: ServiceInstances | null = null;
  private actors: Actors | null = null;
  private producer: ProducerPort | null = null;
  /** The board's event schemas in this run's registry (eventSchemas.ts). */
  private schemas: EventSchemas | null = null;
  readonly flow = new FlowCounters();
  readonly tables = new Map<string, LiveReadModel>();
  private readonly stores = new Map<string, AggregateEventStore>();
  private readonly lanes = new Map<string, Promise<unknown>>();
  private waitingAcks = 0;
  /** Handler work scheduled and not finished yet (bounded by max.poll.records per member). */
  private queued = 0;
  private series: RingSeries | null = null;
  private lagHealth: LagHealthTracker | null = null;
  private rebalances: RebalanceHistory | null = null;
  private readonly impacts = new ImpactTracker();
  private nextSampleAt = SAMPLE_MS;
  private samples = 0;
  private instanceTopics: InstanceTopics | null = null;
  private seenTopics = 0;
  private nextRefreshAt = METADATA_REFRESH_MS;
  private readonly timeline: StampedEvent[] = [];
  private lastSample = { produced: 0, consumed: 0, topics: new Map<string, number>(), groups: new Map<string, number>() };
  rates = { topics: {} as Record<string, number>, groups: {} as Record<string, number> };
  /** The user's actions with their simulated times (runRecording.ts): what an exact replay repeats. */
  private recorder: RunRecorder;
  /** An action was applied since the last step: the next step first lets the work it released run. */
  private settle = false;

  constructor(
    readonly board: Board,
    options: Partial<SimOptions> = {},
  ) {
    this.options = resolveSimOptions(options);
    this.rng = createRng(this.options.seed).fork('sim');
    this.recorder = new RunRecorder(board, { ...this.options });
    this.topology = compileTopology(board);
    if (hasErrors(this.topology)) {
      const errors = this.topology.problems.filter((p) => p.severity === 'error');
      throw new BoardNotRunnableError(`The board has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before it can run: ${errors[0]!.message}`, errors);
    }
    if (this.topology.aggregates.length === 0) throw new BoardNotRunnableError('The board has no aggregate to send commands to: add an aggregate with its commands and events.');
  }

  get state(): SimState {
    return this.lifecycle.state;
  }

  get now(): number {
    return this.cluster?.now() ?? 0;
  }

  /**
   * Creates the cluster (the engine's createCluster on a virtual clock), the board's topics with
   * their configs, the services and the load. With `storage`, the run is durable: every replica
   * is an IndexedDB-backed PartitionLog and checkpoint() stores the rest, so a reload can
   * restore() it; a run stored before for this board is discarded first.
   */
  async start(storage?: RunStorage): Promise<void> {
    this.lifecycle.apply('start');
    if (storage) await discardRun(storage);
    this.storage = storage ?? null;
    const cluster = await this.openCluster(0);
    this.build(cluster, null);
    for (const s of this.topology.services) for (let i = 0; i < Math.max(1, s.instances); i++) this.instances!.add(s.id);
  }

  /**
   * The board's stored run, back as it was at its last checkpoint and paused; null when the board
   * has none. Consumers rejoin their groups (a new generation) from their committed offsets, so
   * what was handled after the last commit is delivered again and counts as duplicates; read
   * models are rebuilt from their table topics, event streams from the event topics.
   */
  static async restore(board: Board, storage: RunStorage): Promise<Simulation | null> {
    let state: StoredRunState | null;
    try {
      state = (await loadRunState(storage)) as StoredRunState | null;
    } catch (e) {
      throw new StoredRunError(`The stored run could not be read (${(e as Error).message}); start a new run.`);
    }
    if (!state) return null;
    const sim = new Simulation(board, state.options);
    if (!READABLE_RUN_VERSIONS.includes(state.version) || state.signature !== topologySignature(sim.topology)) {
      await discardRun(storage);
      throw new StoredRunError(`"${state.boardName}" changed since its run was stored (topics or consumer groups), so that run was discarded: start a new one.`, { stored: state.signature });
    }
    sim.lifecycle.apply('restore');
    sim.storage = storage;
    sim.storedAt = state.at;
    // A run stored before recordings existed replays nothing: its mark sits at time 0.
    const rec = state.recording;
    sim.recorder = rec ? new RunRecorder(rec.board, rec.options, rec.actions) : new RunRecorder(board, { ...state.options });
    sim.recorder.add(rec ? state.at : 0, { kind: 'restored' });
    const cluster = await sim.openCluster(state.at);
    sim.build(cluster, state);
    await sim.restoreState(cluster, state);
    return sim;
  }

  /** The cluster with the board's topics (a restored cluster already has them: they are kept). */
  private async openCluster(startAt: number): Promise<Cluster> {
    const o = this.options;
    const s = this.storage;
    const cluster = await createCluster({
      brokers: o.brokers,
      clock: 'virtual',
      startAt,
      seed: o.seed,
      // A stored run keeps its records resident (the record budget bounds them), so consumers
      // read from memory and storage is only written, at checkpoints.
      ...(s ? { storage: { indexedDB: s.indexedDB, name: s.name, durability: 'relaxed' as const, cacheBytes: 64 * 1024 * 1024, ...(s.IDBKeyRange ? { IDBKeyRange: s.IDBKeyRange } : {}), ...(s.beforeCommit ? { beforeCommit: s.beforeCommit } : {}) } } : {}),
      // Retention and compaction checked every second (Kafka: 5 minutes and 15 s) so a
      // workshop sees them happen; the record budget keeps a long run's memory bounded.
      cleanerIntervalMs: 1_000,
      // Records carry dates (SIM_EPOCH_MS + simulated time): the cleaner's time rules read them so.
      clockEpochMs: SIM_EPOCH_MS,
      replication: {
        minInsyncReplicas: o.minInsyncReplicas,
        autoLeaderRebalance: true,
        recordBudget: o.recordBudget,
        retentionCheckIntervalMs: 1_000,
        // A stored run's logs reach IndexedDB at its checkpoints (every few seconds, at pause and
        // page hide), off the hot path, rather than at every broker's 1 s flush.
        // Answers do not wait for storage either (Kafka's default log.flush.interval.messages).
        ...(s ? { flushIntervalMs: 30_000, flushIntervalMessages: Number.MAX_SAFE_INTEGER } : {}),
      },
      groups: { lagSamplesKept: 60, initialRebalanceDelayMs: 3_000 },
      // A paused run leaves acks=all answers waiting on its clock for as long as it likes.
      virtualStallMs: 0,
    });
    this.cluster = cluster;
    for (const t of this.topology.topics) {
      if (t.perInstance) continue; // a name prefix: instance topics are created as aggregates appear
      const rf = this.replicationFactor(t);
      if (!cluster.engine.topics.has(t.name)) await cluster.engine.createTopic(t.name, t.partitions, topicConfigEntries(t, topicMinInsync(o, rf)), rf);
    }
    this.schemas = await EventSchemas.register(cluster, this.topology, this.board, { oldProducers: o.oldProducers, onOldWrite: () => this.flow.oldProducerEvents++ });
    return cluster;
  }

  /** Old and new producers side by side: whether an old consumer could read this delivered record too. */
  private countOldConsumer(value: Uint8Array): void {
    const ok = this.schemas!.readByOldConsumer(value);
    if (ok === true) this.flow.oldConsumerReads++;
    else if (ok === false) this.flow.oldConsumerFailures++;
  }

  /** A topic's replicas in this run: the run's setting, else the board's, at most the brokers. */
  private replicationFactor(t: { replicationFactor: number }): number {
    return Math.min(this.options.replicationFactor ?? t.replicationFactor, this.options.brokers);
  }

  /** Event stores, groups, timeline, actors and instances over the cluster (a restore brings its own instances). */
  private build(cluster: Cluster, restoring: StoredRunState | null): void {
    const o = this.options;
    const rfOf = (t: { replicationFactor: number }) => this.replicationFactor(t);
    const instanceTopics = new InstanceTopics(cluster.engine, this.topology.topics, rfOf, (rf) => topicMinInsync(o, rf));
    this.instanceTopics = instanceTopics;
    const acks = () => this.options.acks;
    this.producer = new ProducerPort(cluster, this.topology, acks, this.flow);
    for (const agg of this.topology.aggregates) {
      const topic = this.producer.topicName(agg.eventTopicId);
      const spec = this.topology.topics.find((x) => x.id === agg.eventTopicId);
      if (!topic || !spec) continue;
      const store = new AggregateEventStore(cluster, topic, agg.typeName, spec.keyPrefixedByType, acks, {
        wrote: (tp, n) => this.flow.wrote(tp, n),
        waiting: (d) => (this.waitingAcks += d),
        retried: () => this.flow.sendRetries++,
      });
      if (spec.perInstance) store.instanceTopic = (id) => instanceTopics.ensure(topic, id);
      const schemas = this.schemas!;
      store.encodeValue = (e) => schemas.encode(e);
      store.valueText = schemas.valueText;
      this.stores.set(agg.elementId, store);
    }
    this.roles = buildGroupRoles({
      topology: this.topology,
      producer: this.producer,
      flow: this.flow,
      stores: this.stores,
      tables: this.tables,
      env: (label) => this.env(label),
      serialise: (lane, work) => this.serialise(lane, work),
      encodeEvent: (e) => this.schemas!.encode(e),
    });
    const byGroup = new Map(this.roles.map((r) => [r.groupId, r]));
    const rebalances = new RebalanceHistory(this.roles.map((r) => r.groupId));
    this.rebalances = rebalances;
    // A record its handler cannot read (a test message without the event's headers, a payload
    // no schema accepts) is a handler error, counted, and the group goes on to the next one.
    const failed = () => void this.flow.handlerErrors++;
    const wireOf = wireMaker(this.schemas!);
    cluster.groups.onDeliver((group, topic, partition, _offset, _id, lease, record) => {
      const role = byGroup.get(group);
      if (this.options.oldProducers && (record as ConsumedRecord).value) this.countOldConsumer((record as ConsumedRecord).value!);
      if (!role) return;
      try {
        // A role's promise never rejects (serialise counts its failures).
        return role.handle(derivedOf(record as ConsumedRecord, wireOf), topic, partition, lease);
      } catch {
        return failed();
      }
    });
    cluster.replication.onEvent((e) => {
      rebalances.onEvent(e);
      if (!TIMELINE_TYPES.has(e.type)) return;
      // The cluster's own topics (__consumer_offsets) fail over too; the timeline tells the board's story.
      if ('topic' in e && typeof e.topic === 'string' && e.topic.startsWith('__')) return;
      this.timeline.push(e);
      if (this.timeline.length > TIMELINE_KEEP) this.timeline.shift();
    });
    // A restored run's load draws from a new stream (where the old one stood is not stored).
    const actorsRng = restoring ? this.rng.fork(`actors@${restoring.at}`) : this.rng.fork('actors');
    this.actors = new Actors(this.topology, this.producer, actorsRng, this.env('actors'), o.commandsPerSecond, o.aggregateIds, o.keys);
    // Per-instance topics of the aggregates the actors address exist from the start.
    if (restoring) instanceTopics.adopt(cluster.engine.topics.keys());
    for (const agg of this.topology.aggregates) {
      const spec = this.topology.topics.find((x) => x.id === agg.eventTopicId);
      if (spec?.perInstance) for (const id of this.actors.idsFor(agg.elementId)) instanceTopics.ensure(spec.name, id);
    }
    this.seenTopics = instanceTopics.version;
    this.instances = new ServiceInstances(
      cluster,
      this.topology.services,
      this.roles,
      () => ({ assignor: this.options.assignor, sessionTimeoutMs: this.options.sessionTimeoutMs, processingMsPerRecord: 1 }),
      (r) => instanceTopics.expand(r.topics),
    );
    this.series = new RingSeries(SERIES_CAPACITY, [...this.roles.map((r) => `lag:${r.groupId}`), 'produced/s', 'consumed/s']);
    const health = new LagHealthTracker(this.roles.map((r) => r.groupId), {
      partitionCount: (t) => cluster.engine.topics.get(t)?.partitions.length ?? 0,
      highWatermark: (t, p) => cluster.replication.offsets(t, p)?.high ?? null,
    });
    cluster.groups.onCommit((g, offsets, at) => health.commit(g, offsets, at));
    this.lagHealth = health;
  }

  /** A stored run's state over its restored cluster. */
  private async restoreState(cluster: Cluster, state: StoredRunState): Promise<void> {
    cluster.replication.core.ledger.restoreCounters(state.ledger);
    this.flow.restoreState(state.flow);
    cluster.groups.restoreDeliveries(state.deliveries);
    // OffsetFetch, as a joining consumer does: each group's committed offsets from
    // __consumer_offsets, so a paused restored run shows its lag and its members resume there.
    const admin = cluster.admin();
    for (const r of this.roles) await admin.fetchOffsets({ groupId: r.groupId });
    for (const proj of this.topology.projectors) {
      const topic = this.producer!.topicName(proj.tableTopicId);
      const table = this.tables.get(proj.elementId);
      if (topic && table) for (const row of await latestRows(cluster, topic)) table.load(row);
    }
    this.instances!.restoreState(state.instances);
    this.timeline.push(...state.timeline.slice(-TIMELINE_KEEP));
    this.series!.restore(state.series);
    if (state.lagHistory) this.lagHealth!.history.restore(state.lagHistory.columns, state.lagHistory.bucketMs);
    if (state.rebalances) this.rebalances!.restore(state.rebalances, state.at);
    this.samples = state.samples;
    this.nextSampleAt = state.nextSampleAt;
    this.nextRefreshAt = state.nextRefreshAt;
    this.lastSample.produced = state.ledger.produced;
    this.lastSample.consumed = state.ledger.consumed;
    for (const [t, n] of this.flow.produced) this.lastSample.topics.set(t, n);
    for (const [g, n] of this.flow.handled) this.lastSample.groups.set(g, n);
  }

  /** Whether this run is stored (survives a reload). */
  get durable(): boolean {
    return this.storage !== null;
  }

  /**
   * Stores the run as it is at this instant: the run's state is captured now, every replica's
   * log is flushed to IndexedDB (each flush takes what the log holds now; the run goes on while
   * the writes complete), then the state is written — so the stored logs always reach at least
   * as far as the stored state. One checkpoint at a time: a call while one of the same instant
   * is being written gets that one, a later instant's is written after it. Called every few seconds while the run goes, at pause, stop and page hide.
   */
  checkpoint(): Promise<void> {
    const cluster = this.cluster;
    const storage = this.storage;
    if (!cluster || !storage) return Promise.resolve();
    if (this.checkpointing) {
      // The one being written is of this instant, or an older one: then this instant's follows it
      // (a pause right after a slow checkpoint must not leave the older instant stored).
      if (this.checkpointingAt === cluster.now()) return this.checkpointing;
      return this.checkpointing.catch(() => undefined).then(() => this.checkpoint());
    }
    const state = this.storedState(cluster);
    // The high watermarks of this same instant: a reload shows what the run showed, records not
    // yet replicated included (above the mark until the followers fetch them).
    const marks = cluster.saveHighWatermarks();
    marks.catch(() => undefined); // reported by the Promise.all below, not as unhandled meanwhile
    // The coordinators already show the offsets they accepted, and a reload reads them back
    // from __consumer_offsets: their records must be in the logs the checkpoint flushes.
    const done = cluster
      .commitsWritten()
      .then(() => {
        const flushes: Promise<void>[] = [marks];
        for (const t of cluster.engine.topics.values()) for (const p of t.partitions) for (const log of p.logs.values()) flushes.push(log.flush());
        return Promise.all(flushes);
      })
      .then(() => saveRunState(storage, state))
      .then(() => {
        this.storedAt = state.at;
      })
      .catch((e: unknown) => {
        throw new StoredRunError(`The run could not be stored (${(e as Error).message || 'browser storage refused it'}): it keeps going in memory, but will not survive a reload.`);
      })
      .finally(() => {
        this.checkpointing = null;
      });
    this.checkpointing = done;
    this.checkpointingAt = state.at;
    return done;
  }

  private storedState(cluster: Cluster): StoredRunState {
    return {
      version: STORED_RUN_VERSION,
      boardName: this.topology.boardName,
      signature: topologySignature(this.topology),
      options: { ...this.options },
      at: cluster.now(),
      ledger: cluster.replication.core.ledger.counters(),
      flow: this.flow.exportState(),
      instances: this.instances!.exportState(),
      deliveries: cluster.groups.deliveries(),
      timeline: [...this.timeline],
      series: this.series!.export().map((c) => Array.from(c)),
      samples: this.samples,
      nextSampleAt: this.nextSampleAt,
      nextRefreshAt: this.nextRefreshAt,
      recording: this.recording(),
      lagHistory: { columns: this.lagHealth!.history.export().map((c) => Array.from(c)), bucketMs: this.lagHealth!.history.bucketMs },
      ...(this.rebalances ? { rebalances: this.rebalances.view(cluster.now(), (g) => cluster.groups.rebalances(g)) } : {}),
    };
  }

  /** Deletes the stored run of this simulation (its logs and state); it goes on in memory until stopped. */
  /**
   * Storage refused a checkpoint (full, or blocked): the run goes on in memory and is no longer
   * stored. Its stored state goes now, so a reload finds no half-stored run; the logs' database
   * goes once the run's cluster closes (its logs still read paged-out records from it, and keep
   * in memory what storage refused).
   */
  async keepInMemory(): Promise<void> {
    const storage = this.storage;
    if (!storage) return;
    this.storage = null;
    await discardRun(storage);
  }

  async discard(): Promise<void> {
    const storage = this.storage;
    if (!storage) return;
    this.storage = null;
    if (this.cluster) await this.cluster.close();
    await discardRun(storage);
  }

  private env(label: string): runtime.HandlerEnv {
    const r = this.rng.fork(`env:${label}`);
    return { random: () => r.next(), now: () => SIM_EPOCH_MS + this.now };
  }

  private serialise(lane: string, work: () => Promise<unknown>): Promise<void> {
    const prev = this.lanes.get(lane) ?? RESOLVED;
    this.queued++;
    const settle = (): void => {
      this.queued--;
      if (this.lanes.get(lane) === next) this.lanes.delete(lane);
    };
    // then() rather than finally(): finally() costs two more promises and turns per handled
    // record. A failure is counted here, so the delivery needs no catch() of its own.
    const next: Promise<void> = prev.then(work).then(settle, () => {
      settle();
      this.flow.handlerErrors++;
    });
    this.lanes.set(lane, next);
    return next;
  }

  /**
   * Work that can go on at this instant: a fetch from storage that will deliver records, or a
   * handler lane not waiting for an ack. The engine's background work (the log cleaner, writes
   * to IndexedDB) is not waited for: it changes nothing the run's handlers see at this instant,
   * as a broker's cleaner and disk run beside its request handling.
   */
  private runnable(): boolean {
    return this.cluster!.groups.fetchesInFlight > 0 || this.lanes.size > this.waitingAcks;
  }

  /**
   * Lets fetches and handler work run until every busy lane waits on an acks=all answer (which
   * needs time to move), so the outcome never depends on how many steps the host ran per tick.
   */
  private async drain(): Promise<void> {
    const groups = this.cluster!.groups;
    const engine = this.cluster!.engine;
    const durable = engine.backend.kind === 'indexedDB';
    for (let guard = 0; guard < 100_000 && this.runnable(); guard++) {
      // Storage answers in later macrotasks (a fetch, an event store's index read from IndexedDB,
      // any storage request the engine tracks); handler work in microtasks.
      // With IndexedDB, handler work may also wait on a write it started (a new topic's metadata):
      // now and then let one through (every turn would crawl while a checkpoint's writes run).
      if (groups.fetchesInFlight > 0 || engine.storageReadsInFlight > 0 || (durable && guard % 32 === 31)) await yieldMacrotask();
      else await RESOLVED;
    }
  }

  /**
   * One step of simulated time, stopping at every instant a timer falls due so handler work an
   * answer unblocks (an acks=all append acknowledged, records fetched) runs at that instant, not
   * at the end of the step: a command handler's next command waits for its ack, not for the step.
   */
  private async advanceStep(clock: VirtualClock): Promise<void> {
    const end = clock.now() + STEP_MS;
    for (let at = clock.nextDueAt(); at !== null && at <= end; at = clock.nextDueAt()) {
      clock.advance(at - clock.now());
      if (this.runnable()) await this.drain();
    }
    clock.advance(end - clock.now());
    await this.drain();
  }

  /** Moves simulated time by `ms` (rounded down to whole steps) while running. */
  async advance(ms: number): Promise<void> {
    this.lifecycle.apply('tick');
    await this.run(ms, true);
  }

  /** While paused: one step of `ms` simulated time. */
  async step(ms = 100): Promise<void> {
    this.lifecycle.apply('step');
    await this.run(ms, false);
  }

  /** `ticking`: a running run's time, which stops at the end of the step in which it was paused or stopped. */
  private async run(ms: number, ticking: boolean): Promise<void> {
    const cluster = this.cluster!;
    const steps = Math.max(0, Math.floor(ms / STEP_MS));
    for (let i = 0; i < steps; i++) {
      if (ticking && this.lifecycle.state !== 'running') break;
      if (this.settle) {
        // A fault or control resolves and rejects waiting promises (acks, retries): that work
        // runs before the step's commands, whether or not the host gave it a turn of its event
        // loop first, so where an action came in never changes what follows it.
        this.settle = false;
        await yieldMacrotask();
        await this.drain();
      }
      this.actors!.step(STEP_MS);
      await this.advanceStep(cluster.clock as VirtualClock);
      if (cluster.now() >= this.nextRefreshAt) {
        this.refreshMetadata();
        this.nextRefreshAt += METADATA_REFRESH_MS;
      }
      if (cluster.now() >= this.nextSampleAt) {
        this.sample();
        this.nextSampleAt += SAMPLE_MS;
      }
    }
  }

  /** Pattern subscriptions pick up new instance topics (and rebalance), as Kafka's consumers do. */
  private refreshMetadata(): void {
    const it = this.instanceTopics;
    if (!it || it.version === this.seenTopics) return;
    this.seenTopics = it.version;
    for (const r of this.roles) if (r.topics.some((t) => it.isPattern(t))) this.instances!.resubscribe(r);
  }

  private sample(): void {
    const cluster = this.cluster!;
    const groups = cluster.groups.snapshot();
    const lagByGroup = new Map(groups.map((g) => [g.groupId, g.totalLag]));
    const c = cluster.replication.core.ledger;
    const secs = SAMPLE_MS / 1000;
    const producedRate = (c.produced - this.lastSample.produced) / secs;
    const consumedRate = (c.consumed - this.lastSample.consumed) / secs;
    this.lastSample.produced = c.produced;
    this.lastSample.consumed = c.consumed;
    const topics: Record<string, number> = {};
    for (const [t, n] of this.flow.produced) {
      const rate = (n - (this.lastSample.topics.get(t) ?? 0)) / secs;
      this.lastSample.topics.set(t, n);
      // Instance topics count towards their prefix, which is what the topology view draws.
      const key = this.instanceTopics?.prefixOf(t) ?? t;
      topics[key] = (topics[key] ?? 0) + rate;
    }
    const groupsRate: Record<string, number> = {};
    for (const [g, n] of this.flow.handled) {
      groupsRate[g] = (n - (this.lastSample.groups.get(g) ?? 0)) / secs;
      this.lastSample.groups.set(g, n);
    }
    this.rates = { topics, groups: groupsRate };
    const lagOf = new Map(groups.map((g) => [g.groupId, g.lag]));
    this.lagHealth!.sample(
      cluster.now(),
      this.roles.map((r) => ({
        groupId: r.groupId,
        topics: this.instanceTopics!.expand(r.topics),
        lag: lagOf.get(r.groupId) ?? {},
        consumedPerSec: groupsRate[r.groupId] ?? 0,
        producedPerSec: r.topics.reduce((sum, t) => sum + (topics[t] ?? 0), 0),
      })),
      SAMPLE_MS,
    );
    this.samples++;
    this.series!.push(cluster.now(), [...this.roles.map((r) => lagByGroup.get(r.groupId) ?? 0), producedRate, consumedRate]);
  }

  /** `mark` false: not a user's pause (a replay holds its run paused to step it). */
  pause(mark = true): void {
    this.lifecycle.apply('pause');
    if (mark) this.record({ kind: 'pause' });
  }

  resume(): void {
    this.lifecycle.apply('resume');
    this.record({ kind: 'resume' });
  }

  /** Notes a user action at this instant (the worker applies actions only between steps). */
  record(action: RunAction): void {
    this.recorder.add(this.now, action);
    this.settle = true;
  }

  /** This run as a replay needs it: board, starting options and every action so far. */
  recording(): RunRecording {
    return this.recorder.export(this.now);
  }

  /** Ends the run and closes its cluster (a stored run stays stored: discard() deletes it). */
  stop(): Promise<void> {
    if (this.lifecycle.is('stopped')) return Promise.resolve();
    this.lifecycle.apply('stop');
    return this.cluster?.close() ?? Promise.resolve();
  }

  setSpeed(speed: number): void {
    checkSpeed(speed);
    this.options.speed = speed;
    this.record({ kind: 'speed', speed });
  }

  setRate(commandsPerSecond: number): void {
    checkRate(commandsPerSecond);
    this.options.commandsPerSecond = commandsPerSecond;
    if (this.actors) this.actors.rate = commandsPerSecond;
    this.record({ kind: 'rate', commandsPerSecond });
  }

  setKeys(keys: KeyDistribution): void {
    this.options.keys = keys;
    this.actors?.setDistribution(keys);
    this.record({ kind: 'keys', keys });
  }

  setAcks(acks: 0 | 1 | -1): void {
    this.options.acks = acks;
    this.record({ kind: 'acks', acks });
  }

  /** New assignor (or cooperative protocol) for every group: applied by a rolling restart. */
  setAssignor(assignor: AssignorName): void {
    this.control();
    this.options.assignor = assignor;
    this.instances!.restartAll();
    this.record({ kind: 'assignor', assignor });
  }

  private control(): void {
    this.lifecycle.apply('control');
  }

  addInstance(serviceId: string): string {
    this.control();
    const id = this.instances!.add(serviceId);
    this.record({ kind: 'instance', action: 'add', target: serviceId });
    return id;
  }

  removeInstance(instanceId: string): void {
    this.control();
    this.instances!.remove(instanceId);
    this.record({ kind: 'instance', action: 'remove', target: instanceId });
  }

  crashInstance(instanceId: string): void {
    this.control();
    this.instances!.crash(instanceId);
    this.record({ kind: 'instance', action: 'crash', target: instanceId });
  }

  broker(action: 'stop' | 'start' | 'crash' | 'isolate' | 'heal', id: number): void {
    this.control();
    const c = this.cluster!;
    if (action === 'stop') c.stopBroker(id);
    else if (action === 'start') c.startBroker(id);
    else if (action === 'crash') c.crashBroker(id);
    else if (action === 'isolate') c.isolateBroker(id);
    else c.heal();
    this.record({ kind: 'broker', action, id });
  }

  snapshot(): SimSnapshot {
    const snap = buildSnapshot({
      state: this.state,
      options: this.options,
      topology: this.topology,
      cluster: this.cluster,
      roles: this.roles,
      instances: this.instances,
      flow: this.flow,
      tables: this.tables,
      timeline: this.timeline,
      rates: this.rates,
      health: (groupId) => this.lagHealth?.view(groupId) ?? null,
    });
    // What the faults cost the board: stickies that stall or go stale, and for how long.
    this.impacts.update(snap.at, currentCauses(this.topology, snap.partitions, snap.acks, snap.groups));
    snap.stickies = snap.stickies?.map((x) => ({ ...x, impact: this.impacts.impact(x.elementId, snap.at), recovered: this.impacts.recovered(x.elementId, snap.at) }));
    return this.storage ? { ...snap, stored: true, storedAt: this.storedAt } : snap;
  }

  /** Grows by one per sample: the worker sends the series only when it changed. */
  get seriesVersion(): number {
    return this.samples;
  }

  seriesExport(): SimSeries {
    const s = this.series;
    if (!s) return { names: [], columns: [] };
    const h = this.lagHealth?.history;
    return { names: ['t', ...s.names], columns: s.export(), ...(h ? { history: { names: ['t', ...h.names], columns: h.export() } } : {}) };
  }

  /** Grows with every ownership change or rebalance: the worker sends the history only when it moved. */
  get rebalanceVersion(): number {
    return this.rebalances?.version ?? 0;
  }

  /** Per group: who owned which partition when, and each rebalance's trigger, protocol and pause. */
  rebalanceHistory(): RebalanceHistoryView | null {
    const c = this.cluster;
    if (!c || !this.rebalances) return null;
    return this.rebalances.view(c.now(), (g) => c.groups.rebalances(g));
  }

  structure(): SimStructure {
    const entry = (this.actors?.topicIds ?? []).map((id) => this.producer?.topicName(id) ?? null).filter((x): x is string => x !== null);
    return buildStructure(this.topology, this.roles, entry);
  }

  /** What the run holds in memory, for the long-run tests and the benchmark. */
  memoryStats(): { eventIndexEntries: number; streams: number; readModelRows: number; timeline: number; queuedHandlerWork: number } {
    let eventIndexEntries = 0;
    let streams = 0;
    let readModelRows = 0;
    for (const s of this.stores.values()) {
      const size = s.indexSize();
      eventIndexEntries += size.entries;
      streams += size.keys;
    }
    for (const t of this.tables.values()) readModelRows += t.count;
    return { eventIndexEntries, streams, readModelRows, timeline: this.timeline.length, queuedHandlerWork: this.queued };
  }

  /** The run's cluster (null before it starts): the Kafka console reads and writes it. */
  get activeCluster(): Cluster | null {
    return this.cluster;
  }

  /** For tests: the cluster underneath. */
  get clusterForTests(): Cluster | null {
    return this.cluster;
  }
}

/** The latest row per key of a read model's table topic (what compaction keeps), in log order. */
async function latestRows(cluster: Cluster, topic: string): Promise<runtime.ReadModelRow[]> {
  const rows: runtime.ReadModelRow[] = [];
  for (const p of cluster.engine.topic(topic).partitions) {
    for (const r of await latestByKey(cluster.engine.leaderLog(p))) {
      const { value } = recordText(r);
      if (value !== null) rows.push(JSON.parse(value) as runtime.ReadModelRow);
    }
  }
  return rows;
}

/**
 * The run's maker of wire records: a consumed record as the handler runtime reads it, UTF-8 key
 * and headers, the value read when a handler asks (consumedWire.ts). Given to derivedOf, which
 * keeps what it made per record by maker, so every group reading a record gets the one wire
 * record its bytes were decoded to.
 */
function wireMaker(reader: ValueReader): (r: ConsumedRecord) => runtime.WireRecord {
  // recordText hands the value's bytes to its reader: kept for the wire record to read later.
  let bytes: Uint8Array | null = null;
  const keep = (b: Uint8Array): string => {
    bytes = b;
    return '';
  };
  return (x) => {
    bytes = null;
    const t = recordText(x, keep);
    return new ConsumedWire(t.key, bytes, t.headers, String(x.timestamp), reader);
  };
}
