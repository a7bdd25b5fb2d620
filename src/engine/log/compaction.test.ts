import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeylessRecordOnCompactedTopicError } from '../errors';
import { readAll, setup } from '../testing/helpers';

const COMPACT = { 'cleanup.policy': 'compact', 'segment.bytes': '500', 'min.cleanable.dirty.ratio': '0.01' };

describe('compaction (Kafka log cleaner)', () => {
  it('keeps exactly the latest value per key at its original offset, outside the active segment (tombstones included until delete.retention.ms)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.option(fc.string({ maxLength: 20 }), { freq: 5 })), { minLength: 1, maxLength: 80 }), async (writes) => {
        const { cluster, producer } = await setup('c', 1, COMPACT);
        // Short keys, and keys of over 64 bytes of non-ASCII text (the cleaner reads those another way).
        const keyName = (k: number) => (k % 2 === 0 ? `key${k}` : `${'ü€'.repeat(15)}-${k}`);
        for (const [k, v] of writes) await producer.send({ topic: 'c', messages: [{ key: keyName(k), value: v }] });
        const log = cluster.engine.log('c', 0);
        const activeBase = log.activeSegment().baseOffset;
        const before = await readAll(cluster, 'c');
        await cluster.admin().runCleaner();
        const after = await readAll(cluster, 'c');
        const cleanable = before.filter((r) => r.offset < activeBase);
        const latest = new Map<string, number>();
        for (const r of cleanable) latest.set(r.key!, r.offset);
        const expected = [...cleanable.filter((r) => latest.get(r.key!) === r.offset), ...before.filter((r) => r.offset >= activeBase)];
        expect(after).toEqual(expected);
        // Offsets never change and the log end does not move.
        expect(log.logEndOffset).toBe(writes.length);
        await cluster.close();
      }),
      { numRuns: 40 },
    );
  });

  it('rewrites batches of several records that keep only some of them, twice over (a cleaned part and a dirty one)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.option(fc.string({ maxLength: 12 }), { freq: 5 })), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 29 }),
        async (sends, split) => {
          const { cluster, producer } = await setup('c', 1, COMPACT);
          const log = cluster.engine.log('c', 0);
          const expectCleaned = async () => {
            const activeBase = log.activeSegment().baseOffset;
            const before = await readAll(cluster, 'c');
            await cluster.admin().runCleaner();
            const cleanable = before.filter((r) => r.offset < activeBase);
            const latest = new Map<string, number>();
            for (const r of cleanable) latest.set(r.key!, r.offset);
            expect(await readAll(cluster, 'c')).toEqual([...cleanable.filter((r) => latest.get(r.key!) === r.offset), ...before.filter((r) => r.offset >= activeBase)]);
          };
          for (const [i, batch] of sends.entries()) {
            await producer.send({ topic: 'c', messages: batch.map(([k, v]) => ({ key: `k${k}`, value: v })) });
            if (i === split) await expectCleaned();
          }
          await expectCleaned();
          await cluster.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reading from an offset inside a compaction gap returns the next record (Kafka fetch semantics)', async () => {
    const { cluster, producer } = await setup('c', 1, COMPACT);
    for (let i = 0; i < 30; i++) await producer.send({ topic: 'c', messages: [{ key: `k${i % 3}`, value: 'v'.repeat(40) + i }] });
    await cluster.admin().runCleaner();
    const offsets = (await readAll(cluster, 'c')).map((r) => r.offset);
    // Offsets 0.. were compacted away (the log start stays 0): a read there lands on the first survivor.
    expect(cluster.engine.log('c', 0).logStartOffset).toBe(0);
    expect(offsets[0]).toBeGreaterThan(1);
    for (const inGap of [0, offsets[0]! - 1]) {
      const recs = await cluster.engine.log('c', 0).read(inGap, { maxRecords: 1 });
      expect(recs[0]!.offset).toBe(offsets[0]);
    }
  });

  it('keeps tombstones for delete.retention.ms after the segment is cleaned, then removes them', async () => {
    const { cluster, producer } = await setup('c', 1, { ...COMPACT, 'delete.retention.ms': '5000' });
    await producer.send({ topic: 'c', messages: [{ key: 'a', value: '1'.repeat(200) }, { key: 'b', value: '2'.repeat(200) }] });
    await producer.send({ topic: 'c', messages: [{ key: 'a', value: null }] });
    for (let i = 0; i < 4; i++) await producer.send({ topic: 'c', messages: [{ key: `pad${i}`, value: 'p'.repeat(200) }] });
    await cluster.admin().runCleaner();
    let recs = await readAll(cluster, 'c');
    expect(recs.find((r) => r.key === 'a')).toEqual({ offset: 2, key: 'a', value: null });
    await cluster.advance(4000);
    await cluster.admin().runCleaner();
    expect((await readAll(cluster, 'c')).some((r) => r.key === 'a')).toBe(true);
    await cluster.advance(1000);
    await cluster.admin().runCleaner();
    recs = await readAll(cluster, 'c');
    expect(recs.some((r) => r.key === 'a')).toBe(false);
    expect(recs.find((r) => r.key === 'b')!.offset).toBe(1);
  });

  it('leaves records younger than min.compaction.lag.ms alone', async () => {
    const { cluster, producer } = await setup('c', 1, { ...COMPACT, 'min.compaction.lag.ms': '10000' });
    for (let i = 0; i < 10; i++) await producer.send({ topic: 'c', messages: [{ key: 'same', value: 'x'.repeat(150) }] });
    await cluster.admin().runCleaner();
    expect((await readAll(cluster, 'c')).length).toBe(10);
    await cluster.advance(10_001);
    await cluster.admin().runCleaner();
    const after = await readAll(cluster, 'c');
    expect(after.length).toBeLessThan(10);
    expect(after[after.length - 1]!.offset).toBe(9);
  });

  it('waits until the dirty part reaches min.cleanable.dirty.ratio', async () => {
    const { cluster, producer } = await setup('c', 1, { ...COMPACT, 'min.cleanable.dirty.ratio': '0.9' });
    for (let i = 0; i < 12; i++) await producer.send({ topic: 'c', messages: [{ key: `k${i % 2}`, value: 'x'.repeat(150) }] });
    const first = await cluster.admin().runCleaner();
    expect(first.partitionsCompacted).toBe(1);
    for (let i = 0; i < 3; i++) await producer.send({ topic: 'c', messages: [{ key: `k${i % 2}`, value: 'y'.repeat(150) }] });
    const second = await cluster.admin().runCleaner();
    expect(second.partitionsCompacted).toBe(0);
  });

  it('refuses keyless records on compacted topics at produce time and writes nothing (Kafka INVALID_RECORD)', async () => {
    const { cluster, producer } = await setup('c', 1, COMPACT);
    await expect(producer.send({ topic: 'c', messages: [{ key: 'ok', value: '1' }, { value: 'no key' }] })).rejects.toBeInstanceOf(KeylessRecordOnCompactedTopicError);
    expect(cluster.engine.log('c', 0).logEndOffset).toBe(0);
  });

  it('runs on its own schedule in the background', async () => {
    const { cluster, producer } = await setup('c', 1, COMPACT, { cleanerIntervalMs: 1000 });
    for (let i = 0; i < 20; i++) await producer.send({ topic: 'c', messages: [{ key: 'k', value: 'x'.repeat(100) }] });
    const before = (await readAll(cluster, 'c')).length;
    await cluster.advance(1000);
    expect((await readAll(cluster, 'c')).length).toBeLessThan(before);
    await cluster.close();
  });
});
