// Records as the replicated cluster's callers see them, over replicas that hold binary batches
// (PartitionLog): requests are encoded into one batch per produce request, reads decode the
// resident batches at one instant. A record's identity is Kafka's: the offset and the leader
// epoch of the batch that wrote it (two replicas hold the same record at an offset exactly when
// their batches there come from the same epoch), so the loss ledger and the duplicate count
// need no ids of their own.
import { ATTR_LOG_APPEND_TIME, batchAppendTime, batchAttributes, batchBaseOffset, batchByteLength, batchLastOffset, batchLeaderEpoch, encodeBatches, type DecodedRecord } from '../codec/recordBatch';
import { decodeRecordAt, forEachRecord, forEachRecordSpan, recordTextAt } from '../codec/recordReads';
import type { RecordBytes } from '../codec/recordBytes';
import { utf8 } from '../codec/bytes';
import type { ChunkPosition, PartitionLog } from '../log/partitionLog';
import type { Chunk } from '../log/segment';
import { CHUNK_BYTES } from '../log/truncate';
import { setOwn } from '../../lib/ownKey';

export interface SimRecord {
  /** The record's identity: recordId(leader epoch of its batch, offset). */
  readonly id: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timestamp: number;
}

export interface ProduceRecord {
  key?: string | null;
  /** Strings are stored as UTF-8, byte arrays as they are; other values as their string form (JSON for objects). */
  value?: unknown;
  headers?: Record<string, string>;
  timestamp?: number;
}

const EPOCH_FACTOR = 2 ** 32;

/** One number for (leader epoch, offset): unique while offsets stay below 2^32. */
export function recordId(epoch: number, offset: number): number {
  return (epoch + 1) * EPOCH_FACTOR + offset;
}

