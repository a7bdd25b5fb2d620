// Per-key offset index of one partition, so one aggregate's events are read without scanning
// the partition. Built on first use (or loaded from the snapshot storage saved earlier), then
// caught up incrementally from where it stopped; a change other than an append (compaction,
// retention, truncation: a new log generation) makes it rebuild. With IndexedDB it is saved
// again whenever it has grown by a tenth, so a reopen does not rescan the log.
import { forEachKey } from '../codec/recordBatch';
import type { PartitionLog } from '../log/partitionLog';

function keyOf(buf: Uint8Array, start: number, len: number): string {
  let ascii = len <= 64;
  for (let i = 0; ascii && i < len; i++) if (buf[start + i]! >= 0x80) ascii = false;
  if (ascii) {
    let s = '';
    for (let i = 0; i < len; i++) s += String.fromCharCode(buf[start + i]!);
    return s;
  }
  return new TextDecoder().decode(buf.subarray(start, start + len));
}

/** Save at least this many new records' worth of index at a time. */
const SAVE_EVERY_RECORDS = 10_000;

export class KeyIndex {
  private readonly offsets = new Map<string, number[]>();
  /** Keys loaded from a snapshot and not touched since: [start, count] into snapshotOffsets. */
  private readonly snapshotKeys = new Map<string, [number, number]>();
  private snapshotOffsets: Float64Array<ArrayBufferLike> | Uint32Array<ArrayBufferLike> = new Float64Array(0);
  private upTo = 0;
  private generation = -1;
  private savedUpTo = -1;
  private loadTried = false;
  /** The background save in flight, if any (so a cluster can wait for it before closing). */
  saving: Promise<void> | undefined;

  constructor(private readonly log: PartitionLog) {}

  /** Brings the index up to the log end offset. */
  async catchUp(): Promise<void> {
    const log = this.log;
    if (!this.loadTried) {
      this.loadTried = true;
      await this.load();
    }
    if (this.generation !== log.generation) {
      this.offsets.clear();
      this.snapshotKeys.clear();
      this.upTo = log.logStartOffset;
      this.generation = log.generation;
    }
    const end = log.logEndOffset;
    if (this.upTo >= end) return;
    let loc = log.locate(this.upTo);
    while (loc) {
      const seg = log.segments[loc.si]!;
      const chunk = seg.chunks[loc.ci]!;
      if (chunk.baseOffset >= end) break;
      const data = await log.chunkData(seg.baseOffset, chunk, 15);
      for (let at = 0; at < data.length; ) {
        forEachKey(data, at, (offset, ks, kl) => {
          if (offset < this.upTo || offset >= end || kl < 0) return;
          const k = keyOf(data, ks, kl);
          let list = this.listOf(k);
          if (!list) this.offsets.set(k, (list = []));
          list.push(offset);
        });
        at += new DataView(data.buffer, data.byteOffset + at, 4).getUint32(0, true);
      }
      loc = loc.ci + 1 < seg.chunks.length ? { si: loc.si, ci: loc.ci + 1 } : loc.si + 1 < log.segments.length ? { si: loc.si + 1, ci: 0 } : undefined;
    }
    this.upTo = end;
    if (this.log.store.saveKeyIndex && this.upTo - Math.max(this.savedUpTo, 0) >= Math.max(SAVE_EVERY_RECORDS, this.savedUpTo / 10)) this.save();
  }

  private async load(): Promise<void> {
    const snap = await this.log.store.loadKeyIndex?.().catch(() => undefined);
    if (!snap || snap.generation !== this.log.generation || snap.upTo > this.log.logEndOffset) return;
    // Keys stay views into the snapshot until one is read or appended to.
    let at = 0;
    snap.keys.forEach((k, i) => {
      const n = snap.counts[i]!;
      this.snapshotKeys.set(k, [at, n]);
      at += n;
    });
    this.snapshotOffsets = snap.offsets;
    this.upTo = snap.upTo;
    this.generation = snap.generation;
    this.savedUpTo = snap.upTo;
  }

  /** Saves a snapshot in the background; a failed save only costs a rescan after reopening. */
  /** The key's offsets as a mutable list, materialised from the snapshot on first use. */
  private listOf(key: string): number[] | undefined {
    const list = this.offsets.get(key);
    if (list) return list;
    const view = this.snapshotKeys.get(key);
    if (!view) return undefined;
    const made = Array.from(this.snapshotOffsets.subarray(view[0], view[0] + view[1]));
    this.snapshotKeys.delete(key);
    this.offsets.set(key, made);
    return made;
  }

  private save(): void {
    for (const k of [...this.snapshotKeys.keys()]) this.listOf(k);
    this.snapshotOffsets = new Float64Array(0);
    const keys = [...this.offsets.keys()];
    const counts = new Uint32Array(keys.length);
    let total = 0;
    keys.forEach((k, i) => (total += counts[i] = this.offsets.get(k)!.length));
    const offsets = this.upTo <= 0xffffffff ? new Uint32Array(total) : new Float64Array(total);
    let at = 0;
    for (const k of keys) for (const o of this.offsets.get(k)!) offsets[at++] = o;
    this.savedUpTo = this.upTo;
    this.saving = this.log.store.saveKeyIndex?.({ generation: this.generation, upTo: this.upTo, keys, counts, offsets }).catch(() => {
      this.savedUpTo = -1;
    });
  }

  /** Whether the index covers every record before `offset` (nothing appended since catchUp). */
  coversUpTo(offset: number): boolean {
    return this.generation === this.log.generation && this.upTo === offset;
  }

  /** The 1-based position of `offset` among the key's offsets (its version), or 0. */
  versionOf(key: string, offset: number): number {
    const list = this.listOf(key);
    if (!list) return 0;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = list[mid]!;
      if (v === offset) return mid + 1;
      if (v < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  offsetsOf(key: string): readonly number[] {
    return this.listOf(key) ?? [];
  }
}
