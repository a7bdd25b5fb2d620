// The binary batch format. Records travel and rest packed, many per ArrayBuffer: that is what
// makes memory use ~1.2x the payload and IndexedDB writes six-figure records/s (TOOLCHAIN.md).
// As in Kafka's v2 batches, the fields the broker sets (base offset, leader epoch, append time)
// sit outside the CRC so a leader can assign offsets without re-checksumming the body; the CRC
// itself is set when a batch is written to durable storage.
//
// Header (little-endian, HEADER_BYTES):
//   0 u32 byteLength | 4 f64 baseOffset | 12 i32 partitionLeaderEpoch | 16 f64 appendTime
//  24 u32 crc32 of [28, byteLength) | 28 u8 magic | 29 u8 attributes | 30 i16 producerEpoch
//  32 u32 count | 36 u32 lastOffsetDelta | 40 i32 baseSequence | 44 f64 producerId
//  52 f64 firstTimestamp | 60 f64 maxTimestamp
// Record: u32 offsetDelta | f64 timestamp | i32 keyLen (-1 null) | key | i32 valueLen | value
//         | u16 headerCount | { u16 nameLen | name | i32 valueLen | value }*
//
// Reading records back is in recordReads.ts; the little-endian field readers in byteReads.ts.
import { maxUtf8Length, writeUtf8 } from './bytes';
import { crc32 } from './crc32';
import type { ByteSlab } from './byteSlab';
import type { RecordBytes } from './recordBytes';
import { f64At, i16At, i32At, putF64, putI32, u32At } from './byteReads';

export const HEADER_BYTES = 68;
export const MAGIC = 1;
export const ATTR_LOG_APPEND_TIME = 1;
const RECORD_FIXED = 4 + 8 + 4 + 4 + 2;

export type Bytesish = string | Uint8Array;
/** Headers as [name, value] pairs (stored records) ... */
export type HeaderList = readonly (readonly [string, Bytesish | null])[];
/** ... or as kafkajs's IHeaders object (a value may be a list: the header repeats). */
export type HeaderMap = Readonly<Record<string, Bytesish | readonly Bytesish[] | undefined>>;

/**
 * A record to encode. A validated kafkajs message is one as it is (no copy per message on the
 * hot path): a missing key is null, a missing timestamp is the encode call's default, a string
 * timestamp is read as milliseconds.
 */
export interface RecordInput {
  key?: Bytesish | null | undefined;
  value: Bytesish | null;
  headers?: HeaderList | HeaderMap | undefined;
  timestamp?: number | string | undefined;
  /** Only for rewritten batches (compaction, follower copies): the record's offset delta. */
  offsetDelta?: number;
}

export interface BatchMeta {
  byteLength: number;
  baseOffset: number;
  partitionLeaderEpoch: number;
  appendTime: number;
  attributes: number;
  producerEpoch: number;
  count: number;
  lastOffsetDelta: number;
  baseSequence: number;
  producerId: number;
  firstTimestamp: number;
  maxTimestamp: number;
}

export interface DecodedRecord {
  offset: number;
  timestamp: number;
  key: RecordBytes | null;
  value: RecordBytes | null;
  headers: [string, RecordBytes | null][];
  /** Byte size of the record inside the batch. */
  size: number;
  /** When the broker appended the record's batch (ingestion time). */
  appendTime: number;
}

export interface EncodeOptions {
  /** Timestamp of records that have none (the producer's clock). */
  defaultTimestamp?: number;
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
  attributes?: number;
  /** Where small batches are copied to (their partition's slab); else each gets its own buffer. */
  slab?: ByteSlab;
}

let scratch = new Uint8Array(1 << 17);
let scratchView = new DataView(scratch.buffer);

function sizeOf(v: Bytesish | null): number {
  return v === null ? 0 : typeof v === 'string' ? maxUtf8Length(v) : v.length;
}

/**
 * The header count and worst-case size of the headers (every record's encoding measures them
 * first): loops, not a callback per header, which would allocate a closure per record.
 */
let headersCounted = 0;
function measureHeaders(h: HeaderList | HeaderMap): number {
  let n = 0;
  let size = 0;
  if (Array.isArray(h)) {
    for (const [k, v] of h as HeaderList) {
      n++;
      size += 6 + maxUtf8Length(k) + sizeOf(v);
    }
  } else {
    for (const k in h) {
      const v = (h as HeaderMap)[k];
      if (v === undefined) continue;
      if (Array.isArray(v)) {
        for (const x of v as readonly Bytesish[]) {
          n++;
          size += 6 + maxUtf8Length(k) + sizeOf(x);
        }
      } else {
        n++;
        size += 6 + maxUtf8Length(k) + sizeOf(v as Bytesish);
      }
    }
  }
  headersCounted = n;
  return size;
}

/** Worst-case encoded size of one record (exact for byte arrays, an upper bound for strings). */
export function maxRecordSize(r: RecordInput): number {
  return RECORD_FIXED + sizeOf(r.key ?? null) + sizeOf(r.value) + (r.headers ? measureHeaders(r.headers) : 0);
}