function valueString(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return utf8(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** What the batch stores: strings and bytes as they are, anything else as its string form. */
function valueBytes(v: unknown): string | Uint8Array | null {
  return v instanceof Uint8Array ? v : valueString(v);
}

/** A produce request's records as batches (one unless it passes a chunk), producer fields set when idempotent. */
export function encodeRecords(records: readonly ProduceRecord[], now: number, producer?: { id: number; firstSequence: number }): Uint8Array[] {
  return encodeBatches(
    records.map((r) => ({ key: r.key ?? null, value: valueBytes(r.value), timestamp: r.timestamp ?? now, ...(r.headers ? { headers: r.headers } : {}) })),
    { defaultTimestamp: now, ...(producer ? { producerId: producer.id, producerEpoch: 0, baseSequence: producer.firstSequence } : {}) },
    CHUNK_BYTES,
  );
}

/**
 * A walk over the resident batches of `log` that hold offsets in [from, to), in order: next()
 * moves to the next one (false at the end, or at the first chunk whose bytes are paged out —
 * `pagedOut` then, and the chunk is loaded for the next read). One object per walk and nothing
 * per batch: every consumer and follower fetch with news walks batches.
 */
export class ResidentBatches {
  batch: Uint8Array = EMPTY;
  /** The chunk whose bytes are exactly `batch` (a chunk of one batch), else undefined. */
  wholeChunk: Chunk | undefined = undefined;
  baseOffset = 0;
  lastOffset = 0;
  epoch = 0;
  pagedOut = false;
  private si = 0;
  private ci = 0;
  private data: Uint8Array = EMPTY;
  private chunk: Chunk | undefined = undefined;
  private readonly position: ChunkPosition = { si: 0, ci: 0 };
  private at = 0;
  private log!: PartitionLog;
  private from = 0;
  private to = 0;

  constructor(log?: PartitionLog, from = 0, to = 0) {
    if (log) this.start(log, from, to);
  }

  /** Starts a new walk (a walker whose last walk is over may be reused: nothing is kept from it). */
  start(log: PartitionLog, from: number, to: number): this {
    this.log = log;
    this.from = from;
    this.to = to;
    this.batch = this.data = EMPTY;
    this.wholeChunk = this.chunk = undefined;
    this.at = 0;
    this.pagedOut = false;
    const loc = from < to ? log.locate(from, this.position) : undefined;
    this.si = loc ? loc.si : log.segments.length;
    this.ci = loc ? loc.ci : 0;
    return this;
  }

  next(): boolean {
    const { log, from, to } = this;
    const segments = log.segments;
    for (;;) {
      const data = this.data;
      while (this.at < data.length) {
        const at = this.at;
        const length = batchByteLength(data, at);
        this.at += length;
        const base = batchBaseOffset(data, at);
        const last = batchLastOffset(data, at);
        if (last < from || base >= to) continue;
        const whole = at === 0 && length === data.length;
        this.batch = whole ? data : data.subarray(at, at + length);
        this.wholeChunk = whole ? this.chunk : undefined;
        this.baseOffset = base;
        this.lastOffset = last;
        this.epoch = batchLeaderEpoch(data, at);
        return true;
      }
      // The next chunk: the one located, then on through the segments.
      const seg = segments[this.si];
      if (!seg) return false;
      if (this.ci >= seg.chunks.length) {
        this.si++;
        this.ci = 0;
        continue;
      }
      const chunk = seg.chunks[this.ci++]!;
      if (chunk.baseOffset >= to) return false;
      if (!chunk.data) {
        void log.chunkData(seg.baseOffset, chunk).catch(() => undefined);
        this.pagedOut = true;
        return false;
      }
      this.data = chunk.data;
      this.chunk = chunk;
      this.at = 0;
    }
  }
}

const EMPTY = new Uint8Array(0);

/** The walker of the fetch paths below, which run to the end without calling out (never two walks at once). */
const fetchWalk = new ResidentBatches();

/**
 * Calls fn with every resident batch of `log` that holds offsets in [from, to), in order; stops
 * at the first chunk whose bytes are paged out (it is loaded for the next call) or when fn
 * returns false.
 */
export function forEachResidentBatch(log: PartitionLog, from: number, to: number, fn: (batch: Uint8Array, baseOffset: number, lastOffset: number, epoch: number) => boolean | void): 'done' | 'paged-out' {
  const walk = new ResidentBatches(log, from, to);
  while (walk.next()) if (fn(walk.batch, walk.baseOffset, walk.lastOffset, walk.epoch) === false) return 'done';
  return walk.pagedOut ? 'paged-out' : 'done';
}

/**
 * Whole batches from `from` holding at most about `maxRecords` records (at least one batch): a
 * follower's fetch. With `chunks`, each batch's chunk when the batch is all of it goes there
 * (undefined otherwise), at the batch's index.
 */
export function residentBatches(log: PartitionLog, from: number, maxRecords: number, chunks?: (Chunk | undefined)[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let n = 0;
  const walk = fetchWalk.start(log, from, log.logEndOffset);
  while (walk.next()) {
    const base = walk.baseOffset;
    const last = walk.lastOffset;
    if (out.length > 0 && n + (last - base + 1) > maxRecords) break;
    out.push(walk.batch);
    chunks?.push(walk.wholeChunk);
    n += last - Math.max(base, from) + 1;
  }
  return out;
}

/**
 * Decoded records per stored batch: a batch is decoded once however many replicas, groups and
 * reads look at it (batches are immutable once stamped and shared between replicas), and the
 * same record objects come back each time.
 */
const decodedBatches = new WeakMap<ArrayBufferLike, Map<number, SimRecord[]>>();

/**
 * A batch is known by where its bytes are (buffer and position), not by its view: a chunk of
 * several batches (IndexedDB logs pack them) hands out a new view of the same bytes each time.
 */
interface ByBuffer<T> {
  get(buffer: ArrayBufferLike): Map<number, T> | undefined;
  set(buffer: ArrayBufferLike, value: Map<number, T>): unknown;
}

function atBatch<T>(m: ByBuffer<T>, b: Uint8Array): T | undefined {
  return m.get(b.buffer)?.get(b.byteOffset);
}

function setAtBatch<T>(m: ByBuffer<T>, b: Uint8Array, value: T): void {
  let at = m.get(b.buffer);
  if (!at) m.set(b.buffer, (at = new Map()));
  at.set(b.byteOffset, value);
}

function decodeBatch(b: Uint8Array, epoch: number): SimRecord[] {
  let records = atBatch(decodedBatches, b);
  if (records) return records;
  records = [];
  const out = records;
  forEachRecord(b, 0, (r) => {
    let headers: Record<string, string> | undefined;
    if (r.headers.length > 0) {
      headers = {};
      for (const [k, v] of r.headers) setOwn(headers, k, v === null ? '' : utf8(v));
    }
    out.push({ id: recordId(epoch, r.offset), offset: r.offset, key: r.key === null ? null : utf8(r.key), value: r.value === null ? null : utf8(r.value), timestamp: r.timestamp, ...(headers ? { headers } : {}) });
  });
  setAtBatch(decodedBatches, b, records);
  return records;
}

/** Records in [from, to), at most `max`, at one instant. */
export function readResident(log: PartitionLog, from: number, to: number, max: number): SimRecord[] {
  const out: SimRecord[] = [];
  forEachResidentBatch(log, from, to, (b, _base, _last, epoch) => {
    for (const r of decodeBatch(b, epoch)) {
      if (r.offset < from) continue;
      if (r.offset >= to || out.length >= max) return false;
      out.push(r);
    }
  });
  return out;
}

/** The record at `offset`, or undefined when the log does not hold it. */
export function recordAt(log: PartitionLog, offset: number): SimRecord | undefined {
  if (offset < log.logStartOffset || offset >= log.logEndOffset) return undefined;
  const [r] = readResident(log, offset, offset + 1, 1);
  return r && r.offset === offset ? r : undefined;
}

/** The identity of the record at `offset` from the epoch cache alone (no bytes read), or undefined. */
export function idAt(log: PartitionLog, offset: number): number | undefined {
  if (offset < log.logStartOffset || offset >= log.logEndOffset) return undefined;
  const e = log.epochs.epochAt(offset);
  return e < 0 ? undefined : recordId(e, offset);
}

/** A record as consumers get it: bytes as stored, identified by (leader epoch of its batch, offset). */
export type ConsumedRecord = DecodedRecord & { readonly id: number };

/**
 * A resident record as consumers get it: offset, time and size read up front, its key, value and
 * headers views made when first read (a handler that wants text reads it with recordTextOf,
 * without any views).
 */
class ResidentRecord implements ConsumedRecord {
  private decoded: DecodedRecord | undefined;
  /** What derivedOf last made of the record, and with which maker. */
  derivedBy: unknown;
  derived: unknown;
  constructor(
    readonly id: number,
    readonly offset: number,
    readonly timestamp: number,
    readonly size: number,
    readonly appendTime: number,
    readonly bytes: Uint8Array,
    readonly start: number,
  ) {}

  private full(): DecodedRecord {
    return (this.decoded ??= decodeRecordAt(this.bytes, this.start, this.offset, this.appendTime));
  }

  get key(): RecordBytes | null {
    return this.full().key;
  }

  get value(): RecordBytes | null {
    return this.full().value;
  }

  get headers(): [string, RecordBytes | null][] {
    return this.full().headers;
  }
}

/** What derivedOf made of records other than resident consumed ones, per maker. */
const derivedElsewhere = new WeakMap<object, Map<unknown, unknown>>();

/**
 * What `make` makes of a consumed record (a handler runtime's wire record), made once however
 * many groups read the record: kept with a resident record (as long as its decoded batch is
 * kept), in a weak map for any other. Readers must not change it.
 */
export function derivedOf<T>(r: ConsumedRecord, make: (r: ConsumedRecord) => T): T {
  if (r instanceof ResidentRecord) {
    if (r.derivedBy === make) return r.derived as T;
    const v = make(r);
    r.derivedBy = make;
    r.derived = v;
    return v;
  }
  let byMaker = derivedElsewhere.get(r);
  if (!byMaker) derivedElsewhere.set(r, (byMaker = new Map()));
  if (byMaker.has(make)) return byMaker.get(make) as T;
  const v = make(r);
  byMaker.set(make, v);
  return v;
}

/** A record's key, value and headers as UTF-8 strings (a null header value reads as ''). */
export interface RecordText {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * A record as text, the value through `valueText` (wire-format values); a resident consumed
 * record is read straight from its batch's bytes.
 */
export function recordTextOf(r: DecodedRecord, valueText: (bytes: Uint8Array) => string = utf8): RecordText {
  if (r instanceof ResidentRecord) {
    const t = recordTextAt(r.bytes, r.start);
    return { key: t.key, value: t.value === null ? null : valueText(t.value), headers: t.headers };
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of r.headers) setOwn(headers, k, v === null ? '' : utf8(v));
  return { key: r.key === null ? null : utf8(r.key), value: r.value === null ? null : valueText(r.value), headers };
}

const NOTHING: readonly ConsumedRecord[] = Object.freeze([]);

/**
 * A consumer fetch's records: from `from` below the high watermark, at most `max`, read at this
 * instant when the bytes are resident (memory storage always), later when the first chunk it
 * needs is paged out to storage.
 */
export function readConsumed(log: PartitionLog, from: number, max: number): readonly ConsumedRecord[] | Promise<readonly ConsumedRecord[]> {
  const to = log.highWatermark;
  // Most fetches of a busy run find nothing new: they answer without allocating.
  if (from >= to) return NOTHING;
  // A fetch that finds one whole batch answers with the batch's decoded records as they are (no copy).
  let whole: readonly ConsumedRecord[] | undefined;
  let out: ConsumedRecord[] | undefined;
  const walk = fetchWalk.start(log, from, to);
  walk: while (walk.next()) {
    const chunk = walk.wholeChunk;
    const records = chunk && log.chunksFixed ? consumedChunk(chunk, walk.batch, walk.epoch) : consumedBatch(walk.batch, walk.epoch);
    const n = records.length;
    if (!out && !whole && n > 0 && n <= max && records[0]!.offset >= from && records[n - 1]!.offset < to) {
      whole = records;
      continue;
    }
    if (whole && whole.length >= max) break;
    if (!out) out = whole ? whole.slice() : [];
    for (let i = 0; i < n; i++) {
      const r = records[i]!;
      if (r.offset < from) continue;
      if (r.offset >= to || out.length >= max) break walk;
      out.push(r);
    }
  }
  const got = out ?? whole ?? [];
  if (!walk.pagedOut || got.length > 0) return got;
  return log.read(from, { maxRecords: max }).then((records) => {
    for (const r of records) (r as { id?: number }).id = recordId(log.epochs.epochAt(r.offset), r.offset);
    return records as ConsumedRecord[];
  });
}

/**
 * A stored batch's records as consumers get them, decoded once for every group that reads the
 * batch soon after (and every replica holding it, since followers share the leader's bytes).
 * Bounded: two generations of about DECODED_KEPT records each, the older dropped wholesale, so
 * a long run holds no decoded objects for records nobody reads any more. Consumers must not
 * change the records.
 */
const DECODED_KEPT = 20_000;

/**
 * Values per stored batch, known by buffer and position; a batch at the start of its buffer
 * (memory storage gives each batch a buffer of its own) needs no map of its own.
 */
class PerBatch<T> {
  private readonly first = new Map<ArrayBufferLike, T>();
  private readonly others = new Map<ArrayBufferLike, Map<number, T>>();

  get(b: Uint8Array): T | undefined {
    return b.byteOffset === 0 ? this.first.get(b.buffer) : this.others.get(b.buffer)?.get(b.byteOffset);
  }

  set(b: Uint8Array, value: T): void {
    if (b.byteOffset === 0) return void this.first.set(b.buffer, value);
    let at = this.others.get(b.buffer);
    if (!at) this.others.set(b.buffer, (at = new Map()));
    at.set(b.byteOffset, value);
  }
}

let recentBatches = new PerBatch<ConsumedRecord[]>();
let olderBatches = new PerBatch<ConsumedRecord[]>();
let recentCount = 0;

/** A chunk's decoded records, and the generation that last read them. */
interface HeldRecords {
  records: ConsumedRecord[];
  generation: number;
}

/**
 * The same two generations for batches that are all of a chunk that never changes (memory
 * storage: every batch): the records are held by the chunk itself, found with a field read
 * instead of two map lookups (in the simulator benchmark's profile the lookups and the map
 * updates cost several times the decoding they save). The lists say which chunks to let go of
 * when their generation is dropped.
 */
let generation = 0;
let recentChunks: Chunk[] = [];
let olderChunks: Chunk[] = [];

/** The older generation is dropped wholesale and the recent one becomes the older. */
function rotate(): void {
  olderBatches = recentBatches;
  recentBatches = new PerBatch();
  // A chunk read again since its generation became the older one belongs to the recent one.
  for (const c of olderChunks) if ((c.readers as HeldRecords | undefined)?.generation !== generation) c.readers = undefined;
  olderChunks = recentChunks;
  recentChunks = [];
  generation++;
  recentCount = 0;
}

function decodeConsumed(b: Uint8Array, epoch: number): ConsumedRecord[] {
  const out: ConsumedRecord[] = [];
  const logAppend = (batchAttributes(b) & ATTR_LOG_APPEND_TIME) !== 0;
  const appendTime = batchAppendTime(b);
  forEachRecordSpan(b, 0, (offset, timestamp, start, size) => {
    out.push(new ResidentRecord(recordId(epoch, offset), offset, logAppend ? appendTime : timestamp, size, appendTime, b, start));
  });
  return out;
}

function consumedBatch(b: Uint8Array, epoch: number): ConsumedRecord[] {
  let records = recentBatches.get(b);
  if (records) return records;
  records = olderBatches.get(b) ?? decodeConsumed(b, epoch);
  if (recentCount >= DECODED_KEPT) rotate();
  recentBatches.set(b, records);
  recentCount += records.length;
  return records;
}

/** consumedBatch for a batch that is all of `chunk`, a chunk that never changes. */
function consumedChunk(chunk: Chunk, b: Uint8Array, epoch: number): ConsumedRecord[] {
  const held = chunk.readers as HeldRecords | undefined;
  if (held && held.generation === generation) return held.records;
  const records = held ? held.records : decodeConsumed(b, epoch);
  if (recentCount >= DECODED_KEPT) rotate();
  // Set after rotating: a rotation lets go of a chunk of the older generation, this one included.
  const now: HeldRecords = held ?? { records, generation };
  now.generation = generation;
  chunk.readers = now;
  recentChunks.push(chunk);
  recentCount += records.length;
  return records;
}
