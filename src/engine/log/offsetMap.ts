// The cleaner's map of key -> latest offset (Kafka's OffsetMap), built from the key bytes where
// they lie: keyed by a hash of the bytes, with an exact byte comparison when two keys share a
// hash, so a pass makes no string per record and allocates only once per distinct key.
import type { KeySink } from '../codec/recordReads';

interface Entry {
  /** Where the key's latest record holds its key bytes (compared when hashes collide). */
  buf: Uint8Array;
  keyStart: number;
  keyLen: number;
  offset: number;
  tombstone: boolean;
  /** Another key with the same hash. */
  next: Entry | null;
}

/** The records that stay: ascending offsets and whether each is a tombstone. */
export interface Survivors {
  offsets: number[];
  tombstones: boolean[];
}

/** 32-bit FNV-1a over the key's bytes. */
export function hashOf(buf: Uint8Array, start: number, len: number): number {
  let h = 0x811c9dc5;
  for (let i = start, end = start + len; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h;
}

function sameKey(e: Entry, buf: Uint8Array, start: number, len: number): boolean {
  if (e.keyLen !== len) return false;
  const a = e.buf;
  const s = e.keyStart;
  for (let i = 0; i < len; i++) if (a[s + i] !== buf[start + i]) return false;
  return true;
}

export class OffsetMap implements KeySink {
  private readonly byHash = new Map<number, Entry>();
  private size = 0;

  /** A record seen in offset order: the latest one of its key so far (keyless records are not kept). */
  key(buf: Uint8Array, offset: number, keyStart: number, keyLen: number, valueLen: number): void {
    if (keyLen < 0) return;
    const h = hashOf(buf, keyStart, keyLen);
    const head = this.byHash.get(h) ?? null;
    for (let e = head; e !== null; e = e.next) {
      if (!sameKey(e, buf, keyStart, keyLen)) continue;
      e.buf = buf;
      e.keyStart = keyStart;
      e.offset = offset;
      e.tombstone = valueLen < 0;
      return;
    }
    this.byHash.set(h, { buf, keyStart, keyLen, offset, tombstone: valueLen < 0, next: head });
    this.size++;
  }

  /** The latest record of every key, by offset. */
  survivors(): Survivors {
    const all: Entry[] = [];
    for (const head of this.byHash.values()) for (let e: Entry | null = head; e !== null; e = e.next) all.push(e);
    all.sort((a, b) => a.offset - b.offset);
    return { offsets: all.map((e) => e.offset), tombstones: all.map((e) => e.tombstone) };
  }

  get keys(): number {
    return this.size;
  }
}
