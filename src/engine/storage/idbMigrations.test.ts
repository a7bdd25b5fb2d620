// idb checks values against the IndexedDB globals (IDBRequest...): fake-indexeddb/auto provides them in Node.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterOptions } from '../index';
import { readAll } from '../testing/helpers';
import { FORMAT_VERSION } from './idbBackend';

const opts = (factory: IDBFactory): ClusterOptions => ({ clock: 'virtual', cleanerIntervalMs: 0, storage: { indexedDB: factory, IDBKeyRange, name: 'm' } });

function openRaw(factory: IDBFactory, version: number, upgrade: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open('m', version);
    req.onupgradeneeded = () => upgrade(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('IndexedDB format migrations', () => {
  it('is at format version 3', () => {
    expect(FORMAT_VERSION).toBe(3);
  });

  /** Writes two records with the current code, then rebuilds the database as `version` had it (its stores only). */
  async function databaseOfVersion(version: 1 | 2): Promise<IDBFactory> {
    const factory = new IDBFactory();
    const c = await createCluster(opts(factory));
    await c.admin().createTopics({ topics: [{ topic: 't' }] });
    const p = c.producer();
    await p.connect();
    await p.send({ topic: 't', messages: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] });
    await c.saveHighWatermarks();
    await c.close();
    const current = await openRaw(factory, FORMAT_VERSION, () => undefined);
    const dump = await new Promise<{ topics: unknown[]; chunks: [IDBValidKey, unknown][] }>((resolve) => {
      const tx = current.transaction(['topics', 'chunks'], 'readonly');
      const topics = tx.objectStore('topics').getAll();
      const keys = tx.objectStore('chunks').getAllKeys();
      const vals = tx.objectStore('chunks').getAll();
      tx.oncomplete = () => resolve({ topics: topics.result, chunks: keys.result.map((k, i) => [k, vals.result[i]]) });
    });
    current.close();
    await new Promise((r) => (factory.deleteDatabase('m').onsuccess = r));
    const old = await openRaw(factory, version, (db) => {
      db.createObjectStore('topics', { keyPath: 'name' });
      db.createObjectStore('partitions');
      db.createObjectStore('chunks');
      if (version >= 2) db.createObjectStore('keyIndex');
    });
    await new Promise<void>((resolve) => {
      const tx = old.transaction(['topics', 'chunks'], 'readwrite');
      for (const t of dump.topics) tx.objectStore('topics').put(t);
      for (const [k, v] of dump.chunks) tx.objectStore('chunks').put(v, k);
      tx.oncomplete = () => resolve();
    });
    old.close();
    return factory;
  }

  it('opens a version 1 database (no key-index store) and keeps its records', async () => {
    const migrated = await createCluster(opts(await databaseOfVersion(1)));
    expect((await readAll(migrated, 't')).map((r) => r.value)).toEqual(['1', '2']);
    expect((await migrated.eventStore('t').read('b')).map((e) => e.value!.toString())).toEqual(['2']);
    await migrated.close();
  });

  it('opens a version 2 database (no high-watermark checkpoint): its logs are committed to their end, and checkpoints are stored from then on', async () => {
    const factory = await databaseOfVersion(2);
    const migrated = await createCluster(opts(factory));
    const log = migrated.engine.log('t', 0);
    expect([log.highWatermark, log.logEndOffset]).toEqual([2, 2]);
    expect((await readAll(migrated, 't')).map((r) => r.value)).toEqual(['1', '2']);
    await migrated.saveHighWatermarks();
    await migrated.close();
    const db = await openRaw(factory, FORMAT_VERSION, () => undefined);
    const stored = await new Promise<unknown>((resolve) => {
      const req = db.transaction('highWatermarks', 'readonly').objectStore('highWatermarks').get(['t', 0, 1]);
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    expect(stored).toBe(2);
  });
});
