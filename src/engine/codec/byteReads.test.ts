// Pins the byte readers against DataView's little-endian reads (the format's byte order).
import { describe, expect, it } from 'vitest';
import { f64At, i16At, i32At, putF64, u16At, u32At } from './byteReads';

describe('byte readers', () => {
  it('read little-endian fields at any position as DataView does', () => {
    const values = [0, -0, 1, -1, 0.5, 1733500000123, 2 ** 53 - 1, -(2 ** 60), Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN, Math.PI];
    for (const at of [0, 1, 3, 5]) {
      const b = new Uint8Array(at + 8);
      const dv = new DataView(b.buffer);
      for (const v of values) {
        dv.setFloat64(at, v, true);
        expect(Object.is(f64At(b, at), v)).toBe(true);
        b.fill(0);
        putF64(b, at, v);
        expect(Object.is(dv.getFloat64(at, true), v)).toBe(true);
      }
      for (const v of [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x12345678]) {
        dv.setUint32(at, v, true);
        expect(u32At(b, at)).toBe(dv.getUint32(at, true));
        expect(i32At(b, at)).toBe(dv.getInt32(at, true));
        expect(u16At(b, at)).toBe(dv.getUint16(at, true));
        expect(i16At(b, at)).toBe(dv.getInt16(at, true));
      }
    }
  });
});
