import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { encodeBatch, stampBatch, type DecodedRecord } from './recordBatch';
import { decodeRecordAt, forEachRecord, forEachRecordSpan, recordTextAt } from './recordReads';

function sample(): Uint8Array {
  const b = encodeBatch([
    { key: 'basket-1', value: '{"a":1}', headers: [['event-type', 'ItemAdded'], ['empty', null]], timestamp: 5 },
    { key: null, value: null, timestamp: 6 },
    { key: 'κλειδί', value: 'x'.repeat(300), headers: [['aggregate-id', 'a'.repeat(80)], ['ünï', 'välue']], timestamp: 7 },
    { key: 'basket-1', value: '{"a":2}', headers: [['event-type', 'ItemAdded']], timestamp: 8 },
    { key: 'basket-2', value: '{"a":3}', headers: [['event-type', 'ItemAddee'], ['ünï', 'välue']], timestamp: 9 },
  ]);
  stampBatch(b, 0, 40, 3, 99);
  return b;
}

describe('reading records by span', () => {
  it('gives each record offset, time, start and size, and decodes it as forEachRecord does', () => {
    const b = sample();
    const whole: DecodedRecord[] = [];
    forEachRecord(b, 0, (r) => void whole.push(r));
    const spans: DecodedRecord[] = [];
    forEachRecordSpan(b, 0, (offset, timestamp, start, size) => {
      const r = decodeRecordAt(b, start, offset, 99);
      expect([r.offset, r.timestamp, r.size]).toEqual([offset, timestamp, size]);
      spans.push(r);
    });
    expect(spans).toEqual(whole);
    expect(spans.map((r) => r.offset)).toEqual([40, 41, 42, 43, 44]);
  });

  it("reads key and headers as text and the value as bytes, a text like the last one read there as itself", () => {
    const b = sample();
    const texts: ReturnType<typeof recordTextAt>[] = [];
    forEachRecordSpan(b, 0, (_o, _t, start) => void texts.push(recordTextAt(b, start)));
    expect(texts.map((t) => [t.key, t.value === null ? null : utf8(t.value), t.headers])).toEqual([
      ['basket-1', '{"a":1}', { 'event-type': 'ItemAdded', empty: '' }],
      [null, null, {}],
      ['κλειδί', 'x'.repeat(300), { 'aggregate-id': 'a'.repeat(80), ünï: 'välue' }],
      ['basket-1', '{"a":2}', { 'event-type': 'ItemAdded' }],
      ['basket-2', '{"a":3}', { 'event-type': 'ItemAddee', ünï: 'välue' }],
    ]);
  });

  it('reads a header named "__proto__" as an entry, not as the headers object\'s prototype', () => {
    const b = encodeBatch([{ key: 'k', value: 'v', headers: [['__proto__', 'p'], ['a', 'b']], timestamp: 1 }]);
    stampBatch(b, 0, 0, 0, 1);
    let t: ReturnType<typeof recordTextAt> | undefined;
    forEachRecordSpan(b, 0, (_o, _t, start) => void (t = recordTextAt(b, start)));
    expect(Object.getPrototypeOf(t!.headers)).toBe(Object.prototype);
    expect(Object.entries(t!.headers)).toEqual([['__proto__', 'p'], ['a', 'b']]);
  });
});
