// Pins the consumed record the handlers read: its value text is read only when asked for, and an
// event's payload read from the value's bytes is exactly what parsing the text would give —
// values JSON would change (NaN, -0, byte arrays) fall back to the text.
import { describe, expect, it } from 'vitest';
import { ConsumedWire, type ValueReader } from './consumedWire';

const WIRE = new Uint8Array([0, 1]);
const PLAIN = new Uint8Array([123, 125]);

function reader(fields: Record<string, unknown> | undefined): ValueReader & { texts: number } {
  return {
    texts: 0,
    valueText(bytes) {
      this.texts++;
      return bytes === WIRE && fields ? JSON.stringify(fields) : '{}';
    },
    fields: (bytes) => (bytes === WIRE ? fields : undefined),
  };
}

describe('a consumed record as handlers read it', () => {
  it('reads its value text once, and only when asked', () => {
    const r = reader({ sku: 'a', qty: 2 });
    const wire = new ConsumedWire('k', WIRE, { 'event-type': 'X' }, '5', r);
    expect(r.texts).toBe(0);
    expect(wire.value).toBe('{"sku":"a","qty":2}');
    expect(wire.value).toBe('{"sku":"a","qty":2}');
    expect(r.texts).toBe(1);
    expect(new ConsumedWire('k', null, {}, '5', r).value).toBe('');
  });

  it('gives the payload parsing the text would give, without the text', () => {
    const fields = { sku: 'a', qty: 2, price: '12.50', ok: true, tags: ['x', { y: 1 }], note: null };
    const r = reader(fields);
    const wire = new ConsumedWire('k', WIRE, {}, '5', r);
    const payload = wire.payload();
    expect(payload).toEqual(JSON.parse(JSON.stringify(fields)));
    expect(r.texts).toBe(0);
    // Not in a schema's wire format: the caller parses the text.
    expect(new ConsumedWire('k', PLAIN, {}, '5', r).payload()).toBeUndefined();
  });

  it('leaves to the text what JSON would change', () => {
    for (const odd of [{ x: Number.NaN }, { x: -0 }, { x: Infinity }, { x: [1, new Uint8Array(1)] }, { x: { y: undefined } }, { x: new Date(0) }]) {
      expect(new ConsumedWire('k', WIRE, {}, '5', reader(odd)).payload()).toBeUndefined();
    }
  });
});
