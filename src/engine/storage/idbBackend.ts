// IndexedDB storage. Each chunk (one or more packed batches, kept a little under 64 KiB so
// Chromium stores it inline) is one value; its key carries everything the log needs to know
// about it without reading it: [topic, partition, broker, segmentBase, baseOffset, lastOffset,
// count, byteLength, firstTimestamp, maxTimestamp]. Opening reads only keys (getAllKeys), so a
// database of a million records is ready in well under a second; bytes are paged in on demand.
// Every log write is one transaction, acknowledged at `complete`; on reopen the tail chunk of
// each partition is checked (length + CRC) and a torn one is dropped.
import { wrap, type IDBPDatabase } from 'idb';
import { isBatchValid, readMeta, sealBatches } from '../codec/recordBatch';
import { StorageError, StorageQuotaExceededError } from '../errors';
import type { Chunk } from '../log/segment';
import type { HighWatermarkMark, RestoredPartition, StorageBackend, StoredTopic } from './backend';
import type { ChunkRef, KeyIndexBucket, KeyIndexHeader, LogWrite, PartitionMeta, PartitionStore } from '../log/logStore';

export const FORMAT_VERSION = 3;
const CHUNKS = 'chunks';
const PARTITIONS = 'partitions';
const TOPICS = 'topics';
const KEY_INDEX = 'keyIndex';
const HIGH_WATERMARKS = 'highWatermarks';

type ChunkKey = [string, number, number, number, number, number, number, number, number, number];

function chunkKey(topic: string, partition: number, broker: number, segBase: number, c: Chunk): ChunkKey {
  return [topic, partition, broker, segBase, c.baseOffset, c.lastOffset, c.count, c.byteLength, c.firstTimestamp, c.maxTimestamp];
}

function toBuffer(data: Uint8Array): ArrayBuffer {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? (data.buffer as ArrayBuffer) : (data.slice().buffer as ArrayBuffer);
}

/** A whole, checksummed chunk whose batches add up to the length its key promises. */
export function isChunkValid(data: Uint8Array, key: ChunkKey): boolean {
  if (data.length !== key[7]) return false;
  let count = 0;
  let last = -1;
  for (let at = 0; at < data.length; ) {
    if (!isBatchValid(data, at)) return false;
    const m = readMeta(data, at);
    count += m.count;
    last = m.baseOffset + m.lastOffsetDelta;
    at += m.byteLength;
  }
  return count === key[6] && last === key[5];
}

function mapError(e: unknown, what: string): Error {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new StorageQuotaExceededError(e);
  return new StorageError(`IndexedDB failed to ${what} (${name ?? String(e)}).`, e);
}

export function openDatabase(factory: IDBFactory, name: string): Promise<IDBPDatabase> {
  const req = factory.open(name, FORMAT_VERSION);
  req.onupgradeneeded = (ev) => {
    const db = req.result;
    // One step per format version; each step has a test (idbMigrations.test.ts).
    if (ev.oldVersion < 1) {
      db.createObjectStore(TOPICS, { keyPath: 'name' });
      db.createObjectStore(PARTITIONS);
      db.createObjectStore(CHUNKS);
    }
    // Version 2: saved event-store key indexes, so a reopen does not rescan a partition.
    if (ev.oldVersion < 2) db.createObjectStore(KEY_INDEX);
    // Version 3: each replica's checkpointed high watermark, keyed as its partition metadata. Not
    // in that metadata: the log writes it in its own transactions, and a checkpoint written
    // beside them could put back an older segment list.
    if (ev.oldVersion < 3) db.createObjectStore(HIGH_WATERMARKS);
  };
  return wrap(req) as Promise<IDBPDatabase>;
}

export interface IdbBackendOptions {
  durability: 'strict' | 'relaxed';
  /** IDBKeyRange of the same implementation as the factory (fake-indexeddb in Node). */
  keyRange?: typeof IDBKeyRange;
  /** Fault injection: runs inside each log write's transaction before it commits; may throw. */
  beforeCommit?: () => void;
}

