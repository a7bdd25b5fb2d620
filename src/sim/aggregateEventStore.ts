// The handler runtime's EventStore (aggregate ids and event envelopes) over the engine's event
// store (record keys and records): the simulator keeps no event store of its own. One store per
// aggregate sticky, over its event topic — or over one topic per aggregate instance. Appends use
// the run's acks, and report to the run what they wait for, so simulated time moves only when
// every handler waits on the clock; versions, snapshots and the per-key index are the engine's,
// on the cluster's replicas, so a stored run brings them back with its logs.
import { runtime } from '../topology';
import { ConcurrencyConflictError, utf8, type AppendHooks, type Cluster, type EventStore, type StoredEvent } from './engineApi';
import type { ProducerAcks } from './options';
import { EventSchemas } from './eventSchemas';
import { setOwn } from '../lib/ownKey';

type EventEnvelope = runtime.EventEnvelope;
type Snapshot = runtime.Snapshot;

/** What the run counts and waits for. */
export interface AggregateStoreHooks {
  /** Events the leader wrote, per topic (flow counters). */
  wrote(topic: string, count: number): void;
  /** +1 while an append waits on the clock (an acks=all answer, a retry's backoff), −1 after. */
  waiting(delta: number): void;
  /** Each retried request. */
  retried(): void;
}

/** Envelopes by stored event: the engine hands out the same event object until it drops it. */
const envelopes = new WeakMap<StoredEvent, EventEnvelope>();

function wireOf(e: StoredEvent, valueText: (bytes: Uint8Array) => string): runtime.WireRecord {
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries(e.headers)) if (v !== undefined) setOwn(headers, name, (Array.isArray(v) ? v[v.length - 1]! : v).toString());
  return { key: e.key === null ? null : e.key.toString(), value: e.value === null ? '' : valueText(e.value), headers, timestamp: e.timestamp };
}

export class AggregateEventStore implements runtime.EventStore {
  /** An event's record value: the wire format of its registered schema (eventSchemas.ts); throws to refuse it. */
  encodeValue: (event: EventEnvelope) => string | Uint8Array = (e) => JSON.stringify(e.payload);

  /** A stored value as the runtime reads it (JSON text; wire-format values decoded). */
  valueText: (bytes: Uint8Array) => string = utf8;

  /** Per-instance strategy: the topic of each aggregate id (single partition). */
  instanceTopic: ((aggregateId: string) => string) | null = null;
  private readonly stores = new Map<string, EventStore>();

  constructor(
    private readonly cluster: Cluster,
    readonly topic: string,
    private readonly aggregateType: string,
    private readonly prefixedByType: boolean,
    private readonly acks: () => ProducerAcks,
    private readonly hooks: AggregateStoreHooks,
  ) {
    this.requestHooks = { waiting: hooks.waiting, backingOff: hooks.waiting, retried: hooks.retried };
  }

  /** The topic an aggregate's events go to. */
  private topicOf(aggregateId: string): string {
    return this.instanceTopic ? this.instanceTopic(aggregateId) : this.topic;
  }

  private storeOf(topic: string): EventStore {
    let store = this.stores.get(topic);
    if (!store) this.stores.set(topic, (store = this.cluster.eventStore(topic)));
    return store;
  }

  private keyOf(aggregateId: string): string {
    return runtime.recordKey(this.aggregateType, aggregateId, this.prefixedByType);
  }

  /** What every request of this store reports to the run (one object, not one per append). */
  private readonly requestHooks: AppendHooks;

  // append and read are not async functions: each answers with the engine's promise and one
  // then(), not with a promise of its own awaiting it (a promise and a turn less per command).

  append(aggregateId: string, events: readonly EventEnvelope[], expectedVersion: number): Promise<number> {
    if (events.length === 0) return Promise.resolve(expectedVersion);
    let appended: Promise<number>;
    const topic = this.topicOf(aggregateId);
    try {
      // A payload its schema refuses throws here, before anything is written.
      const inputs = events.map((e) => {
        const value = this.encodeValue(e);
        return { value, headers: runtime.eventHeaders(e, EventSchemas.contentType(value)), timestamp: e.timestamp };
      });
      appended = this.storeOf(topic).append(this.keyOf(aggregateId), inputs, { expectedVersion, acks: this.acks(), hooks: this.requestHooks });
    } catch (e) {
      return Promise.reject(e);
    }
    return appended.then(
      (version) => {
        this.hooks.wrote(topic, events.length);
        return version;
      },
      (e: unknown) => {
        throw e instanceof ConcurrencyConflictError ? new runtime.ConcurrencyError(aggregateId, expectedVersion, Number(e.context?.['actual'] ?? -1)) : e;
      },
    );
  }

  read(aggregateId: string, fromVersion: number): Promise<EventEnvelope[]> {
    let stored: Promise<readonly StoredEvent[]>;
    try {
      stored = this.storeOf(this.topicOf(aggregateId)).read(this.keyOf(aggregateId), { fromVersion: fromVersion + 1 });
    } catch (e) {
      return Promise.reject(e);
    }
    return stored.then((events) =>
      // Mostly nothing: a cached aggregate's handler reads only what others appended since.
      events.length === 0
        ? []
        : events.map((e) => {
            let env = envelopes.get(e);
            if (!env) envelopes.set(e, (env = runtime.recordToEvent(wireOf(e, this.valueText))));
            return env;
          }),
    );
  }

  /**
   * The latest snapshot, if the surviving stream continues it. When retention (the record budget)
   * deleted events the snapshot does not cover, the aggregate continues from what survives: its
   * state misses those events, as a service on Kafka whose retention outran its snapshots would.
   */
  async loadSnapshot(aggregateId: string): Promise<Snapshot | null> {
    const store = this.storeOf(this.topicOf(aggregateId));
    const key = this.keyOf(aggregateId);
    const [s, range] = [await store.loadSnapshot(key), await store.versionRange(key)];
    // A snapshot newer than the surviving stream (events lost in a failover after it) is unusable.
    const usable = s && s.version <= range.last ? s : null;
    const from = usable?.version ?? 0;
    if (from >= range.first - 1) return usable ? { aggregateId, version: usable.version, state: usable.state as runtime.AggregateState } : null;
    const state = (usable?.state as runtime.AggregateState | undefined) ?? runtime.initialState(aggregateId);
    return { aggregateId, version: range.first - 1, state: { ...state, version: range.first - 1 } };
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    const store = this.storeOf(this.topicOf(snapshot.aggregateId));
    const key = this.keyOf(snapshot.aggregateId);
    // A snapshot only saves reading: one that cannot be written is not the command's failure.
    await store.saveSnapshot(key, { version: snapshot.version, state: snapshot.state }, { acks: this.acks(), hooks: this.requestHooks }).catch(() => undefined);
  }

  /** Offsets the per-key indexes hold, and the streams (keys) they know. */
  indexSize(): { entries: number; keys: number } {
    let entries = 0;
    let keys = 0;
    for (const s of this.stores.values()) {
      const size = s.indexSize();
      entries += size.entries;
      keys += size.keys;
    }
    return { entries, keys };
  }
}
