// Reading stored batches back: whole records with their views (forEachRecord, pickRecords), keys
// alone (forEachKey, scanKeys: compaction and key indexes), and records as spans whose views or
// text are made only when asked (consumers). The format is in recordBatch.ts.
import { utf8 } from './bytes';
import { f64At, i32At, u16At, u32At } from './byteReads';
import { HEADER_BYTES, type DecodedRecord } from './recordBatch';
import { view, type RecordBytes } from './recordBytes';
import { setOwn } from '../../lib/ownKey';

function bytesAt(dv: DataView, buf: Uint8Array, at: number): [RecordBytes | null, number] {
  const n = dv.getInt32(at, true);
  if (n < 0) return [null, at + 4];
  return [view(buf, at + 4, n), at + 4 + n];
}

function decodeAt(dv: DataView, buf: Uint8Array, p: number, base: number, appendTime: number): DecodedRecord {
  const start = p;
  const offset = base + dv.getUint32(p, true);
  const timestamp = dv.getFloat64(p + 4, true);
  const [key, p1] = bytesAt(dv, buf, p + 12);
  const [value, p2] = bytesAt(dv, buf, p1);
  const hc = dv.getUint16(p2, true);
  p = p2 + 2;
  const headers: [string, RecordBytes | null][] = [];
  for (let h = 0; h < hc; h++) {
    const nl = dv.getUint16(p, true);
    const name = utf8(buf.subarray(p + 2, p + 2 + nl));
    const [hv, next] = bytesAt(dv, buf, p + 2 + nl);
    headers.push([name, hv]);
    p = next;
  }
  return { offset, timestamp, key, value, headers, size: p - start, appendTime };
}

/** The position after the headers of a record, from the position of its header count. */
function afterHeaders(buf: Uint8Array, p: number): number {
  const hc = u16At(buf, p);
  p += 2;
  for (let h = 0; h < hc; h++) {
    p += 2 + u16At(buf, p);
    const hl = i32At(buf, p);
    p += 4 + (hl > 0 ? hl : 0);
  }
  return p;
}

/** The position after the record starting at `p`. */
function recordEnd(buf: Uint8Array, p: number): number {
  p += 12;
  const kl = i32At(buf, p);
  p += 4 + (kl > 0 ? kl : 0);
  const vl = i32At(buf, p);
  return afterHeaders(buf, p + 4 + (vl > 0 ? vl : 0));
}

/** Calls fn for each record of the batch at `at`, with absolute offsets; stops early on `false`. */
export function forEachRecord(buf: Uint8Array, at: number, fn: (r: DecodedRecord) => boolean | void): void {
  const dv = new DataView(buf.buffer, buf.byteOffset);
  const len = dv.getUint32(at, true);
  const base = dv.getFloat64(at + 4, true);
  const count = dv.getUint32(at + 32, true);
  const appendTime = dv.getFloat64(at + 16, true);
  let p = at + HEADER_BYTES;
  for (let i = 0; i < count && p < at + len; i++) {
    const r = decodeAt(dv, buf, p, base, appendTime);
    p += r.size;
    if (fn(r) === false) return;
  }
}

/**
 * Record start positions of the batch at `at`, computed once per batch and kept while the
 * bytes are resident, so scattered reads (one key's events) jump straight to a record.
 */
const positionCache = new WeakMap<Uint8Array, Map<number, Int32Array>>();

function positionsOf(buf: Uint8Array, at: number, count: number, len: number): Int32Array {
  let perBuf = positionCache.get(buf);
  if (!perBuf) positionCache.set(buf, (perBuf = new Map()));
  let pos = perBuf.get(at);
  if (pos) return pos;
  pos = new Int32Array(count);
  let p = at + HEADER_BYTES;
  for (let i = 0; i < count && p < at + len; i++) {
    pos[i] = p;
    p = recordEnd(buf, p);
  }
  perBuf.set(at, pos);
  return pos;
}

