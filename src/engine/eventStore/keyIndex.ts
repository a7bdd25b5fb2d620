// Per-key offset index of one partition, so one aggregate's events are read without scanning
// the partition. Built on first use, then caught up incrementally from where it stopped; a
// change other than an append (compaction, retention, truncation: a new log generation) makes
// it rebuild. With IndexedDB it is saved whenever it has grown by a tenth, split into buckets
// by key hash, so after a reopen reading one key loads one small bucket, not the whole index.
import { hashString } from '../../lib/rng';
import { batchByteLength } from '../codec/recordBatch';
import { forEachKey, textAt } from '../codec/recordReads';
import type { PartitionLog } from '../log/partitionLog';
import { ResidentBatches } from '../replication/records';
import type { KeyIndexBucket } from '../log/logStore';

/** Buckets per saved index: ~16k records each for a million-record partition (under 64 KiB). */
export const INDEX_BUCKETS = 64;

export const bucketOf = (key: string) => hashString(key) % INDEX_BUCKETS;

const CAUGHT_UP: Promise<void> = Promise.resolve();
/** The walker of resident catch-ups, which run to the end without calling out (never two at once). */
const resident = new ResidentBatches();

export class KeyIndex {
  /** Save at least this many new records' worth of index at a time (tests lower it). */
  static saveEveryRecords = 10_000;
  /** Saves started, for tests. */
  static saves = 0;
  private readonly offsets = new Map<string, number[]>();
  /** Buckets of a loaded snapshot not read yet: their keys' older offsets are still on disk. */
  private readonly pendingBuckets = new Set<number>();
  private upTo = 0;
  private generation = -1;
  private contentGeneration = -1;
  /** Per key: [first indexed offset, version before it] (read from the record's header once). */
  private readonly bases = new Map<string, [number, number]>();
  private savedUpTo = -1;
  private loadTried = false;
  /** The background save in flight, if any (so a cluster can wait for it before closing). */
  saving: Promise<void> | undefined;

  private queue: Promise<unknown> = Promise.resolve();
  /** Index operations queued or running: while there are none, a catch-up may run at once. */
  private queued = 0;
  private readonly settled = (): void => void this.queued--;

  constructor(private readonly log: PartitionLog) {}

  /** One index operation at a time: two catch-ups interleaving would index records twice. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    this.queued++;
    const run = this.queue.then(fn, fn);
    this.queue = run.then(this.settled, this.settled);
    return run;
  }

  /** Brings the index up to the log end offset. */
  catchUp(): Promise<void> {
    if (this.queued === 0 && this.catchUpResident()) return CAUGHT_UP;
    return this.serial(() => this.catchUpNow());
  }

  /**
   * Whether the index is complete for `key` now, caught up at once if it can be: every append
   * is followed by a read or another append of its partition, and most of them find the index
   * one record behind, in bytes already in memory — no promise chain is needed for those.
   */
  readyFor(key: string): boolean {
    return this.queued === 0 && this.catchUpResident() && (this.pendingBuckets.size === 0 || !this.pendingBuckets.has(bucketOf(key)));
  }

  /**
   * Catches up at this instant when no other index operation is queued, the saved index was
   * looked for, and the records to index are in memory; false (having indexed what it could)
   * when the rest needs storage.
   */
  private catchUpResident(): boolean {
    const log = this.log;
    if (!this.loadTried) return false;
    if (this.generation !== log.generation) this.newGeneration();
    const end = log.logEndOffset;
    if (this.upTo >= end) return true;
    const walk = resident.start(log, this.upTo, end);
    let upTo = this.upTo;
    let data: Uint8Array = walk.batch;
    const visit = (offset: number, ks: number, kl: number): void => {
      if (offset < upTo || offset >= end) return;
      log.readStats.scanned++;
      if (kl < 0) return;
      this.indexKey(textAt(data, ks, kl), offset);
    };
    while (walk.next()) {
      data = walk.batch;
      forEachKey(data, 0, visit);
      upTo = this.upTo = Math.min(walk.lastOffset + 1, end);
    }
    if (walk.pagedOut) return false;
    this.caughtUpTo(end);
    return true;
  }

