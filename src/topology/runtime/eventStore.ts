// Shared handler runtime: the event store contract the aggregate handler writes through, with
// optimistic concurrency (append succeeds only if the stream is still at expectedVersion) and
// snapshots, plus an in-memory implementation for tests and local runs. Embedded verbatim in
// exported projects; imports nothing outside this folder.
import type { EventEnvelope } from './messages.js';
import type { AggregateState } from './aggregate.js';

export interface Snapshot {
  readonly aggregateId: string;
  /** Number of events folded into the state. */
  readonly version: number;
  readonly state: AggregateState;
}

/** One event store per aggregate type, addressed by aggregate id. */
export interface EventStore {
  /** Appends events if the stream has exactly `expectedVersion` events; resolves to the new version. */
  append(aggregateId: string, events: readonly EventEnvelope[], expectedVersion: number): Promise<number>;
  /** Events with version > fromVersion, in order. */
  read(aggregateId: string, fromVersion: number): Promise<EventEnvelope[]>;
  loadSnapshot(aggregateId: string): Promise<Snapshot | null>;
  saveSnapshot(snapshot: Snapshot): Promise<void>;
}

/** Another writer appended first: reload the aggregate and decide again (retriable). */
export class ConcurrencyError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  readonly retriable = true;
  constructor(
    readonly aggregateId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Aggregate ${JSON.stringify(aggregateId)} is at version ${actualVersion}, not ${expectedVersion}: reload it and try again.`);
    this.name = 'ConcurrencyError';
  }
}

export class MemoryEventStore implements EventStore {
  private readonly streams = new Map<string, EventEnvelope[]>();
  private readonly snapshots = new Map<string, Snapshot>();

  async append(aggregateId: string, events: readonly EventEnvelope[], expectedVersion: number): Promise<number> {
    const stream = this.streams.get(aggregateId) ?? [];
    if (stream.length !== expectedVersion) throw new ConcurrencyError(aggregateId, expectedVersion, stream.length);
    this.streams.set(aggregateId, [...stream, ...events]);
    return stream.length + events.length;
  }

  async read(aggregateId: string, fromVersion: number): Promise<EventEnvelope[]> {
    return (this.streams.get(aggregateId) ?? []).slice(Math.max(0, fromVersion));
  }

  async loadSnapshot(aggregateId: string): Promise<Snapshot | null> {
    return this.snapshots.get(aggregateId) ?? null;
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    const current = this.snapshots.get(snapshot.aggregateId);
    if (!current || current.version < snapshot.version) this.snapshots.set(snapshot.aggregateId, snapshot);
  }

  /** Every stream's id and length, for tests and inspection. */
  versions(): Map<string, number> {
    return new Map([...this.streams].map(([id, s]) => [id, s.length]));
  }
}
