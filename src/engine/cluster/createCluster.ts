// Builds a cluster: clock, seeded randomness, storage backend, brokers 1..N, the engine,
// the consumer groups and the background cleaner; restores topics and logs from
// IndexedDB when the storage already holds some.
import { createRealClock, createVirtualClock, type Clock, type VirtualClock } from '../../lib/clock';
import { yieldMacrotask } from '../../lib/yieldMacrotask';
import { createRng } from '../../lib/rng';
import { Admin } from '../client/admin';
import { Consumer, type ConsumerOptions } from '../client/consumer';
import { Producer, type ProducerOptions } from '../client/producer';
import { ClusterClosedError, IllegalStateError } from '../errors';
import { EventStore } from '../eventStore/eventStore';
import { ChunkCache } from '../log/chunkCache';
import { memoryBackend, type StorageBackend } from '../storage/backend';
import { trackedBackend } from '../storage/trackedBackend';
import { openIdbBackend } from '../storage/idbBackend';
import { LogCleaner } from '../broker/cleaner';
import { Engine, type BrokerState } from '../broker/engine';
import type { ClusterSimOptions } from '../replication/clusterConfig';
import type { ClusterSim } from '../replication/clusterSim';
import type { ConsumerGroups } from '../groups/consumerGroups';
import type { GroupsOptions } from '../groups/types';
import { createEngineGroups } from './groupsPort';
import { OffsetStore } from '../broker/offsetStore';
import { SchemaRegistry } from '../schemaRegistry/schemaRegistry';
import type { StampedEvent } from '../replication/eventFeed';
import type { ReplicationSnapshot } from '../replication/snapshot';
import type { GroupSnapshot } from '../groups/consumerGroups';

export interface IndexedDbStorageOptions {
  indexedDB: IDBFactory;
  name: string;
  /** 'relaxed' (default) is acknowledged when the OS has the data; 'strict' waits for a flush. */
  durability?: 'strict' | 'relaxed';
  /** Resident chunk bytes kept in memory before paging out (default 32 MiB). */
  cacheBytes?: number;
  /** IDBKeyRange matching the factory, when it is not the global one (fake-indexeddb). */
  IDBKeyRange?: typeof IDBKeyRange;
  /** Fault injection for tests: runs inside each log write's transaction before commit. */
  beforeCommit?: () => void;
}

export interface ClusterOptions {
  brokers?: number;
  storage?: 'memory' | IndexedDbStorageOptions;
  clock?: 'real' | 'virtual';
  /** With clock 'virtual': the time it starts at (a stored run continues where it stopped). */
  startAt?: number;
  seed?: number;
  /** How often the background cleaner runs (Kafka's log.cleaner.backoff.ms is 15 s); 0 disables it. */
  cleanerIntervalMs?: number;
  /**
   * The wall-clock time (epoch ms) at clock time 0, when producers stamp records with dates
   * rather than clock time: the log cleaner compares record timestamps (retention.ms,
   * min.compaction.lag.ms, delete.retention.ms) with this plus the clock, as a broker compares
   * them with its wall clock. Default 0.
   */
  clockEpochMs?: number;
  /** With brokers ≥ 2: settings of the replicated cluster (docs/cluster.md), e.g. replicaLagTimeMaxMs. */
  replication?: ClusterSimOptions;
  /**
   * Consumer-group settings of the broker side (docs/cluster.md). group.initial.rebalance.delay.ms
   * defaults to 0 here (Kafka's default is 3 s; test brokers set 0 too) so a lone consumer starts at once.
   */
  groups?: GroupsOptions;
  /**
   * With clock 'virtual' and brokers ≥ 2: real milliseconds an acks=all answer may wait while
   * nothing advances the clock before it fails with VirtualClockStalledError (default 5,000; 0: never).
   */
  virtualStallMs?: number;
}

/** The whole cluster at one instant, for the UI: brokers, partitions, groups, counters. */
export interface ClusterSnapshot extends ReplicationSnapshot {
  groups: GroupSnapshot[];
  /** Groups currently rebalancing. */
  rebalancesInProgress: string[];
}