  private indexKey(k: string, offset: number): void {
    let list = this.offsets.get(k);
    if (!list) this.offsets.set(k, (list = []));
    list.push(offset);
  }

  /** Only the head went (retention, deleteRecords): drop what is below the log start; anything else rebuilds. */
  private newGeneration(): void {
    const log = this.log;
    if (this.generation >= 0 && this.contentGeneration === log.contentGeneration && this.pendingBuckets.size === 0 && this.upTo <= log.logEndOffset) this.trimHead();
    else this.reset();
  }

  private async catchUpNow(): Promise<void> {
    const log = this.log;
    if (!this.loadTried) {
      this.loadTried = true;
      await this.loadHeader();
    }
    if (this.generation !== log.generation) this.newGeneration();
    const end = log.logEndOffset;
    if (this.upTo >= end) return;
    const loc = log.locate(this.upTo);
    let data: Uint8Array = new Uint8Array(0);
    const upTo = this.upTo;
    // One visitor for the whole catch-up (not one closure per batch); keys recur, their strings are shared.
    const visit = (offset: number, ks: number, kl: number): void => {
      if (offset < upTo || offset >= end) return;
      log.readStats.scanned++;
      if (kl < 0) return;
      this.indexKey(textAt(data, ks, kl), offset);
    };
    for (let si = loc?.si ?? 0, ci = loc?.ci ?? 0, more = loc !== undefined; more; ) {
      const seg = log.segments[si]!;
      const chunk = seg.chunks[ci]!;
      if (chunk.baseOffset >= end) break;
      data = await log.chunkData(seg.baseOffset, chunk, 15);
      for (let at = 0; at < data.length; at += batchByteLength(data, at)) forEachKey(data, at, visit);
      if (ci + 1 < seg.chunks.length) ci++;
      else if (si + 1 < log.segments.length) {
        si++;
        ci = 0;
      } else more = false;
    }
    this.caughtUpTo(end);
  }

  private caughtUpTo(end: number): void {
    this.upTo = end;
    if (this.log.store.saveKeyIndex && this.upTo - Math.max(this.savedUpTo, 0) >= Math.max(KeyIndex.saveEveryRecords, this.savedUpTo / 10)) {
      this.savedUpTo = this.upTo;
      // The index is copied in turn with other operations; the write itself runs beside them,
      // so reads and appends never wait for storage to take a save.
      this.saving = this.serial(() => this.prepareSave()).then((write) => write?.());
    }
  }

  /** Makes offsetsOf(key) complete (loads the key's saved bucket if needed). */
  ensureKey(key: string): Promise<void> {
    const b = bucketOf(key);
    return this.pendingBuckets.has(b) ? this.serial(() => this.loadBuckets([b])) : Promise.resolve();
  }

  /** Makes every key complete (queries over all keys, saving). */
  ensureAll(): Promise<void> {
    return this.pendingBuckets.size > 0 ? this.serial(() => this.loadBuckets([...this.pendingBuckets])) : Promise.resolve();
  }

  private reset(): void {
    this.offsets.clear();
    this.bases.clear();
    this.pendingBuckets.clear();
    this.upTo = this.log.logStartOffset;
    this.generation = this.log.generation;
    this.contentGeneration = this.log.contentGeneration;
  }

  /** Drops the offsets below the log start; a key left without any leaves the index. */
  private trimHead(): void {
    const start = this.log.logStartOffset;
    for (const [key, list] of this.offsets) {
      if (list[0]! >= start) continue;
      let k = 1;
      while (k < list.length && list[k]! < start) k++;
      if (k === list.length) this.offsets.delete(key);
      else list.splice(0, k);
      this.bases.delete(key);
    }
    if (this.upTo < start) this.upTo = start;
    this.generation = this.log.generation;
  }