function put(dv: DataView, buf: Uint8Array, at: number, v: Bytesish | null): number {
  if (v === null) {
    dv.setInt32(at, -1, true);
    return at + 4;
  }
  let n: number;
  if (typeof v === 'string') n = writeUtf8(v, buf, at + 4);
  else {
    buf.set(v, at + 4);
    n = v.length;
  }
  dv.setInt32(at, n, true);
  return at + 4 + n;
}

export interface EncodedBatch {
  bytes: Uint8Array;
  count: number;
}

/**
 * Encodes records into batches of at most `maxBatchBytes` each (a single record larger than
 * that still gets a batch of its own). Calls onRecordSize with each record's exact size so a
 * caller can refuse oversized records before anything is stored. Base offsets stay 0 until the
 * log stamps them; with a producer, each batch's base sequence follows the previous batch's.
 */
export function encodeBatches(records: readonly RecordInput[], opts: EncodeOptions = {}, maxBatchBytes = Infinity, onRecordSize?: (size: number, index: number) => void): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  let seq = opts.baseSequence ?? -1;
  while (start < records.length || (records.length === 0 && out.length === 0)) {
    const bytes = encodeOne(records, start, opts, seq, maxBatchBytes, onRecordSize);
    out.push(bytes);
    if (records.length === 0) break;
    start += encodedCount;
    if (seq >= 0) seq += encodedCount;
  }
  return out;
}

/** Encodes all records into one batch (rewrites, tests). */
export function encodeBatch(records: readonly RecordInput[], opts: EncodeOptions = {}): Uint8Array {
  return encodeOne(records, 0, opts, opts.baseSequence ?? -1, Infinity);
}

/** How many records the last encodeOne took (a module variable, not a tuple per batch). */
let encodedCount = 0;

function encodeOne(records: readonly RecordInput[], from: number, opts: EncodeOptions, baseSequence: number, maxBatchBytes: number, onRecordSize?: (size: number, index: number) => void): Uint8Array {
  let buf = scratch;
  let dv = scratchView;
  const defaultTs = opts.defaultTimestamp ?? 0;
  let at = HEADER_BYTES;
  let first = Infinity;
  let max = -Infinity;
  let lastDelta = 0;
  let i = from;
  for (; i < records.length; i++) {
    const r = records[i]!;
    const need = at + maxRecordSize(r);
    const headers = r.headers ? headersCounted : 0;
    if (buf.length < need) {
      const bigger = new Uint8Array(Math.max(need, buf.length * 2));
      bigger.set(buf.subarray(0, at));
      scratch = buf = bigger;
      scratchView = dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const recStart = at;
    const delta = r.offsetDelta ?? i - from;
    const ts = r.timestamp;
    const timestamp = ts === undefined || ts === null ? defaultTs : typeof ts === 'number' ? ts : Number(ts);
    dv.setUint32(at, delta, true);
    dv.setFloat64(at + 4, timestamp, true);
    at = put(dv, buf, at + 12, r.key ?? null);
    at = put(dv, buf, at, r.value);
    const hs = r.headers;
    dv.setUint16(at, headers, true);
    at += 2;
    if (hs) at = putHeaders(dv, buf, at, hs);
    if (at > maxBatchBytes && i > from) {
      at = recStart;
      break;
    }
    onRecordSize?.(at - recStart, i);
    lastDelta = delta;
    if (timestamp < first) first = timestamp;
    if (timestamp > max) max = timestamp;
  }
  const count = i - from;
  encodedCount = count;
  dv.setUint32(0, at, true);
  dv.setFloat64(4, 0, true);
  dv.setInt32(12, -1, true);
  dv.setFloat64(16, 0, true);
  buf[28] = MAGIC;
  buf[29] = opts.attributes ?? 0;
  dv.setInt16(30, opts.producerEpoch ?? -1, true);
  dv.setUint32(32, count, true);
  dv.setUint32(36, lastDelta, true);
  dv.setInt32(40, baseSequence, true);
  dv.setFloat64(44, opts.producerId ?? -1, true);
  dv.setFloat64(52, count ? first : 0, true);
  dv.setFloat64(60, count ? max : 0, true);
  // The checksum is computed when the batch is stored durably (sealBatches), not here:
  // memory storage has no torn writes to detect. A batch goes to its partition's slab when the
  // caller names one (byteSlab.ts), else into an ArrayBuffer of its own.
  dv.setUint32(24, 0, true);
  return opts.slab ? opts.slab.copy(buf, at) : buf.slice(0, at);
}

function putHeader(dv: DataView, buf: Uint8Array, at: number, k: string, v: Bytesish | null): number {
  const n = writeUtf8(k, buf, at + 2);
  dv.setUint16(at, n, true);
  return put(dv, buf, at + 2 + n, v);
}

/** Writes the headers (an object's in its key order, a repeated header once per value); returns the position after them. */
function putHeaders(dv: DataView, buf: Uint8Array, at: number, h: HeaderList | HeaderMap): number {
  if (Array.isArray(h)) {
    for (const [k, v] of h as HeaderList) at = putHeader(dv, buf, at, k, v);
    return at;
  }
  for (const k in h) {
    const v = (h as HeaderMap)[k];
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v as readonly Bytesish[]) at = putHeader(dv, buf, at, k, x);
    else at = putHeader(dv, buf, at, k, v as Bytesish);
  }
  return at;
}