/** Decodes only the records whose offsets are in `wanted` (ascending), jumping to each one. */
export function pickRecords(buf: Uint8Array, at: number, wanted: readonly number[], from: number, out: DecodedRecord[]): number {
  const dv = new DataView(buf.buffer, buf.byteOffset);
  const len = dv.getUint32(at, true);
  const base = dv.getFloat64(at + 4, true);
  const count = dv.getUint32(at + 32, true);
  const lastDelta = dv.getUint32(at + 36, true);
  const appendTime = dv.getFloat64(at + 16, true);
  const pos = positionsOf(buf, at, count, len);
  const dense = lastDelta === count - 1;
  let w = from;
  let lo = 0;
  for (; w < wanted.length; w++) {
    const delta = wanted[w]! - base;
    if (delta > lastDelta) break;
    if (delta < 0) continue;
    // Dense batches (never compacted) hold offset base+i at index i; others are searched.
    let idx = dense ? delta : -1;
    if (!dense) {
      let hi = count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const d = dv.getUint32(pos[mid]!, true);
        if (d === delta) {
          idx = mid;
          break;
        }
        if (d < delta) lo = mid + 1;
        else hi = mid - 1;
      }
      if (idx < 0) continue;
      lo = idx + 1;
    }
    out.push(decodeAt(dv, buf, pos[idx]!, base, appendTime));
  }
  return w;
}

/** Offsets and key bytes only, without allocating views for values (compaction, key indexes). */
export function forEachKey(buf: Uint8Array, at: number, fn: (offset: number, keyStart: number, keyLen: number, valueLen: number, timestamp: number, size: number) => void): void {
  const end = at + u32At(buf, at);
  const base = f64At(buf, at + 4);
  const count = u32At(buf, at + 32);
  let p = at + HEADER_BYTES;
  for (let i = 0; i < count && p < end; i++) {
    const start = p;
    const kl = i32At(buf, p + 12);
    const keyStart = p + 16;
    const vl = i32At(buf, keyStart + (kl > 0 ? kl : 0));
    p = afterHeaders(buf, keyStart + (kl > 0 ? kl : 0) + 4 + (vl > 0 ? vl : 0));
    fn(base + u32At(buf, start), keyStart, kl, vl, f64At(buf, start + 4), p - start);
  }
}

export function keyString(buf: Uint8Array, start: number, len: number): string {
  return utf8(buf.subarray(start, start + len));
}

// ---- Reading records without a view per field (consumers) ----------------------------------
// A consumed record is mostly read as text (key, headers) and a value: decoding its views up
// front cost about a kilobyte of short-lived objects per record (a typed-array view per header).

/**
 * Calls fn with each record of the batch at `at`: its offset, timestamp, where it starts and its
 * byte size (decodeRecordAt and recordTextAt read it later); allocates nothing per record.
 */
export function forEachRecordSpan(buf: Uint8Array, at: number, fn: (offset: number, timestamp: number, start: number, size: number) => void): void {
  const end = at + u32At(buf, at);
  const base = f64At(buf, at + 4);
  const count = u32At(buf, at + 32);
  for (let i = 0, p = at + HEADER_BYTES; i < count && p < end; i++) {
    const start = p;
    p = recordEnd(buf, p);
    fn(base + u32At(buf, start), f64At(buf, start + 4), start, p - start);
  }
}

/** The record starting at `start` (a position forEachRecordSpan gave) with its views, at `offset`. */
export function decodeRecordAt(buf: Uint8Array, start: number, offset: number, appendTime: number): DecodedRecord {
  const dv = new DataView(buf.buffer, buf.byteOffset);
  return decodeAt(dv, buf, start, offset - dv.getUint32(start, true), appendTime);
}

/** A record's key and headers as text, its value as bytes (a plain view, null when null). */
export interface RecordTextParts {
  key: string | null;
  value: Uint8Array | null;
  headers: Record<string, string>;
}

/**
 * The record starting at `start` as text: key and header values as UTF-8 (a null header value
 * reads as ''), the value's bytes as a view. Short strings (header names and values, keys) are
 * shared between records: the same bytes give the same string without decoding them again.
 */
