// The runtime's EventStore contract (append with expectedVersion, read by key, snapshots)
// over one aggregate type's event topic in the simulated cluster. Like the engine's event
// store it keeps a per-key index of where each event landed, so rehydration reads a key's
// events without scanning the partition; entries are checked against the current leader's
// log on read, so an acknowledged record that a failover lost disappears from the stream as
// it would in Kafka. Snapshots live beside it (what a compacted snapshots topic would keep).
// Retention deletes a stream's oldest events: entries below both the log start and the key's
// latest snapshot leave the index (the stream's version still counts them), so rehydration
// starts from that snapshot, as an event-sourced service on Kafka with retention has to. Events
// after the snapshot that retention deleted stay readable through the record the entry keeps
// (as if the service had snapshotted before the deletion): at most one snapshot interval per key.
import { runtime } from '../topology';
import { defaultPartition, idAt, recordAt, sendRetrying, type ClusterSim, type DecodedRecord, type PartitionLog, type ProduceRecord, type SimRecord } from './engineApi';
import { PartitionUnavailableError } from './errors';
import { forEachStoredRecord, recordText } from './storedRecords';
import type { ProducerAcks } from './options';

type EventEnvelope = runtime.EventEnvelope;
type Snapshot = runtime.Snapshot;

const DECODED_KEPT = 50_000;

interface Entry {
  topic: string;
  partition: number;
  offset: number;
  id: number;
  /** The record as written: read when retention deleted it after the key's latest snapshot. */
  record: SimRecord;
}

export interface StoreBookkeeping {
  versions: [string, number][];
  snapshots: Snapshot[];
}

/** A record read back from storage, in the shape the index keeps (identity: leader epoch and offset). */
function storedRecord(log: PartitionLog, r: DecodedRecord): SimRecord {
  return { id: idAt(log, r.offset) ?? r.offset, offset: r.offset, timestamp: r.timestamp, ...recordText(r) };
}

export interface AppendStats {
  conflicts: number;
  /** Requests the leader refused (each retry counts). */
  refused: number;
  retried: number;
}

export class ClusterEventStore implements runtime.EventStore {
  private readonly index = new Map<string, Entry[]>();
  /** Per key: events at the head of the stream that retention deleted. */
  private readonly deleted = new Map<string, number>();
  private readonly snapshots = new Map<string, Snapshot>();
  /** Decoded events by record, bounded: dropped wholesale when it gets large. */
  private decoded = new WeakMap<SimRecord, EventEnvelope>();
  private decodedCount = 0;
  readonly stats: AppendStats = { conflicts: 0, refused: 0, retried: 0 };

  constructor(
    private readonly sim: ClusterSim,
    readonly topic: string,
    private readonly partitions: number,
    private readonly prefixedByType: boolean,
    private readonly acks: () => ProducerAcks,
    /** Called once per appended record (for flow counters). */
    private readonly onAppend: (topic: string, count: number) => void,
    /** +1 when an append waits for its acks=all answer, -1 when it gets it. */
    private readonly waiting: (delta: number) => void = () => undefined,
  ) {}

  /** Called for each retried append (the run's retry counter). */
  onRetry: () => void = () => undefined;

  /** Per-instance strategy: the topic of each aggregate id (single partition). */
  instanceTopic: ((aggregateId: string) => string) | null = null;

  private route(aggregateType: string, aggregateId: string): { topic: string; partition: number } {
    if (this.instanceTopic) return { topic: this.instanceTopic(aggregateId), partition: 0 };
    return { topic: this.topic, partition: defaultPartition(runtime.recordKey(aggregateType, aggregateId, this.prefixedByType), this.partitions) };
  }

  append(aggregateId: string, events: readonly EventEnvelope[], expectedVersion: number): Promise<number> {
    const version = this.version(aggregateId);
    if (version !== expectedVersion) {
      this.stats.conflicts++;
      return Promise.reject(new runtime.ConcurrencyError(aggregateId, expectedVersion, version));
    }
    if (events.length === 0) return Promise.resolve(expectedVersion);
    const { topic, partition } = this.route(events[0]!.aggregateType, aggregateId);
    const records = events.map((e) => {
      const w = runtime.eventToRecord(e, this.prefixedByType);
      return { key: w.key, value: w.value, headers: { ...w.headers }, timestamp: e.timestamp };
    });
    return new Promise<number>((resolve, reject) => {
      sendRetrying(
        this.sim.clock,
        (answer) => this.appendOnce(aggregateId, topic, partition, records, answer),
        (err) => (err ? reject(err) : resolve(expectedVersion + events.length)),
        // A lane backing off waits on the clock, as one waiting for its acks=all answer does.
        {
          backingOff: this.waiting,
          retried: () => {
            this.stats.retried++;
            this.onRetry();
          },
        },
      );
    });
  }

  /** One produce request; indexes the records when the leader wrote them. */
  private appendOnce(aggregateId: string, topic: string, partition: number, records: ProduceRecord[], answer: (error: Error | null) => void): void {
    const p = this.sim.core.partition(topic, partition);
    const leaderBefore = p?.leader ?? null;
    const endBefore = leaderBefore === null ? -1 : p!.log(leaderBefore).logEndOffset;
    let written = false;
    let settled = false;
    this.sim.produceWith({ topic, partition, acks: this.acks(), records }, (err) => {
      if (written && !settled) this.waiting(-1);
      settled = true;
      if (err && !written) this.stats.refused++;
      answer(err);
    });
    // The produce path writes synchronously or not at all: the leader's log end tells which.
    if (leaderBefore !== null && p!.log(leaderBefore).logEndOffset === endBefore + records.length) {
      written = true;
      if (!settled) this.waiting(1);
      const log = p!.log(leaderBefore);
      const list = this.index.get(aggregateId) ?? [];
      for (let i = 0; i < records.length; i++) {
        const record = recordAt(log, endBefore + i)!;
        list.push({ topic, partition, offset: endBefore + i, id: record.id, record });
      }
      this.index.set(aggregateId, list);
      this.onAppend(topic, records.length);
    }
  }

