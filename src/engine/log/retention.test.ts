import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAll, setup } from '../testing/helpers';

const msgs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ key: `k${from + i}`, value: 'x'.repeat(80) }));

describe('retention (Kafka: whole segments only, never the active one)', () => {
  it('retention.ms deletes old closed segments and moves the log start to the next segment', async () => {
    const { cluster, producer } = await setup('t', 1, { 'retention.ms': '1000', 'segment.bytes': '1000' });
    for (let i = 0; i < 10; i++) await producer.send({ topic: 't', messages: msgs(3, i * 3) });
    const log = cluster.engine.log('t', 0);
    const segs = log.segments.length;
    expect(segs).toBeGreaterThan(2);
    await cluster.advance(2000);
    const report = await cluster.admin().runCleaner();
    expect(report.segmentsDeleted).toBe(segs - 1);
    expect(log.segments.length).toBe(1);
    expect(log.logStartOffset).toBe(log.segments[0]!.baseOffset);
    expect(log.logEndOffset).toBe(30);
    const low = (await cluster.admin().fetchTopicOffsets('t'))[0]!.low;
    expect(low).toBe(String(log.logStartOffset));
  });

  it('with LogAppendTime, retention.ms counts from when the broker appended, not the producer\'s timestamp', async () => {
    const { cluster, producer } = await setup('t', 1, { 'retention.ms': '1000', 'segment.bytes': '300', 'message.timestamp.type': 'LogAppendTime' });
    await cluster.advance(10_000);
    // Producer timestamps far in the past would expire at once under CreateTime.
    for (let i = 0; i < 6; i++) await producer.send({ topic: 't', messages: [{ value: 'x'.repeat(150), timestamp: '1' }] });
    await cluster.admin().runCleaner();
    expect(cluster.engine.log('t', 0).logStartOffset).toBe(0);
    await cluster.advance(1001);
    await cluster.admin().runCleaner();
    expect(cluster.engine.log('t', 0).logStartOffset).toBeGreaterThan(0);
  });

  it('never deletes the active segment even when everything has expired', async () => {
    const { cluster, producer } = await setup('t', 1, { 'retention.ms': '10' });
    await producer.send({ topic: 't', messages: msgs(5) });
    await cluster.advance(1000);
    await cluster.admin().runCleaner();
    expect((await readAll(cluster, 't')).length).toBe(5);
  });

  it('retention.bytes keeps the newest segments whose total stays within the limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 500, max: 3000 }), async (sends, limit) => {
        const { cluster, producer } = await setup('t', 1, { 'retention.bytes': String(limit), 'segment.bytes': '600' });
        for (let i = 0; i < sends; i++) await producer.send({ topic: 't', messages: msgs(2, i * 2) });
        const log = cluster.engine.log('t', 0);
        const before = log.segments.map((s) => ({ base: s.baseOffset, size: s.size }));
        await cluster.admin().runCleaner();
        const after = log.segments.map((s) => s.baseOffset);
        // What remains is a suffix of whole segments, always including the active one.
        expect(after).toEqual(before.slice(before.length - after.length).map((s) => s.base));
        const dropped = before.slice(0, before.length - after.length);
        const total = before.reduce((n, s) => n + s.size, 0);
        const droppedBytes = dropped.reduce((n, s) => n + s.size, 0);
        // Kafka deletes the oldest segment while the log without it still holds retention.bytes.
        if (dropped.length > 0) expect(total - droppedBytes).toBeGreaterThanOrEqual(limit);
        if (after.length > 1) expect(total - droppedBytes - log.segments[0]!.size).toBeLessThan(limit);
        const records = await readAll(cluster, 't');
        expect(records[0]?.offset).toBe(log.logStartOffset);
        expect(records.map((r) => r.offset)).toEqual(Array.from({ length: sends * 2 - log.logStartOffset }, (_, i) => log.logStartOffset + i));
        await cluster.close();
      }),
      { numRuns: 25 },
    );
  });

  it('deleteRecords moves the log start offset; reads below it are out of range (Kafka DeleteRecords)', async () => {
    const { cluster, producer } = await setup('t');
    await producer.send({ topic: 't', messages: msgs(10) });
    const admin = cluster.admin();
    expect(await admin.deleteRecords({ topic: 't', partitions: [{ partition: 0, offset: '4' }] })).toEqual([{ partition: 0, lowWatermark: '4' }]);
    expect((await admin.fetchTopicOffsets('t'))[0]).toMatchObject({ low: '4', high: '10' });
    await expect(cluster.engine.log('t', 0).read(2)).rejects.toMatchObject({ code: 'OFFSET_OUT_OF_RANGE' });
    expect((await readAll(cluster, 't'))[0]!.offset).toBe(4);
    await expect(admin.deleteRecords({ topic: 't', partitions: [{ partition: 0, offset: '11' }] })).rejects.toMatchObject({ code: 'OFFSET_OUT_OF_RANGE' });
  });
});
