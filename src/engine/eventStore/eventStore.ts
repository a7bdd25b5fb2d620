// Kafka as an event store: one key is one aggregate. Reads of a key go through a per-key
// offset index (no partition scan); appends are conditional on the key's version (the number
// of records it has), checked and written under the partition log's lock so two writers
// cannot both win; snapshots live in an internal compacted topic; every record carries its
// event time (the record timestamp) and ingestion time (the batch's append time).
import { encodeBatches, type DecodedRecord } from '../codec/recordBatch';
import type { Engine } from '../broker/engine';
import { isCompacted } from '../log/topicConfig';
import { toKafkaMessage, toRecordInput } from '../client/messages';
import type { IHeaders, KafkaMessage } from '../client/types';
import { ConcurrencyConflictError, IllegalStateError, InvalidRecordError, MessageTooLargeError } from '../errors';
import { CHUNK_BYTES } from '../log/truncate';
import type { PartitionLog } from '../log/partitionLog';
import { defaultPartition } from '../murmur2';
import { refusedBeforeWrite, withRetries } from '../client/retry';
import { matches, type WhereClause } from './jsonPath';
import { KeyIndex } from './keyIndex';

export const SNAPSHOTS_TOPIC = '__event_store_snapshots';
const SNAPSHOT_PARTITIONS = 8;

export interface EventInput {
  value: string | Uint8Array | null;
  headers?: IHeaders;
  /** Event time; defaults to now. */
  timestamp?: string | number;
}

export interface StoredEvent extends KafkaMessage {
  partition: number;
  /** 1 for a key's first event. */
  version: number;
  /** When the log appended the event (ms, as a string like timestamp). */
  ingestionTime: string;
}

export interface Snapshot {
  version: number;
  state: unknown;
  timestamp: string;
}

export interface EventQuery {
  key?: string;
  /** Event time range, inclusive (ms). */
  from?: number;
  to?: number;
  header?: Record<string, string>;
  where?: WhereClause | WhereClause[];
  limit?: number;
}

class RetrySignal extends Error {}

export class EventStore {
  private readonly indexes = new WeakMap<PartitionLog, KeyIndex>();

  constructor(
    private readonly engine: Engine,
    readonly topic: string,
  ) {
    engine.topic(topic);
  }

  private logFor(key: string): PartitionLog {
    const t = this.engine.topic(this.topic);
    return this.engine.log(this.topic, defaultPartition(key, t.partitions.length));
  }

  /** The partition's key index, caught up, complete for `key` (or for every key without one). */
  private async index(log: PartitionLog, key?: string): Promise<KeyIndex> {
    let idx = this.indexes.get(log);
    if (!idx) this.indexes.set(log, (idx = new KeyIndex(log)));
    await idx.catchUp();
    if (key === undefined) await idx.ensureAll();
    else await idx.ensureKey(key);
    if (idx.saving) void this.engine.track(idx.saving);
    return idx;
  }

  /** The key's current version (number of records it has). */
  async version(key: string): Promise<number> {
    return (await this.index(this.logFor(key), key)).offsetsOf(key).length;
  }

  /**
   * Appends events to a key if it is still at expectedVersion; resolves to the new version.
   * Without expectedVersion the append is unconditional.
   */
  async append(key: string, events: EventInput[], options: { expectedVersion?: number } = {}): Promise<number> {
    if (typeof key !== 'string' || key === '') throw new InvalidRecordError('An event-store key must be a non-empty string (the aggregate id).');
    if (!Array.isArray(events) || events.length === 0) throw new InvalidRecordError('append needs at least one event.');
    const t = this.engine.topic(this.topic);
    const now = this.engine.clock.now();
    const records = events.map((e) => toRecordInput(this.topic, { key, value: e.value, ...(e.headers ? { headers: e.headers } : {}), ...(e.timestamp !== undefined ? { timestamp: e.timestamp } : {}) }));
    const max = t.config['max.message.bytes'];
    const batches = encodeBatches(records, { defaultTimestamp: now }, CHUNK_BYTES, (size) => {
      if (size > max) throw new MessageTooLargeError(this.topic, size, max);
    });
    const log = this.logFor(key);
    const expected = options.expectedVersion;
    for (;;) {
      const idx = await this.index(log, key);
      const current = idx.offsetsOf(key).length;
      if (expected !== undefined && current !== expected) throw new ConcurrencyConflictError(this.topic, key, expected, current);
      try {
        // Through the replicated produce path with acks=all: refused when the partition has no
        // leader or too few in-sync replicas (retried, as a producer retries those), answered
        // when every in-sync replica has the events (and, with IndexedDB, they are on disk).
        await withRetries(
          this.engine.clock,
          () =>
            this.engine.appendToPartition(this.topic, log.partition, batches.map((b) => b.slice()), -1, {
              precondition: (nextOffset) => {
                // Anything appended since the index caught up may be this key's: look again.
                if (expected !== undefined && !idx.coversUpTo(nextOffset)) throw new RetrySignal();
              },
            }),
          { retriable: refusedBeforeWrite },
        );
        return current + records.length;
      } catch (e) {
        if (!(e instanceof RetrySignal)) throw e;
      }
    }
  }

