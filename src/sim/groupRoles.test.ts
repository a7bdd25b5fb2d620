// Pins the event every group handling one consumed record shares: read from the record once
// (policies and projectors of one event topic get the same envelope), and a record that cannot
// be read fails every time it is handled, so each group counts its handler error.
import { describe, expect, it } from 'vitest';
import { runtime } from '../topology';
import { eventOf } from './groupRoles';

const event: runtime.EventEnvelope = { type: 'ItemAdded', aggregateType: 'Basket', aggregateId: 'b-1', version: 3, schemaVersion: 1, timestamp: 1_000, payload: { sku: 'x', qty: 2 } };

describe('the event of a consumed record', () => {
  it('is read once per record and is what the record says', () => {
    const record = runtime.eventToRecord(event, false);
    const first = eventOf(record);
    expect(first).toEqual(event);
    expect(eventOf(record)).toBe(first);
    // Another record of the same event is read on its own.
    const again = runtime.eventToRecord(event, false);
    expect(eventOf(again)).not.toBe(first);
    expect(eventOf(again)).toEqual(event);
  });

  it('fails for every group when the record is not an event', () => {
    const record: runtime.WireRecord = { key: 'b-1', value: '{}', headers: { 'event-type': 'ItemAdded' } };
    expect(() => eventOf(record)).toThrow(/aggregate-type/);
    expect(() => eventOf(record)).toThrow(/aggregate-type/);
  });
});
