// idb checks values against the IndexedDB globals (IDBRequest...): fake-indexeddb/auto provides them in Node.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCluster, StorageQuotaExceededError, type ClusterOptions, type KafkaMessage } from '../index';
import { encodeBatches, stampBatch } from '../codec/recordBatch';
import { during, readAll, until } from '../testing/helpers';
import { openDatabase } from './idbBackend';

function idb(factory: IDBFactory, extra: Partial<Extract<ClusterOptions['storage'], object>> = {}): ClusterOptions {
  return { clock: 'virtual', cleanerIntervalMs: 0, storage: { indexedDB: factory, IDBKeyRange, name: 'engine-test', ...extra } };
}

describe('IndexedDB storage', () => {
  it('reopens with topics, records, offsets, configs and committed offsets intact', async () => {
    const factory = new IDBFactory();
    const c1 = await createCluster(idb(factory));
    await c1.admin().createTopics({ topics: [{ topic: 'a', numPartitions: 3, configEntries: [{ name: 'segment.bytes', value: '2000' }] }] });
    const p = c1.producer();
    await p.connect();
    for (let i = 0; i < 40; i++) await p.send({ topic: 'a', messages: [{ key: `k${i % 7}`, value: `v${i}`, headers: { n: String(i) } }] });
    const consumer = c1.consumer({ groupId: 'g' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'a', fromBeginning: true });
    const seen: KafkaMessage[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
    await until(c1, () => seen.length === 40);
    await consumer.disconnect();
    const before = await Promise.all([0, 1, 2].map((i) => readAll(c1, 'a', i)));
    const segs = c1.engine.log('a', 0).segments.length;
    await c1.close();

    const c2 = await createCluster(idb(factory));
    // Opening reads chunk keys only: no record bytes are resident until something reads them.
    const resident = [0, 1, 2].flatMap((i) => c2.engine.log('a', i).segments.flatMap((sg) => sg.chunks)).filter((ch) => ch.data !== undefined);
    expect(resident.length).toBe(0);
    expect(await c2.admin().listTopics()).toContain('a');
    expect(c2.engine.topic('a').config['segment.bytes']).toBe(2000);
    expect(await Promise.all([0, 1, 2].map((i) => readAll(c2, 'a', i)))).toEqual(before);
    expect(c2.engine.log('a', 0).segments.length).toBe(segs);
    const committed = await c2.admin().fetchOffsets({ groupId: 'g', topics: ['a'] });
    expect(committed[0]!.partitions.map((x) => x.offset)).toEqual(before.map((b) => String(b.length)));
    const p2 = c2.producer();
    await p2.connect();
    const [meta] = await p2.send({ topic: 'a', messages: [{ value: 'after', partition: 0 }] });
    expect(meta!.baseOffset).toBe(String(before[0]!.length));
    await c2.close();
  });

  it('drops a torn tail chunk on reopen; every acknowledged send is still there', async () => {
    const factory = new IDBFactory();
    const c1 = await createCluster(idb(factory));
    await c1.admin().createTopics({ topics: [{ topic: 't' }] });
    const p = c1.producer();
    await p.connect();
    for (let i = 0; i < 5; i++) await p.send({ topic: 't', messages: [{ value: `acked${i}` }] });
    await c1.close();
    // A write cut short: the key promises a whole batch but only half of it reached the disk.
    const [b] = encodeBatches([{ key: null, value: 'torn', timestamp: 1 }]);
    stampBatch(b!, 0, 5, 0, 1);
    const db = await openDatabase(factory, 'engine-test');
    await db.put('chunks', b!.slice(0, 40).buffer, ['t', 0, 1, 0, 5, 5, 1, b!.length, 1, 1]);
    db.close();
    const c2 = await createCluster(idb(factory));
    expect((await readAll(c2, 't')).map((r) => r.value)).toEqual(['acked0', 'acked1', 'acked2', 'acked3', 'acked4']);
    // Dropping the tail is a rewrite: indexes saved at the old generation no longer apply.
    expect(c2.engine.log('t', 0).generation).toBe(1);
    const p2 = c2.producer();
    await p2.connect();
    expect((await p2.send({ topic: 't', messages: [{ value: 'next' }] }))[0]!.baseOffset).toBe('5');
    await c2.close();
  });

  it('an aborted write (crash mid-transaction) leaves nothing visible, now or after reopening', async () => {
    const factory = new IDBFactory();
    let crash = false;
    const c1 = await createCluster(idb(factory, { beforeCommit: () => { if (crash) throw new Error('worker terminated'); } }));
    await c1.admin().createTopics({ topics: [{ topic: 't' }] });
    const p = c1.producer();
    await p.connect();
    await p.send({ topic: 't', messages: [{ value: 'kept' }] });
    crash = true;
    await expect(during(c1, p.send({ topic: 't', messages: [{ value: 'lost1' }, { value: 'lost2' }] }))).rejects.toMatchObject({ code: 'STORAGE_ERROR' });
    expect((await readAll(c1, 't')).map((r) => r.value)).toEqual(['kept']);
    await c1.close();
    const c2 = await createCluster(idb(factory));
    expect((await readAll(c2, 't')).map((r) => r.value)).toEqual(['kept']);
    await c2.close();
  });

  it('turns QuotaExceededError into a typed producer error and keeps the log consistent', async () => {
    const factory = new IDBFactory();
    let full = false;
    const c = await createCluster(idb(factory, { beforeCommit: () => { if (full) throw new DOMException('quota', 'QuotaExceededError'); } }));
    await c.admin().createTopics({ topics: [{ topic: 't', configEntries: [{ name: 'segment.bytes', value: '200' }] }] });
    const p = c.producer({ idempotent: true });
    await p.connect();
    await p.send({ topic: 't', messages: [{ value: 'a'.repeat(100) }] });
    full = true;
    await expect(p.send({ topic: 't', messages: [{ value: 'b'.repeat(100) }] })).rejects.toBeInstanceOf(StorageQuotaExceededError);
    const log = c.engine.log('t', 0);
    expect(log.logEndOffset).toBe(1);
    expect(log.segments.length).toBe(1);
    full = false;
    const [meta] = await p.send({ topic: 't', messages: [{ value: 'c'.repeat(100) }] });
    expect(meta!.baseOffset).toBe('1');
    expect((await readAll(c, 't')).map((r) => r.value![0])).toEqual(['a', 'c']);
    await c.close();
  });

  it('pages chunks out under the cache budget and loads them back on read', async () => {
    const factory = new IDBFactory();
    const c = await createCluster(idb(factory, { cacheBytes: 100_000 }));
    await c.admin().createTopics({ topics: [{ topic: 't' }] });
    const p = c.producer();
    await p.connect();
    for (let i = 0; i < 20; i++) await p.send({ topic: 't', messages: Array.from({ length: 200 }, (_, j) => ({ value: `r${i * 200 + j}`.padEnd(100, '.') })) });
    expect(c.engine.cache!.residentBytes()).toBeLessThanOrEqual(100_000);
    const chunks = c.engine.log('t', 0).segments.flatMap((s) => s.chunks);
    expect(chunks.some((ch) => ch.data === undefined)).toBe(true);
    const all = await readAll(c, 't');
    expect(all.length).toBe(4000);
    expect(all[1234]!.value!.startsWith('r1234.')).toBe(true);
    expect(c.engine.cache!.residentBytes()).toBeLessThanOrEqual(100_000);
    await c.close();
  });

  it('retention and compaction rewrite stored segments atomically and survive a reopen', async () => {
    const factory = new IDBFactory();
    const c1 = await createCluster(idb(factory));
    await c1.admin().createTopics({ topics: [{ topic: 'c', configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.bytes', value: '400' }, { name: 'min.cleanable.dirty.ratio', value: '0.01' }] }] });
    const p = c1.producer();
    await p.connect();
    for (let i = 0; i < 30; i++) await p.send({ topic: 'c', messages: [{ key: `k${i % 3}`, value: `v${i}`.padEnd(60, '.') }] });
    await c1.admin().runCleaner();
    const after = await readAll(c1, 'c');
    expect(after.length).toBeLessThan(30);
    await c1.close();
    const c2 = await createCluster(idb(factory));
    expect(await readAll(c2, 'c')).toEqual(after);
    await c2.close();
  });

  it('saves the event store key index, so one key is read after reopening without a scan', async () => {
    const factory = new IDBFactory();
    const c1 = await createCluster(idb(factory, { cacheBytes: 64 * 1024 }));
    await c1.admin().createTopics({ topics: [{ topic: 'ev' }] });
    const p = c1.producer();
    await p.connect();
    for (let i = 0; i < 30; i++) await p.send({ topic: 'ev', messages: Array.from({ length: 1000 }, (_, j) => ({ key: j < 5 ? `agg-${i}` : `noise-${j % 100}`, value: 'e'.repeat(50) })) });
    expect((await c1.eventStore('ev').read('agg-7')).length).toBe(5);
    await c1.close();
    const c2 = await createCluster(idb(factory, { cacheBytes: 2 * 1024 * 1024 }));
    const log = c2.engine.log('ev', 0);
    let loads = 0;
    const load = log.store.load.bind(log.store);
    log.store.load = (seg, chunk) => (loads++, load(seg, chunk));
    const manyBefore = log.store.loadMany;
    log.store.loadMany = (seg, chunks) => ((loads += chunks.length), manyBefore!.call(log.store, seg, chunks));
    const evs = await c2.eventStore('ev').read('agg-7');
    expect(evs.map((e) => e.offset)).toEqual(Array.from({ length: 5 }, (_, i) => String(7000 + i)));
    const chunks = log.segments.reduce((n, s) => n + s.chunks.length, 0);
    // Only the chunk holding agg-7's events was read, not the log's other chunks.
    expect(loads).toBe(1);
    expect(chunks).toBeGreaterThan(30);
    // A key spread over many chunks is fetched in one request, within the cache budget.
    let batched = 0;
    const some = log.store.loadChunks!;
    log.store.loadChunks = (refs) => ((batched += refs.length), some.call(log.store, refs));
    expect((await c2.eventStore('ev').read('noise-3')).length).toBe(270);
    expect(batched).toBeGreaterThan(10);
    // Keys still held as snapshot views take appends and version checks like any other.
    const store = c2.eventStore('ev');
    await expect(store.append('agg-9', [{ value: 'x' }], { expectedVersion: 4 })).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    expect(await store.append('agg-9', [{ value: 'x' }], { expectedVersion: 5 })).toBe(6);
    expect((await store.read('agg-9')).map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
    await c2.close();
  });

  it('deleteTopics removes the stored data', async () => {
    const factory = new IDBFactory();
    const c1 = await createCluster(idb(factory));
    await c1.admin().createTopics({ topics: [{ topic: 'gone' }] });
    const p = c1.producer();
    await p.connect();
    await p.send({ topic: 'gone', messages: [{ value: 'x' }] });
    await c1.admin().deleteTopics({ topics: ['gone'] });
    await c1.close();
    const c2 = await createCluster(idb(factory));
    expect(await c2.admin().listTopics()).not.toContain('gone');
    await c2.admin().createTopics({ topics: [{ topic: 'gone' }] });
    expect((await c2.admin().fetchTopicOffsets('gone'))[0]!.high).toBe('0');
    await c2.close();
  });
});
