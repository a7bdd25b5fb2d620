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
  it('is at format version 2', () => {
    expect(FORMAT_VERSION).toBe(2);
  });

  it('opens a version 1 database (no key-index store) and keeps its records', async () => {
    const factory = new IDBFactory();
    // Write data with the current code, then rebuild the database as version 1 would have it.
    const c = await createCluster(opts(factory));
    await c.admin().createTopics({ topics: [{ topic: 't' }] });
    const p = c.producer();
    await p.connect();
    await p.send({ topic: 't', messages: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] });
    await c.close();
    const v2 = await openRaw(factory, 2, () => undefined);
    const dump = await new Promise<{ topics: unknown[]; chunks: [IDBValidKey, unknown][] }>((resolve) => {
      const tx = v2.transaction(['topics', 'chunks'], 'readonly');
      const topics = tx.objectStore('topics').getAll();
      const keys = tx.objectStore('chunks').getAllKeys();
      const vals = tx.objectStore('chunks').getAll();
      tx.oncomplete = () => resolve({ topics: topics.result, chunks: keys.result.map((k, i) => [k, vals.result[i]]) });
    });
    v2.close();
    await new Promise((r) => (factory.deleteDatabase('m').onsuccess = r));
    const v1 = await openRaw(factory, 1, (db) => {
      db.createObjectStore('topics', { keyPath: 'name' });
      db.createObjectStore('partitions');
      db.createObjectStore('chunks');
    });
    await new Promise<void>((resolve) => {
      const tx = v1.transaction(['topics', 'chunks'], 'readwrite');
      for (const t of dump.topics) tx.objectStore('topics').put(t);
      for (const [k, v] of dump.chunks) tx.objectStore('chunks').put(v, k);
      tx.oncomplete = () => resolve();
    });
    v1.close();

    const migrated = await createCluster(opts(factory));
    expect((await readAll(migrated, 't')).map((r) => r.value)).toEqual(['1', '2']);
    expect((await migrated.eventStore('t').read('b')).map((e) => e.value!.toString())).toEqual(['2']);
    await migrated.close();
  });
});
