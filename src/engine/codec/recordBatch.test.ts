import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTR_LOG_APPEND_TIME,
  batchAppendTime,
  batchAttributes,
  batchBaseOffset,
  batchBaseSequence,
  batchCount,
  batchFirstTime,
  batchLastOffsetDelta,
  batchLeaderEpoch,
  batchMaxTime,
  batchProducerEpoch,
  batchProducerId,
  batchTimes,
  encodeBatch,
  encodeBatches,
  isBatchValid,
  readMeta,
  sealBatches,
  stampBatch,
  type DecodedRecord,
} from './recordBatch';
import { forEachRecord, pickRecords } from './recordReads';

const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));

describe('record batch codec', () => {
  it('round-trips keys, values, headers and timestamps (any Unicode, nulls included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.option(fc.string()), value: fc.option(fc.string({ unit: 'grapheme', maxLength: 80 })), h: fc.option(fc.string()), ts: fc.nat() }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 200, max: 5000 }),
        (rs, max) => {
          const batches = encodeBatches(rs.map((r) => ({ key: r.key, value: r.value, headers: r.h === null ? undefined : [['h', r.h]], timestamp: r.ts })), {}, max);
          const out: DecodedRecord[] = [];
          let base = 0;
          for (const b of batches) {
            stampBatch(b, 0, base, 0, 1);
            sealBatches(b);
            expect(isBatchValid(b)).toBe(true);
            forEachRecord(b, 0, (r) => void out.push(r));
            base += readMeta(b).count;
          }
          expect(out.map((r) => r.offset)).toEqual(rs.map((_, i) => i));
          expect(out.map((r) => [text(r.key), text(r.value), r.timestamp])).toEqual(rs.map((r) => [r.key, r.value, r.ts]));
          expect(out.map((r) => (r.headers[0] ? text(r.headers[0][1]) : null))).toEqual(rs.map((r) => r.h));
        },
      ),
    );
  });

  it('picks scattered offsets from dense and gapped (compacted) batches', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(200), { minLength: 1, maxLength: 60 }), fc.array(fc.nat(220), { maxLength: 40 }), fc.boolean(), (present, wantedRaw, dense) => {
        const deltas = dense ? present.map((_, i) => i) : [...present].sort((a, b) => a - b);
        const b = encodeBatch(deltas.map((d) => ({ key: `k${d}`, value: `v${d}`, timestamp: 0, offsetDelta: d - deltas[0]! })));
        stampBatch(b, 0, 1000 + deltas[0]!, 0, 0);
        const wanted = [...new Set(wantedRaw.map((x) => 1000 + x))].sort((x, y) => x - y);
        const out: DecodedRecord[] = [];
        let w = 0;
        while (w < wanted.length && wanted[w]! < 1000 + deltas[0]!) w++;
        pickRecords(b, 0, wanted, w, out);
        const have = new Set(deltas.map((d) => 1000 + d));
        expect(out.map((r) => r.offset)).toEqual(wanted.filter((o) => have.has(o)));
        for (const r of out) expect(text(r.value)).toBe(`v${r.offset - 1000}`);
      }),
    );
  });

  it('detects a torn or corrupted batch by length and CRC', () => {
    const [b] = encodeBatches([{ key: 'k', value: 'hello world', timestamp: 1 }]);
    sealBatches(b!);
    expect(isBatchValid(b!)).toBe(true);
    expect(isBatchValid(b!.slice(0, b!.length - 3))).toBe(false);
    const flipped = b!.slice();
    flipped[flipped.length - 2]! ^= 1;
    expect(isBatchValid(flipped)).toBe(false);
  });

  it('reads single header fields as readMeta does, after a stamp at any place in a chunk (appends read them one by one)', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 1, max: 5 }),
          ts: fc.nat({ max: 2 ** 40 }),
          producerId: fc.integer({ min: -1, max: 2 ** 40 }),
          producerEpoch: fc.integer({ min: -1, max: 32767 }),
          baseSequence: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
          logAppend: fc.boolean(),
          base: fc.nat({ max: 2 ** 45 }),
          epoch: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
          appendTime: fc.nat({ max: 2 ** 42 }),
          pad: fc.nat({ max: 9 }),
        }),
        (c) => {
          const records = Array.from({ length: c.n }, (_, i) => ({ key: `k${i}`, value: 'v', timestamp: c.ts + i }));
          const batch = encodeBatch(records, { producerId: c.producerId, producerEpoch: c.producerEpoch, baseSequence: c.baseSequence, attributes: c.logAppend ? ATTR_LOG_APPEND_TIME : 0 });
          const chunk = new Uint8Array(c.pad + batch.length);
          chunk.set(batch, c.pad);
          stampBatch(chunk, c.pad, c.base, c.epoch, c.appendTime);
          const m = readMeta(chunk, c.pad);
          expect([m.baseOffset, m.partitionLeaderEpoch, m.appendTime]).toEqual([c.base, c.epoch, c.appendTime]);
          expect(batchBaseOffset(chunk, c.pad)).toBe(m.baseOffset);
          expect(batchLeaderEpoch(chunk, c.pad)).toBe(m.partitionLeaderEpoch);
          expect(batchAppendTime(chunk, c.pad)).toBe(m.appendTime);
          expect(batchCount(chunk, c.pad)).toBe(m.count);
          expect(batchLastOffsetDelta(chunk, c.pad)).toBe(m.lastOffsetDelta);
          expect(batchAttributes(chunk, c.pad)).toBe(m.attributes);
          expect(batchProducerId(chunk, c.pad)).toBe(m.producerId);
          expect(batchProducerEpoch(chunk, c.pad)).toBe(m.producerEpoch);
          expect(batchBaseSequence(chunk, c.pad)).toBe(m.baseSequence);
          expect([batchFirstTime(chunk, c.pad), batchMaxTime(chunk, c.pad)]).toEqual([batchTimes(m).first, batchTimes(m).max]);
          expect(batchFirstTime(chunk, c.pad)).toBe(c.logAppend ? c.appendTime : c.ts);
          // Stamping writes only its three fields: the rest of the chunk is as it was.
          expect(chunk.subarray(0, c.pad).every((x) => x === 0)).toBe(true);
          expect(chunk.subarray(c.pad + 24)).toEqual(batch.subarray(24));
        },
      ),
    );
  });
});
