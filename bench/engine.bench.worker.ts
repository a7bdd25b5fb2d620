// Browser benchmark worker: durable IndexedDB appends through the engine vs a baseline of one
// put per record (1,000 puts per transaction) in the same run, reopen time of a large
// database, and the worker's heap. Driven by harness/engine-bench.html (bench/engine.browser.mjs).
import { expose } from 'comlink';
import { createCluster, type Cluster } from '../src/engine/index';

let open: Cluster | undefined;

const VALUE = 'v'.repeat(100);
const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;

async function baseline(records: number, perTx: number): Promise<number> {
  const name = `baseline-${Date.now()}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('records');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const t0 = performance.now();
  for (let i = 0; i < records; i += perTx) {
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    for (let j = i; j < Math.min(records, i + perTx); j++) store.put({ key: `key-${j % 10_000}`, value: VALUE, timestamp: j }, j);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const rate = records / ((performance.now() - t0) / 1000);
  db.close();
  indexedDB.deleteDatabase(name);
  return rate;
}

async function durableAppend(name: string, records: number, inFlight: number, keepOpen = false): Promise<{ rate: number; heapAfter: number | null; residentBytes: number }> {
  const cluster = await createCluster({ storage: { indexedDB, name }, cleanerIntervalMs: 0 });
  await cluster.admin().createTopics({ topics: [{ topic: 't', numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] }] });
  const producer = cluster.producer();
  await producer.connect();
  const t0 = performance.now();
  const pending = new Set<Promise<unknown>>();
  for (let i = 0; i < records; i += 1000) {
    const messages = Array.from({ length: Math.min(1000, records - i) }, (_, j) => ({ key: `key-${(i + j) % 10_000}`, value: VALUE, partition: 0 }));
    const p = producer.send({ topic: 't', messages });
    pending.add(p);
    void p.finally(() => pending.delete(p));
    if (pending.size >= inFlight) await Promise.race(pending);
  }
  await Promise.all(pending);
  const rate = records / ((performance.now() - t0) / 1000);
  const residentBytes = cluster.engine.cache?.residentBytes() ?? 0;
  if (keepOpen) open = cluster;
  else await cluster.close();
  return { rate, heapAfter: heap(), residentBytes };
}

async function reopen(name: string): Promise<{ openMs: number; readyMs: number; consumedMs: number; heapAfterScan: number | null; records: number; firstKeyReadMs: number; keyReadMs: number }> {
  const t0 = performance.now();
  const cluster = await createCluster({ storage: { indexedDB, name }, cleanerIntervalMs: 0 });
  const openMs = performance.now() - t0;
  const producer = cluster.producer();
  await producer.connect();
  await producer.send({ topic: 't', messages: [{ key: 'after-reopen', value: VALUE }] });
  const log = cluster.engine.log('t', 0);
  await log.read(0, { maxRecords: 1 });
  const readyMs = performance.now() - t0;
  // Scan the whole log once: the chunk cache keeps resident bytes bounded.
  let n = 0;
  const t1 = performance.now();
  for (let at = 0; at < log.highWatermark; ) {
    const recs = await log.read(at, { maxBytes: 1 << 20 });
    if (recs.length === 0) break;
    n += recs.length;
    at = recs[recs.length - 1]!.offset + 1;
  }
  const consumedMs = performance.now() - t1;
  const h = heap();
  // One aggregate's events: the first read builds the per-key index (one pass over the log).
  const store = cluster.eventStore('t');
  const t2 = performance.now();
  await store.read('key-1');
  const firstKeyReadMs = performance.now() - t2;
  const t3 = performance.now();
  const evs = await store.read('key-2');
  const keyReadMs = performance.now() - t3;
  if (evs.length === 0) throw new Error('no events for key-2');
  open = cluster;
  return { openMs, readyMs, consumedMs, heapAfterScan: h, records: n, firstKeyReadMs, keyReadMs };
}

/** Reopens once more: the key index saved by the previous session answers the first read. */
async function keyReadAfterReopen(name: string): Promise<{ openMs: number; firstKeyReadMs: number; events: number }> {
  const t0 = performance.now();
  const cluster = await createCluster({ storage: { indexedDB, name }, cleanerIntervalMs: 0 });
  const openMs = performance.now() - t0;
  const t1 = performance.now();
  const evs = await cluster.eventStore('t').read('key-3');
  const firstKeyReadMs = performance.now() - t1;
  await cluster.close();
  return { openMs, firstKeyReadMs, events: evs.length };
}

expose({
  keyReadAfterReopen,
  baseline,
  durableAppend,
  reopen,
  heap: async () => heap(),
  closeOpen: async () => {
    await open?.close();
    open = undefined;
  },
  deleteDb: (name: string) => new Promise<void>((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  }),
});
