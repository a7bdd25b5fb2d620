// idb checks values against the IndexedDB globals (IDBRequest...): fake-indexeddb/auto provides them in Node.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type ClusterOptions } from '../index';
import { readAll } from '../testing/helpers';

type Op = { send: { n: number; key: number } } | { advance: number } | { clean: true } | { reopen: true } | { deleteRecords: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ send: fc.record({ n: fc.integer({ min: 1, max: 12 }), key: fc.integer({ min: 0, max: 4 }) }) }) },
  { weight: 1, arbitrary: fc.record({ advance: fc.integer({ min: 1, max: 3000 }) }) },
  { weight: 2, arbitrary: fc.constant({ clean: true as const }) },
  { weight: 2, arbitrary: fc.constant({ reopen: true as const }) },
  { weight: 1, arbitrary: fc.record({ deleteRecords: fc.integer({ min: 0, max: 40 }) }) },
);

const TOPICS = [
  { topic: 'del', configEntries: [{ name: 'segment.bytes', value: '500' }, { name: 'retention.ms', value: '2000' }] },
  { topic: 'cmp', configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.bytes', value: '400' }, { name: 'min.cleanable.dirty.ratio', value: '0.1' }, { name: 'delete.retention.ms', value: '1500' }] },
];

// The same operations on memory storage and on IndexedDB (reopened at random points) must
// leave the same logs: persistence is invisible.
describe('IndexedDB storage matches memory storage', () => {
  it('holds the same records, offsets and log starts after any sequence of operations and reopens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const factory = new IDBFactory();
        const idbOpts: ClusterOptions = { clock: 'virtual', cleanerIntervalMs: 0, storage: { indexedDB: factory, IDBKeyRange, name: 'model' } };
        const mem = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0 });
        let db = await createCluster(idbOpts);
        let elapsed = 0;
        for (const c of [mem, db]) await c.admin().createTopics({ topics: TOPICS });
        let i = 0;
        const apply = async (c: Cluster, o: Op) => {
          if ('send' in o) {
            const p = c.producer();
            await p.connect();
            const value = (j: number) => (o.send.key === 0 && j === 0 ? null : `v${i}-${j}`.padEnd(30, '.'));
            await p.send({ topic: 'del', messages: Array.from({ length: o.send.n }, (_, j) => ({ key: `k${(o.send.key + j) % 5}`, value: value(j) ?? 'x' })) });
            await p.send({ topic: 'cmp', messages: Array.from({ length: o.send.n }, (_, j) => ({ key: `k${(o.send.key + j) % 5}`, value: value(j) })) });
          } else if ('clean' in o) await c.admin().runCleaner();
          else if ('deleteRecords' in o) {
            const high = Number((await c.admin().fetchTopicOffsets('del'))[0]!.high);
            await c.admin().deleteRecords({ topic: 'del', partitions: [{ partition: 0, offset: String(Math.min(high, o.deleteRecords)) }] });
          }
        };
        for (const o of ops) {
          i++;
          if ('advance' in o) {
            elapsed += o.advance;
            await mem.advance(o.advance);
            await db.advance(o.advance);
          } else if ('reopen' in o) {
            await db.close();
            db = await createCluster(idbOpts);
            // A reopened virtual clock starts at 0: bring it to the same time.
            await db.advance(elapsed);
          } else {
            await apply(mem, o);
            await apply(db, o);
          }
        }
        for (const t of ['del', 'cmp']) {
          expect(await readAll(db, t)).toEqual(await readAll(mem, t));
          const [m] = await mem.admin().fetchTopicOffsets(t);
          const [d] = await db.admin().fetchTopicOffsets(t);
          expect(d).toEqual(m);
        }
        await mem.close();
        await db.close();
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