export interface Cluster {
  readonly brokers: readonly BrokerState[];
  /** The broker side, for the replication and groups layers and for tests. */
  readonly engine: Engine;
  readonly clock: Clock;
  admin(): Admin;
  producer(options?: ProducerOptions): Producer;
  consumer(options: ConsumerOptions): Consumer;
  eventStore(topic: string): EventStore;
  /** Subjects, versions, ids and compatibility levels, kept in __schemas (docs/schema-registry.md). */
  readonly schemaRegistry: SchemaRegistry;
  now(): number;
  /** Virtual clock: moves time and runs everything due, then waits for the work it started. */
  advance(ms: number): Promise<void>;
  /** Waits for background work (consumers' fetches, cleaner) to reach a resting point. */
  settle(): Promise<void>;
  /**
   * Resolves once every offset commit the groups accepted is written to its __consumer_offsets
   * leader, replicated or not (that needs time to move): what a checkpoint of a paused cluster
   * must wait for, or its logs would miss commits its coordinators already show.
   */
  commitsWritten(): Promise<void>;
  /**
   * Stores every replica's high watermark as it is at this instant (IndexedDB storage; memory
   * storage keeps nothing): a reopen starts each replica there, not at its log end.
   */
  saveHighWatermarks(): Promise<void>;
  close(): Promise<void>;
  /** Faults and observability of the replicated cluster (docs/cluster.md); one broker is RF 1. */
  stopBroker(id: number): void;
  startBroker(id: number): void;
  crashBroker(id: number): void;
  isolateBroker(id: number): void;
  heal(): void;
  snapshot(): ClusterSnapshot;
  events(since?: number): StampedEvent[];
  /** The consumer groups: coordinators and members (for snapshots and tests). */
  readonly groups: ConsumerGroups;
  /** The replicated cluster under this one: controller, ISR, acks, faults, snapshot, events. */
  readonly replication: ClusterSim;
}