  /** The version before the key's first indexed offset, if known for that offset. */
  baseOf(key: string, firstOffset: number): number | undefined {
    const b = this.bases.get(key);
    return b && b[0] === firstOffset ? b[1] : undefined;
  }

  setBase(key: string, firstOffset: number, base: number): void {
    this.bases.set(key, [firstOffset, base]);
  }

  /** Offsets indexed over every key, and the keys (memory figures). */
  get size(): { entries: number; keys: number } {
    let entries = 0;
    for (const list of this.offsets.values()) entries += list.length;
    return { entries, keys: this.offsets.size };
  }

  private async loadHeader(): Promise<void> {
    const head = await this.log.store.loadKeyIndexHeader?.().catch(() => undefined);
    if (!head || head.generation !== this.log.generation || head.upTo > this.log.logEndOffset || head.buckets !== INDEX_BUCKETS) return;
    this.upTo = head.upTo;
    this.generation = head.generation;
    this.contentGeneration = this.log.contentGeneration;
    this.savedUpTo = head.upTo;
    for (let b = 0; b < INDEX_BUCKETS; b++) this.pendingBuckets.add(b);
  }

  private async loadBuckets(buckets: number[]): Promise<void> {
    const generation = this.generation;
    const loaded = await this.log.store.loadKeyIndexBuckets!(buckets).catch(() => undefined);
    if (this.generation !== generation) return;
    if (!loaded || loaded.some((x) => !x || x.generation !== generation)) {
      // A missing or stale bucket: drop the saved index and rebuild from the log.
      this.reset();
      this.generation = -1;
      await this.catchUpNow();
      return;
    }
    for (const bucket of loaded as KeyIndexBucket[]) {
      if (!this.pendingBuckets.delete(bucket.bucket)) continue;
      let at = 0;
      bucket.keys.forEach((k, i) => {
        const n = bucket.counts[i]!;
        const older = Array.from(bucket.offsets.subarray(at, at + n));
        at += n;
        // Offsets caught up since the snapshot are all newer than the snapshot's.
        const newer = this.offsets.get(k);
        this.offsets.set(k, newer ? older.concat(newer) : older);
      });
    }
  }

  /** Copies the index into buckets (in turn with other operations); returns the write to run beside them. */
  private async prepareSave(): Promise<(() => Promise<void>) | undefined> {
    KeyIndex.saves++;
    if (this.pendingBuckets.size > 0) await this.loadBuckets([...this.pendingBuckets]);
    const generation = this.generation;
    const upTo = this.upTo;
    const groups: string[][] = Array.from({ length: INDEX_BUCKETS }, () => []);
    for (const k of this.offsets.keys()) groups[bucketOf(k)]!.push(k);
    const buckets: KeyIndexBucket[] = groups.map((keys, bucket) => {
      const counts = new Uint32Array(keys.length);
      let total = 0;
      keys.forEach((k, i) => (total += counts[i] = this.offsets.get(k)!.length));
      const offsets = upTo <= 0xffffffff ? new Uint32Array(total) : new Float64Array(total);
      let at = 0;
      for (const k of keys) for (const o of this.offsets.get(k)!) offsets[at++] = o;
      return { bucket, generation, keys, counts, offsets };
    });
    return async () => {
      try {
        await this.log.store.saveKeyIndex!({ generation, upTo, buckets: INDEX_BUCKETS }, buckets);
      } catch {
        // A failed save only costs a rescan after the next reopen.
        this.savedUpTo = -1;
      }
    };
  }

  /** Whether the index covers every record before `offset` (nothing appended since catchUp). */
  coversUpTo(offset: number): boolean {
    return this.generation === this.log.generation && this.upTo === offset;
  }

  /** The key's offsets; call ensureKey(key) first after a reopen. */
  offsetsOf(key: string): readonly number[] {
    return this.offsets.get(key) ?? [];
  }

  /** The 1-based position of `offset` among the key's offsets (its version), or 0. */
  versionOf(key: string, offset: number): number {
    const list = this.offsets.get(key);
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
}
