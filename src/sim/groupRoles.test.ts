// Pins the event every group handling one consumed record shares: read from the record once
// (policies and projectors of one event topic get the same envelope), and a record that cannot
// be read fails every time it is handled, so each group counts its handler error.
import { describe, expect, it } from 'vitest';
import { runtime } from '../topology';
import { ConsumedWire, type ValueReader } from './consumedWire';
import { eventOf } from './groupRoles';

const event: runtime.EventEnvelope = { type: 'ItemAdded', aggregateType: 'Basket', aggregateId: 'b-1', version: 3, schemaVersion: 1, timestamp: 1_000, payload: { sku: 'x', qty: 2 } };
const json: ValueReader = { valueText: (b) => new TextDecoder().decode(b), fields: () => undefined };

/** The record a consumer gets for `record` (its value as bytes, read when asked). */
function consumed(record: runtime.WireRecord): ConsumedWire {
  return new ConsumedWire(record.key, new TextEncoder().encode(record.value), record.headers, record.timestamp ?? '0', json);
}

describe('the event of a consumed record', () => {
  it('is read once per record and is what the record says', () => {
    const record = consumed(runtime.eventToRecord(event, false));
    const first = eventOf(record);
    expect(first).toEqual(event);
    expect(eventOf(record)).toBe(first);
    // Another record of the same event is read on its own, as is a record made by hand.
    const again = consumed(runtime.eventToRecord(event, false));
    expect(eventOf(again)).not.toBe(first);
    expect(eventOf(again)).toEqual(event);
    expect(eventOf(runtime.eventToRecord(event, false))).toEqual(event);
  });

  it('fails for every group when the record is not an event', () => {
    const record = consumed({ key: 'b-1', value: '{}', headers: { 'event-type': 'ItemAdded' } });
    expect(() => eventOf(record)).toThrow(/aggregate-type/);
    expect(() => eventOf(record)).toThrow(/aggregate-type/);
  });
});