export async function openIdbBackend(factory: IDBFactory, name: string, options: IdbBackendOptions): Promise<StorageBackend> {
  const { durability } = options;
  const KeyRange = options.keyRange ?? globalThis.IDBKeyRange;
  // The browser can close a connection under us (storage cleared, eviction): reopen on the
  // next use instead of failing every later write.
  let current: IDBPDatabase | undefined;
  let closedByUs = false;
  const conn = async (): Promise<IDBPDatabase> => {
    if (current) return current;
    if (closedByUs) throw new StorageError(`The database "${name}" was closed.`);
    let db: IDBPDatabase;
    try {
      db = await openDatabase(factory, name);
    } catch (e) {
      throw mapError(e, `open database "${name}"`);
    }
    db.addEventListener('close', () => {
      if (current === db) current = undefined;
    });
    current = db;
    return db;
  };
  await conn();
  const ignore = () => undefined;

  const partitionStore = (topic: string, partition: number, broker: number): PartitionStore => ({
    pageable: true,
    async write(w: LogWrite) {
      const stores = w.meta ? [CHUNKS, PARTITIONS] : [CHUNKS];
      for (const r of w.put ?? []) sealBatches(r.chunk.data!);
      let tx;
      try {
        tx = (await conn()).transaction(stores, 'readwrite', { durability });
        const chunks = tx.objectStore(CHUNKS);
        for (const seg of w.deleteSegments ?? []) chunks.delete(KeyRange.bound([topic, partition, broker, seg], [topic, partition, broker, seg, []])).catch(ignore);
        for (const r of w.deleteChunks ?? []) chunks.delete(chunkKey(topic, partition, broker, r.segmentBase, r.chunk)).catch(ignore);
        for (const r of w.put ?? []) chunks.put(toBuffer(r.chunk.data!), chunkKey(topic, partition, broker, r.segmentBase, r.chunk)).catch(ignore);
        if (w.meta) tx.objectStore(PARTITIONS).put(w.meta, [topic, partition, broker]).catch(ignore);
        options.beforeCommit?.();
        tx.commit();
      } catch (e) {
        tx?.done.catch(ignore);
        try {
          tx?.abort();
        } catch {
          // already finished
        }
        throw mapError(e, 'write');
      }
      try {
        await tx.done;
      } catch (e) {
        throw mapError(tx.error ?? e, 'write');
      }
    },
    async load(segBase: number, chunk: Chunk) {
      const key = chunkKey(topic, partition, broker, segBase, chunk);
      let v: unknown;
      try {
        v = await (await conn()).get(CHUNKS, key);
      } catch (e) {
        throw mapError(e, 'read');
      }
      if (!(v instanceof ArrayBuffer)) throw new StorageError(`Chunk ${chunk.baseOffset}..${chunk.lastOffset} of ${topic}/${partition} is missing from IndexedDB.`);
      const data = new Uint8Array(v);
      if (!isChunkValid(data, key)) throw new StorageError(`Chunk ${chunk.baseOffset}..${chunk.lastOffset} of ${topic}/${partition} is corrupt (checksum mismatch).`);
      return data;
    },
    async loadMany(segBase: number, list: Chunk[]) {
      const first = list[0];
      const last = list[list.length - 1];
      if (!first || !last) return [];
      let values: unknown[];
      try {
        values = await (await conn()).getAll(CHUNKS, KeyRange.bound(chunkKey(topic, partition, broker, segBase, first), chunkKey(topic, partition, broker, segBase, last)));
      } catch (e) {
        throw mapError(e, 'read');
      }
      if (values.length !== list.length) throw new StorageError(`Chunks ${first.baseOffset}..${last.lastOffset} of ${topic}/${partition} are missing from IndexedDB.`);
      return values.map((v, i) => {
        const key = chunkKey(topic, partition, broker, segBase, list[i]!);
        const data = v instanceof ArrayBuffer ? new Uint8Array(v) : undefined;
        if (!data || !isChunkValid(data, key)) throw new StorageError(`Chunk ${list[i]!.baseOffset} of ${topic}/${partition} is corrupt (checksum mismatch).`);
        return data;
      });
    },
    async loadChunks(refs: ChunkRef[]) {
      const tx = (await conn()).transaction(CHUNKS, 'readonly');
      const store = tx.objectStore(CHUNKS);
      let values: unknown[];
      try {
        values = await Promise.all(refs.map((r) => store.get(chunkKey(topic, partition, broker, r.segmentBase, r.chunk))));
        await tx.done;
      } catch (e) {
        throw mapError(e, 'read');
      }
      return values.map((v, i) => {
        const r = refs[i]!;
        const key = chunkKey(topic, partition, broker, r.segmentBase, r.chunk);
        const data = v instanceof ArrayBuffer ? new Uint8Array(v) : undefined;
        if (!data || !isChunkValid(data, key)) throw new StorageError(`Chunk ${r.chunk.baseOffset} of ${topic}/${partition} is missing or corrupt.`);
        return data;
      });
    },
    async saveKeyIndex(header: KeyIndexHeader, buckets: KeyIndexBucket[]) {
      // Header and buckets in one transaction: a reader never sees a mix of two saves.
      const tx = (await conn()).transaction(KEY_INDEX, 'readwrite', { durability });
      const store = tx.objectStore(KEY_INDEX);
      store.put(header, [topic, partition, broker, -1]).catch(ignore);
      for (const b of buckets) store.put(b, [topic, partition, broker, b.bucket]).catch(ignore);
      try {
        await tx.done;
      } catch (e) {
        throw mapError(tx.error ?? e, 'save a key index');
      }
    },
    async loadKeyIndexHeader() {
      try {
        return ((await (await conn()).get(KEY_INDEX, [topic, partition, broker, -1])) as KeyIndexHeader | undefined) ?? undefined;
      } catch (e) {
        throw mapError(e, 'load a key index');
      }
    },
    async loadKeyIndexBuckets(buckets: number[]) {
      const tx = (await conn()).transaction(KEY_INDEX, 'readonly');
      const store = tx.objectStore(KEY_INDEX);
      try {
        const out = await Promise.all(buckets.map((b) => store.get([topic, partition, broker, b]) as Promise<KeyIndexBucket | undefined>));
        await tx.done;
        return out;
      } catch (e) {
        throw mapError(e, 'load a key index');
      }
    },
    async destroy() {
      await (await conn()).delete(KEY_INDEX, KeyRange.bound([topic, partition, broker], [topic, partition, broker, []]));
      await (await conn()).delete(CHUNKS, KeyRange.bound([topic, partition, broker], [topic, partition, broker, []]));
      await (await conn()).delete(PARTITIONS, [topic, partition, broker]);
      await (await conn()).delete(HIGH_WATERMARKS, [topic, partition, broker]);
    },
  });

  async function load(): Promise<{ topics: StoredTopic[]; partitions: RestoredPartition[] }> {
    const topics = (await (await conn()).getAll(TOPICS)) as StoredTopic[];
    const metaKeys = (await (await conn()).getAllKeys(PARTITIONS)) as [string, number, number][];
    const metas = (await (await conn()).getAll(PARTITIONS)) as PartitionMeta[];
    const keys = (await (await conn()).getAllKeys(CHUNKS)) as unknown as ChunkKey[];
    const markKeys = (await (await conn()).getAllKeys(HIGH_WATERMARKS)) as [string, number, number][];
    const marks = (await (await conn()).getAll(HIGH_WATERMARKS)) as number[];
    const byPartition = new Map<string, { topic: string; partition: number; broker: number; keys: ChunkKey[]; meta?: PartitionMeta; highWatermark?: number }>();
    const slot = (topic: string, partition: number, broker: number) => {
      const id = `${topic}\u0000${partition}\u0000${broker}`;
      let s = byPartition.get(id);
      if (!s) byPartition.set(id, (s = { topic, partition, broker, keys: [] }));
      return s;
    };
    metaKeys.forEach((k, i) => (slot(k[0], k[1], k[2]).meta = metas[i]));
    for (const k of keys) slot(k[0], k[1], k[2]).keys.push(k);
    markKeys.forEach((k, i) => {
      const s = byPartition.get(`${k[0]}\u0000${k[1]}\u0000${k[2]}`);
      if (s) s.highWatermark = marks[i];
    });
    const out: RestoredPartition[] = [];
    // Every replica's last chunk, read in one transaction (hundreds of replicas: one by one, a
    // reopen waited on each read in turn); only a replica whose last chunk is torn looks further.
    const slots = [...byPartition.values()];
    const lastOk = await (async () => {
      const tx = (await conn()).transaction(CHUNKS, 'readonly');
      const store = tx.objectStore(CHUNKS);
      const values = await Promise.all(slots.map((s) => (s.keys.length > 0 ? store.get(s.keys[s.keys.length - 1]!) : Promise.resolve(undefined))));
      await tx.done;
      return values.map((v, i) => {
        const k = slots[i]!.keys[slots[i]!.keys.length - 1];
        return k === undefined || (v instanceof ArrayBuffer && isChunkValid(new Uint8Array(v), k));
      });
    })();
    for (const [i, s] of slots.entries()) {
      // Torn-tail check: drop tail chunks that are not whole and checksummed.
      let dropped = false;
      while (!lastOk[i] && s.keys.length > 0) {
        const k = s.keys[s.keys.length - 1]!;
        const v = await (await conn()).get(CHUNKS, k);
        if (v instanceof ArrayBuffer && isChunkValid(new Uint8Array(v), k)) break;
        await (await conn()).delete(CHUNKS, k);
        s.keys.pop();
        dropped = true;
      }
      const meta: PartitionMeta = s.meta ?? { logStartOffset: 0, segments: [], epochs: [], cleanerCheckpoint: 0 };
      if (dropped) {
        // Offsets past the new end will be reused: anything indexed at the old generation is stale.
        meta.generation = (meta.generation ?? 0) + 1;
        await (await conn()).put(PARTITIONS, meta, [s.topic, s.partition, s.broker]);
      }
      const chunks: ChunkRef[] = s.keys.map((k) => ({
        segmentBase: k[3],
        chunk: { baseOffset: k[4], lastOffset: k[5], count: k[6], byteLength: k[7], firstTimestamp: k[8], maxTimestamp: k[9], data: undefined, readers: undefined },
      }));
      const lastChunk = chunks[chunks.length - 1]?.chunk;
      const lastSeg = meta.segments[meta.segments.length - 1]?.baseOffset ?? 0;
      const logEndOffset = Math.max(lastChunk ? lastChunk.lastOffset + 1 : 0, meta.logStartOffset, lastChunk ? 0 : lastSeg);
      meta.epochs = meta.epochs.filter((e) => e.startOffset < logEndOffset || e.startOffset === 0);
      out.push({ topic: s.topic, partition: s.partition, broker: s.broker, meta, chunks, logEndOffset, ...(s.highWatermark !== undefined ? { highWatermark: s.highWatermark } : {}) });
    }
    return { topics, partitions: out };
  }

  return {
    kind: 'indexedDB',
    load,
    async saveTopic(t) {
      try {
        await (await conn()).put(TOPICS, t);
      } catch (e) {
        throw mapError(e, 'save a topic');
      }
    },
    async saveHighWatermarks(list: readonly HighWatermarkMark[]) {
      if (list.length === 0) return;
      const tx = (await conn()).transaction(HIGH_WATERMARKS, 'readwrite', { durability });
      const store = tx.objectStore(HIGH_WATERMARKS);
      for (const m of list) store.put(m.offset, [m.topic, m.partition, m.broker]).catch(ignore);
      try {
        await tx.done;
      } catch (e) {
        throw mapError(tx.error ?? e, 'save the high watermarks');
      }
    },
    async deleteTopic(name) {
      const tx = (await conn()).transaction([TOPICS, PARTITIONS, CHUNKS, KEY_INDEX, HIGH_WATERMARKS], 'readwrite', { durability });
      tx.objectStore(KEY_INDEX).delete(KeyRange.bound([name], [name, []])).catch(ignore);
      tx.objectStore(HIGH_WATERMARKS).delete(KeyRange.bound([name], [name, []])).catch(ignore);
      tx.objectStore(TOPICS).delete(name).catch(ignore);
      tx.objectStore(PARTITIONS).delete(KeyRange.bound([name], [name, []])).catch(ignore);
      tx.objectStore(CHUNKS).delete(KeyRange.bound([name], [name, []])).catch(ignore);
      try {
        await tx.done;
      } catch (e) {
        throw mapError(e, 'delete a topic');
      }
    },
    partitionStore,
    close: () => {
      closedByUs = true;
      current?.close();
      current = undefined;
    },
  };
}