  /** The key's events in order, from a version (inclusive, default 1). */
  async read(key: string, options: { fromVersion?: number; toVersion?: number } = {}): Promise<StoredEvent[]> {
    const log = this.logFor(key);
    const offsets = (await this.index(log, key)).offsetsOf(key);
    const from = Math.max(1, options.fromVersion ?? 1);
    const to = Math.min(offsets.length, options.toVersion ?? offsets.length);
    if (from > to) return [];
    const wanted = offsets.slice(from - 1, to);
    const recs = await log.readOffsets(wanted);
    return recs.map((r, i) => this.toEvent(r, log.partition, from + i));
  }

  private toEvent(r: DecodedRecord, partition: number, version: number): StoredEvent {
    return { ...toKafkaMessage(r), partition, version, ingestionTime: String(r.appendTime) };
  }

  async saveSnapshot(key: string, snapshot: { version: number; state: unknown }): Promise<void> {
    if (!Number.isInteger(snapshot.version) || snapshot.version < 0) throw new InvalidRecordError(`A snapshot version must be a whole number ≥ 0, got ${snapshot.version}.`);
    await this.engine.ensureInternalTopic(SNAPSHOTS_TOPIC, SNAPSHOT_PARTITIONS);
    const t = this.engine.topic(SNAPSHOTS_TOPIC);
    if (!isCompacted(t.config)) throw new IllegalStateError(`${SNAPSHOTS_TOPIC} must be a compacted topic.`);
    const skey = `${this.topic}/${key}`;
    const now = this.engine.clock.now();
    const partition = defaultPartition(skey, t.partitions.length);
    const batches = encodeBatches([{ key: skey, value: JSON.stringify({ version: snapshot.version, state: snapshot.state }), timestamp: now }], {}, CHUNK_BYTES);
    await withRetries(this.engine.clock, () => this.engine.appendToPartition(SNAPSHOTS_TOPIC, partition, batches, -1, {}), { retriable: refusedBeforeWrite });
  }

  async loadSnapshot(key: string): Promise<Snapshot | null> {
    const t = this.engine.topics.get(SNAPSHOTS_TOPIC);
    if (!t) return null;
    const skey = `${this.topic}/${key}`;
    const log = this.engine.log(SNAPSHOTS_TOPIC, defaultPartition(skey, t.partitions.length));
    const offs = (await this.index(log, skey)).offsetsOf(skey);
    const last = offs[offs.length - 1];
    if (last === undefined) return null;
    const [r] = await log.readOffsets([last]);
    if (!r || r.value === null) return null;
    const parsed = JSON.parse(r.value.toString()) as { version: number; state: unknown };
    return { version: parsed.version, state: parsed.state, timestamp: String(r.timestamp) };
  }

  /** Ad-hoc query over the topic: by key, event-time range, header values and JSON fields. */
  async query(q: EventQuery = {}): Promise<StoredEvent[]> {
    const wheres = q.where === undefined ? [] : Array.isArray(q.where) ? q.where : [q.where];
    const limit = q.limit ?? Infinity;
    const from = q.from ?? -Infinity;
    const to = q.to ?? Infinity;
    const keep = (e: StoredEvent): boolean => {
      const ts = Number(e.timestamp);
      if (ts < from || ts > to) return false;
      if (q.header) {
        for (const [name, want] of Object.entries(q.header)) {
          const h = e.headers[name];
          const vals = h === undefined ? [] : Array.isArray(h) ? h : [h];
          if (!vals.some((v) => v.toString() === want)) return false;
        }
      }
      if (wheres.length > 0) {
        if (e.value === null) return false;
        let parsed: unknown;
        try {
          parsed = JSON.parse(e.value.toString());
        } catch {
          return false;
        }
        if (!wheres.every((w) => matches(parsed, w))) return false;
      }
      return true;
    };
    if (q.key !== undefined) return (await this.read(q.key)).filter(keep).slice(0, limit === Infinity ? undefined : limit);
    const out: StoredEvent[] = [];
    const t = this.engine.topic(this.topic);
    for (const p of t.partitions) {
      const log = this.engine.leaderLog(p);
      const idx = await this.index(log);
      for (const seg of log.segments) {
        for (const chunk of seg.chunks) {
          if (chunk.baseOffset >= log.highWatermark) break;
          if (chunk.maxTimestamp < from || chunk.firstTimestamp > to) {
            continue;
          }
          const recs = await log.read(Math.max(chunk.baseOffset, log.logStartOffset), { maxRecords: chunk.count, maxBytes: Infinity });
          for (const r of recs) {
            if (r.offset > chunk.lastOffset) break;
            const k = r.key === null ? '' : r.key.toString();
            const e = this.toEvent(r, p.partition, idx.versionOf(k, r.offset));
            if (keep(e)) {
              out.push(e);
              if (out.length >= limit) return out;
            }
          }
        }
      }
    }
    return out;
  }
}