export async function createCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const brokers = options.brokers ?? 1;
  if (!Number.isInteger(brokers) || brokers < 1) throw new IllegalStateError(`brokers must be a whole number ≥ 1, got ${brokers}.`);
  const clock: Clock = options.clock === 'virtual' ? createVirtualClock(options.startAt ?? 0) : createRealClock();
  const rng = createRng(options.seed ?? 1);
  const storage = options.storage ?? 'memory';
  let backend: StorageBackend;
  let cache: ChunkCache | undefined;
  if (storage === 'memory') backend = memoryBackend();
  else {
    backend = await openIdbBackend(storage.indexedDB, storage.name, {
      durability: storage.durability ?? 'relaxed',
      ...(storage.IDBKeyRange ? { keyRange: storage.IDBKeyRange } : {}),
      ...(storage.beforeCommit ? { beforeCommit: storage.beforeCommit } : {}),
    });
    cache = new ChunkCache(storage.cacheBytes ?? 32 * 1024 * 1024);
  }
  const engine = new Engine({
    clock,
    rng,
    brokers,
    backend: trackedBackend(
      backend,
      (p) => engine.track(p),
      (d) => (engine.storageReadsInFlight += d),
    ),
    ...(cache ? { cache } : {}),
    replication: { seed: options.seed ?? 1, ...options.replication },
    ...(options.virtualStallMs !== undefined ? { virtualStallMs: options.virtualStallMs } : {}),
  });
  const restored = await backend.load();
  for (const t of restored.topics) {
    engine.installTopic(t.name, t.config, t.replicas, restored.partitions.filter((p) => p.topic === t.name));
  }
  const cleaner = new LogCleaner(engine, clock, options.cleanerIntervalMs ?? 15_000, options.clockEpochMs ?? 0);
  cleaner.start();
  const live = () => {
    if (engine.closed) throw new ClusterClosedError();
  };
  const stores = new Map<string, EventStore>();
  const consumers = new Set<Consumer>();
  const replication = engine.cluster;
  // One group coordinator and member implementation; offsets in __consumer_offsets. Group
  // events and delivery counters go to the replicated cluster's feed and ledger.
  const offsets = new OffsetStore(engine);
  const schemaRegistry = new SchemaRegistry(engine);
  const access = createEngineGroups(engine, offsets, replication.core.feed, replication.core.ledger, rng.fork('groups'), { initialRebalanceDelayMs: 0, ...options.groups });
  /** A fault, then the brokers' status as clients see it. */
  const fault = (fn: () => void) => {
    fn();
    for (const b of engine.brokers) {
      const s = replication.core.broker(b.id);
      b.status = s.status === 'running' ? (s.isolated ? 'isolated' : 'up') : s.status;
    }
  };
  return {
    groups: access.groups,
    replication,
    stopBroker: (id) => fault(() => replication.stopBroker(id)),
    startBroker: (id) => fault(() => replication.startBroker(id)),
    crashBroker: (id) => fault(() => replication.crashBroker(id)),
    isolateBroker: (id) => fault(() => replication.isolateBroker(id)),
    heal: () => fault(() => replication.heal()),
    snapshot: () => {
      const groups = access.groups.snapshot();
      return { ...replication.snapshot(), groups, rebalancesInProgress: groups.filter((g) => g.rebalancing).map((g) => g.groupId) };
    },
    events: (since) => replication.events(since),
    brokers: engine.brokers,
    engine,
    clock,
    admin: () => (live(), new Admin(engine, cleaner, access)),
    producer: (o) => (live(), new Producer(engine, o)),
    consumer(o) {
      live();
      const c = new Consumer(engine, o, access);
      consumers.add(c);
      return c;
    },
    eventStore(topic) {
      live();
      let s = stores.get(topic);
      if (!s) stores.set(topic, (s = new EventStore(engine, topic)));
      return s;
    },
    schemaRegistry,
    now: () => clock.now(),
    async advance(ms) {
      if (clock.kind !== 'virtual') throw new IllegalStateError('advance(ms) needs a cluster created with clock: "virtual".');
      if (!(ms >= 0)) throw new IllegalStateError(`advance(ms) needs a non-negative number of milliseconds, got ${ms}.`);
      await advanceDiscretely(clock as VirtualClock, engine, ms);
    },
    settle: () => engine.settle(),
    commitsWritten: () => access.written(),
    saveHighWatermarks: () => engine.saveHighWatermarks(),
    async close() {
      if (engine.closed) return;
      cleaner.stop();
      access.groups.shutdown();
      replication.shutdown();
      engine.closed = true;
      await engine.settle().catch(() => undefined);
      backend.close();
    },
  };
}

/**
 * Discrete-event time: visits each instant at which a timer is due, runs what is due there, and
 * lets everything that started (consumer loops, handlers, storage requests) come to rest before
 * time moves to the next instant. So a run on a virtual clock does what it would do on a real
 * clock with infinitely fast hosts, whatever the calls' granularity.
 */
export async function advanceDiscretely(clock: VirtualClock, engine: Engine, ms: number): Promise<void> {
  const target = clock.now() + ms;
  await quiesce(clock, engine);
  for (let at = clock.nextDueAt(); at !== null && at <= target; at = clock.nextDueAt()) {
    clock.advance(at - clock.now());
    await quiesce(clock, engine);
  }
  clock.advance(target - clock.now());
  await quiesce(clock, engine);
}

/** Until nothing is runnable at this instant: microtasks drained, storage settled, no timer due now. */
async function quiesce(clock: VirtualClock, engine: Engine): Promise<void> {
  for (;;) {
    await yieldMacrotask();
    if (engine.backgroundCount > 0) {
      await engine.settle();
      continue;
    }
    const due = clock.nextDueAt();
    if (due !== null && due <= clock.now()) {
      clock.runDue();
      continue;
    }
    return;
  }
}