export function recordTextAt(buf: Uint8Array, start: number): RecordTextParts {
  let p = start + 12;
  const kl = i32At(buf, p);
  const key = kl < 0 ? null : slotText(buf, p + 4, kl, 0);
  p += 4 + Math.max(kl, 0);
  const vl = i32At(buf, p);
  const value = vl < 0 ? null : buf.subarray(p + 4, p + 4 + vl);
  p += 4 + Math.max(vl, 0);
  const hc = u16At(buf, p);
  p += 2;
  const headers: Record<string, string> = {};
  for (let h = 0; h < hc; h++) {
    const nl = u16At(buf, p);
    const name = slotText(buf, p + 2, nl, 1 + 2 * h);
    p += 2 + nl;
    const hl = i32At(buf, p);
    setOwn(headers, name, hl < 0 ? '' : slotText(buf, p + 4, hl, 2 + 2 * h));
    p += 4 + Math.max(hl, 0);
  }
  return { key, value, headers };
}

/**
 * The UTF-8 text of buf[start, start + len): a short ASCII text (a key, a header) comes back as
 * the same string each time its bytes recur, without decoding them again.
 */
export function textAt(buf: Uint8Array, start: number, len: number): string {
  return shortText(buf, start, len);
}

/**
 * The text last read at each place of a record (key, then each header's name and value): the
 * records of a topic mostly repeat their neighbours' header names and many values, which a
 * comparison finds without hashing.
 */
const lastAtSlot: string[] = [];
const SLOTS = 33;

function slotText(buf: Uint8Array, start: number, len: number, slot: number): string {
  if (slot >= SLOTS) return shortText(buf, start, len);
  const last = lastAtSlot[slot];
  if (last !== undefined && last.length === len) {
    let i = 0;
    // ASCII only: a byte of 0x80 or more is never one character.
    while (i < len && buf[start + i]! < 0x80 && last.charCodeAt(i) === buf[start + i]) i++;
    if (i === len) return last;
  }
  const s = shortText(buf, start, len);
  lastAtSlot[slot] = s;
  return s;
}

/** Short ASCII strings by hash of their bytes; emptied when full (bounded, whatever the keys). */
const SHARED_TEXT_MAX = 4096;
const sharedText = new Map<number, string>();

function shortText(buf: Uint8Array, start: number, len: number): string {
  if (len > 64) return utf8(buf.subarray(start, start + len));
  let h = 0x811c9dc5 ^ len;
  for (let i = 0; i < len; i++) {
    const c = buf[start + i]!;
    if (c >= 0x80) return utf8(buf.subarray(start, start + len));
    h = Math.imul(h ^ c, 0x01000193);
  }
  const known = sharedText.get(h);
  if (known !== undefined && known.length === len) {
    let same = true;
    for (let i = 0; same && i < len; i++) same = known.charCodeAt(i) === buf[start + i];
    if (same) return known;
  }
  const s = len === 0 ? '' : String.fromCharCode.apply(null, buf.subarray(start, start + len) as unknown as number[]);
  if (sharedText.size >= SHARED_TEXT_MAX) sharedText.clear();
  sharedText.set(h, s);
  return s;
}

/** Receives each record of a key walk (an object with a method, so a walk allocates nothing). */
export interface KeySink {
  key(buf: Uint8Array, offset: number, keyStart: number, keyLen: number, valueLen: number): void;
}

/**
 * Walks every record of every batch in `buf` (a chunk: batches back to back), giving `sink` each
 * record's offset, key position and value length. Returns the number of records walked.
 */
export function scanKeys(buf: Uint8Array, sink: KeySink): number {
  let n = 0;
  for (let at = 0; at + HEADER_BYTES <= buf.length; ) {
    const len = u32At(buf, at);
    if (len < HEADER_BYTES) break;
    const end = at + len;
    const base = f64At(buf, at + 4);
    const count = u32At(buf, at + 32);
    let p = at + HEADER_BYTES;
    for (let i = 0; i < count && p < end; i++) {
      const offset = base + u32At(buf, p);
      const kl = i32At(buf, p + 12);
      const keyStart = p + 16;
      p = keyStart + (kl > 0 ? kl : 0);
      const vl = i32At(buf, p);
      p = afterHeaders(buf, p + 4 + (vl > 0 ? vl : 0));
      sink.key(buf, offset, keyStart, kl, vl);
      n++;
    }
    at = end;
  }
  return n;
}