/**
 * The batches for attempt number `attempt` (0 first) of one write: the first sends them, later
 * ones send copies. A log keeps and stamps the bytes it is given, so a retry of a write that
 * reached a log (and its followers' views) must not hand the same bytes over again.
 */
export function retryCopy(batches: Uint8Array[], attempt: number): Uint8Array[] {
  return attempt === 0 ? batches : batches.map((b) => b.slice());
}

export function readMeta(buf: Uint8Array, at = 0): BatchMeta {
  return {
    byteLength: u32At(buf, at),
    baseOffset: f64At(buf, at + 4),
    partitionLeaderEpoch: i32At(buf, at + 12),
    appendTime: f64At(buf, at + 16),
    attributes: buf[at + 29]!,
    producerEpoch: i16At(buf, at + 30),
    count: u32At(buf, at + 32),
    lastOffsetDelta: u32At(buf, at + 36),
    baseSequence: i32At(buf, at + 40),
    producerId: f64At(buf, at + 44),
    firstTimestamp: f64At(buf, at + 52),
    maxTimestamp: f64At(buf, at + 60),
  };
}

/** The record count of the batch at `at` (readMeta's `count`, without the rest). */
export function batchCount(buf: Uint8Array, at = 0): number {
  return u32At(buf, at + 32);
}

/** The byte length of the batch at `at` (readMeta's `byteLength`, without the rest). */
export function batchByteLength(buf: Uint8Array, at = 0): number {
  return u32At(buf, at);
}

/** The base offset of the batch at `at`. */
export function batchBaseOffset(buf: Uint8Array, at = 0): number {
  return f64At(buf, at + 4);
}

/** The offset of the last record of the batch at `at` (base offset + last offset delta). */
export function batchLastOffset(buf: Uint8Array, at = 0): number {
  return f64At(buf, at + 4) + u32At(buf, at + 36);
}

/** The leader epoch stamped on the batch at `at`. */
export function batchLeaderEpoch(buf: Uint8Array, at = 0): number {
  return i32At(buf, at + 12);
}

// Single fields of a batch header, for the paths that take every batch (a leader's append, a
// follower's copy, a consumer's first read of a batch) and need a few fields, not readMeta's object.
export const batchLastOffsetDelta = (buf: Uint8Array, at = 0): number => u32At(buf, at + 36);
export const batchAttributes = (buf: Uint8Array, at = 0): number => buf[at + 29]!;
export const batchAppendTime = (buf: Uint8Array, at = 0): number => f64At(buf, at + 16);
export const batchProducerId = (buf: Uint8Array, at = 0): number => f64At(buf, at + 44);
export const batchProducerEpoch = (buf: Uint8Array, at = 0): number => i16At(buf, at + 30);
export const batchBaseSequence = (buf: Uint8Array, at = 0): number => i32At(buf, at + 40);
/** The batch's record time range as retention and time queries see it (with LogAppendTime, the append time). */
export function batchFirstTime(buf: Uint8Array, at = 0): number {
  return buf[at + 29]! & ATTR_LOG_APPEND_TIME ? f64At(buf, at + 16) : f64At(buf, at + 52);
}
export function batchMaxTime(buf: Uint8Array, at = 0): number {
  return buf[at + 29]! & ATTR_LOG_APPEND_TIME ? f64At(buf, at + 16) : f64At(buf, at + 60);
}

/** Computes and sets the CRC of every batch in a chunk (before a durable write). */
export function sealBatches(chunk: Uint8Array): void {
  const dv = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  for (let at = 0; at < chunk.length; ) {
    const len = dv.getUint32(at, true);
    dv.setUint32(at + 24, crc32(chunk, at + 28, at + len), true);
    at += len;
  }
}

/** The batch's record time range: with LogAppendTime every record carries the append time. */
export function batchTimes(m: BatchMeta): { first: number; max: number } {
  return m.attributes & ATTR_LOG_APPEND_TIME ? { first: m.appendTime, max: m.appendTime } : { first: m.firstTimestamp, max: m.maxTimestamp };
}

/** Sets the broker-owned fields in place (outside the CRC). */
export function stampBatch(buf: Uint8Array, at: number, baseOffset: number, leaderEpoch: number, appendTime: number): void {
  putF64(buf, at + 4, baseOffset);
  putI32(buf, at + 12, leaderEpoch);
  putF64(buf, at + 16, appendTime);
}

/** True when the batch at `at` is whole and its checksum matches (torn-write detection). */
export function isBatchValid(buf: Uint8Array, at = 0): boolean {
  if (buf.length - at < HEADER_BYTES) return false;
  const dv = new DataView(buf.buffer, buf.byteOffset + at);
  const len = dv.getUint32(0, true);
  if (len < HEADER_BYTES || at + len > buf.length || buf[at + 28] !== MAGIC) return false;
  return crc32(buf, at + 28, at + len) === dv.getUint32(24, true);
}

