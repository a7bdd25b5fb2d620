// idb checks values against the IndexedDB globals (IDBRequest...): fake-indexeddb/auto provides them in Node.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type ClusterOptions } from '../index';
import { KeyIndex } from './keyIndex';

type Op = { append: { key: number; n: number } } | { plain: number } | { reopen: true } | { read: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ append: fc.record({ key: fc.integer({ min: 0, max: 30 }), n: fc.integer({ min: 1, max: 400 }) }) }) },
  { weight: 2, arbitrary: fc.record({ plain: fc.integer({ min: 1, max: 3000 }) }) },
  { weight: 2, arbitrary: fc.constant({ reopen: true as const }) },
  { weight: 2, arbitrary: fc.record({ read: fc.integer({ min: 0, max: 30 }) }) },
);

// Event store on IndexedDB (saved key indexes, reopened at random points) answers exactly as
// the same operations on memory storage: versions, conflicts and per-key reads.
describe('event store persistence', () => {
  it('gives the same versions and reads as memory storage across reopens', async () => {
    // Save the index often so reopens load saved buckets, not only rebuilt indexes.
    KeyIndex.saveEveryRecords = 50;
    const savesBefore = KeyIndex.saves;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
          const factory = new IDBFactory();
          const dbOpts: ClusterOptions = { clock: 'virtual', cleanerIntervalMs: 0, storage: { indexedDB: factory, IDBKeyRange, name: 'es', cacheBytes: 256 * 1024 } };
          const mem = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0 });
          let db = await createCluster(dbOpts);
          for (const c of [mem, db]) await c.admin().createTopics({ topics: [{ topic: 'agg', numPartitions: 2 }] });
          const versions = new Map<number, number>();
          const run = async (c: Cluster, o: Op): Promise<unknown> => {
            const store = c.eventStore('agg');
            if ('append' in o) {
              const expected = versions.get(o.append.key) ?? 0;
              const v = await store.append(`a${o.append.key}`, Array.from({ length: o.append.n }, (_, i) => ({ value: `e${i}` })), { expectedVersion: expected });
              const stale = await store.append(`a${o.append.key}`, [{ value: 'stale' }], { expectedVersion: expected }).then(() => 'accepted', (e: { code?: string }) => e.code);
              return [v, stale];
            }
            if ('plain' in o) {
              const p = c.producer();
              await p.connect();
              await p.send({ topic: 'agg', messages: Array.from({ length: o.plain }, (_, i) => ({ key: `a${i % 31}`, value: `p${i}` })) });
              return 'sent';
            }
            if ('read' in o) return (await store.read(`a${o.read}`)).map((e) => [e.version, e.offset, e.value?.toString()]);
            return undefined;
          };
          for (const o of ops) {
            if ('reopen' in o) {
              await db.close();
              db = await createCluster(dbOpts);
              continue;
            }
            const a = await run(mem, o);
            const b = await run(db, o);
            expect(b).toEqual(a);
            if ('append' in o) versions.set(o.append.key, (a as [number])[0]);
            if ('plain' in o) for (let i = 0; i < o.plain; i++) versions.set(i % 31, (versions.get(i % 31) ?? 0) + 1);
          }
          for (let k = 0; k <= 30; k++) expect(await db.eventStore('agg').version(`a${k}`)).toBe(await mem.eventStore('agg').version(`a${k}`));
          await mem.close();
          await db.close();
        }),
        { numRuns: 20 },
      );
    } finally {
      KeyIndex.saveEveryRecords = 10_000;
    }
    expect(KeyIndex.saves - savesBefore).toBeGreaterThan(5);
  }, 120_000);
});