  read(aggregateId: string, fromVersion: number): Promise<EventEnvelope[]> {
    const entries = this.index.get(aggregateId);
    if (entries) this.dropDeletedOf(aggregateId, entries);
    // Events below the log start are gone; the stream starts where retention left it.
    const from = Math.max(0, fromVersion - (this.deleted.get(aggregateId) ?? 0));
    if (!entries || entries.length <= from) return Promise.resolve([]);
    const out: EventEnvelope[] = [];
    let lost = 0;
    for (let i = from; i < entries.length; i++) {
      const e = entries[i]!;
      const p = this.sim.core.partition(e.topic, e.partition);
      if (!p || p.leader === null) return Promise.reject(new PartitionUnavailableError(e.topic, e.partition));
      const log = p.log(p.leader);
      if (e.offset < log.logStartOffset) {
        out.push(this.decode(e.record)); // deleted by retention after the latest snapshot
        continue;
      }
      if (idAt(log, e.offset) !== e.id) {
        // Lost in a failover: gone from the stream, as it would be in Kafka.
        e.id = -1;
        lost++;
        continue;
      }
      out.push(this.decode(e.record));
    }
    if (lost > 0) this.index.set(aggregateId, entries.filter((e) => e.id !== -1));
    return Promise.resolve(out);
  }

  /** Records are immutable and shared by replicas: each is decoded once. */
  private decode(r: SimRecord): EventEnvelope {
    let e = this.decoded.get(r);
    if (!e) {
      e = runtime.recordToEvent({ key: r.key, value: String(r.value), headers: r.headers ?? {}, timestamp: String(r.timestamp) });
      if (++this.decodedCount > DECODED_KEPT) {
        this.decoded = new WeakMap();
        this.decodedCount = 1;
      }
      this.decoded.set(r, e);
    }
    return e;
  }

  loadSnapshot(aggregateId: string): Promise<Snapshot | null> {
    const s = this.snapshots.get(aggregateId) ?? null;
    // A snapshot newer than the surviving stream (events lost after it was taken) is unusable.
    if (s && s.version > this.version(aggregateId)) return Promise.resolve(null);
    return Promise.resolve(s);
  }

  saveSnapshot(snapshot: Snapshot): Promise<void> {
    const current = this.snapshots.get(snapshot.aggregateId);
    if (!current || current.version < snapshot.version) this.snapshots.set(snapshot.aggregateId, snapshot);
    return Promise.resolve();
  }

  /** A stream's version: its surviving events, counting those retention deleted. */
  private version(aggregateId: string): number {
    return (this.deleted.get(aggregateId) ?? 0) + (this.index.get(aggregateId)?.length ?? 0);
  }

  /** Drops index entries below their partition's log start (retention, deleteRecords) that the key's latest snapshot covers. */
  dropDeleted(): void {
    for (const [id, entries] of this.index) this.dropDeletedOf(id, entries);
  }

  private dropDeletedOf(aggregateId: string, entries: Entry[]): void {
    const covered = (this.snapshots.get(aggregateId)?.version ?? 0) - (this.deleted.get(aggregateId) ?? 0);
    let k = 0;
    while (k < Math.min(entries.length, covered)) {
      const e = entries[k]!;
      const p = this.sim.core.partition(e.topic, e.partition);
      const log = p && p.leader !== null ? p.log(p.leader) : undefined;
      if (!log || e.offset >= log.logStartOffset) break;
      k++;
    }
    if (k === 0) return;
    entries.splice(0, k);
    this.deleted.set(aggregateId, (this.deleted.get(aggregateId) ?? 0) + k);
  }

  /** What the logs do not hold (a stored run): per key its version, and the latest snapshots. */
  bookkeeping(): StoreBookkeeping {
    return {
      versions: [...this.index.keys()].map((id) => [id, this.version(id)] as [string, number]).concat([...this.deleted.keys()].filter((id) => !this.index.has(id)).map((id) => [id, this.version(id)] as [string, number])),
      snapshots: [...this.snapshots.values()],
    };
  }

  /**
   * Rebuilds the per-key index from the topics' logs (a stored run): every event the leader
   * holds, in offset order, by the aggregate its record names. A stream whose oldest events
   * retention deleted keeps the version it had: the deleted events count towards it.
   */
  async rebuild(topics: readonly string[], saved: StoreBookkeeping): Promise<void> {
    this.index.clear();
    this.deleted.clear();
    for (const topic of topics) {
      for (const p of this.sim.core.partitionsOfTopic(topic)) {
        if (p.leader === null) continue;
        const log = p.log(p.leader);
        await forEachStoredRecord(log, (r) => {
          const record = storedRecord(log, r);
          const event = this.decode(record);
          const list = this.index.get(event.aggregateId) ?? [];
          list.push({ topic, partition: p.partition, offset: r.offset, id: record.id, record });
          this.index.set(event.aggregateId, list);
        });
      }
    }
    for (const [id, version] of saved.versions) {
      const held = this.index.get(id)?.length ?? 0;
      if (version > held) this.deleted.set(id, version - held);
    }
    for (const snap of saved.snapshots) this.snapshots.set(snap.aggregateId, snap);
  }

  /** Index entries over every key (bounded by the records the log still holds). */
  indexEntries(): number {
    let n = 0;
    for (const list of this.index.values()) n += list.length;
    return n;
  }

  streams(): number {
    return this.index.size;
  }
}
