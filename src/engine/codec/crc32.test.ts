import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32 } from './crc32';

function reference(bytes: Uint8Array): number {
  let c = -1;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ -1) >>> 0;
}

describe('crc32', () => {
  it('matches the standard check value ("123456789" → cbf43926)', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });
  it('agrees with the bitwise definition on any input and range', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(20), (bytes, cut) => {
        const start = Math.min(cut, bytes.length);
        expect(crc32(bytes, start)).toBe(reference(bytes.subarray(start)));
      }),
    );
  });
});
