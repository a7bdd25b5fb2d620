// Confluent's wire format header: magic byte 0 and the schema id as a 4-byte big-endian integer.
import { describe, expect, it } from 'vitest';
import { frame, unframe, writeHeader } from './wireFormat';

describe('wire format', () => {
  it('writes the schema id big-endian after the magic byte, and reads it back', () => {
    for (const id of [1, 255, 300, 65_536 + 2, 2 ** 31 - 1]) {
      const out = new Uint8Array(7).fill(9);
      writeHeader(out, id);
      expect([...out.subarray(0, 5)]).toEqual([0, (id >>> 24) & 255, (id >>> 16) & 255, (id >>> 8) & 255, id & 255]);
      expect(out[5]).toBe(9);
      const framed = frame(id, Uint8Array.of(7, 8));
      expect(unframe(framed)).toEqual({ id, payload: Uint8Array.of(7, 8) });
      expect(new DataView(framed.buffer).getInt32(1, false)).toBe(id);
    }
  });
});
