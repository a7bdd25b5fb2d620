import { describe, expect, it } from 'vitest';
import { defaultPartition, murmur2, toPositive } from './murmur2';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('murmur2 (Kafka Utils.murmur2)', () => {
  // Vectors from Kafka's clients UtilsTest.testMurmur2 and the Java client's known outputs.
  const vectors: [string, number][] = [
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
    ['1', -1993445489],
    ['12', 126087238],
    ['123', -267702483],
    ['1234', -1614185708],
    ['12345', -1188365604],
  ];
  for (const [input, expected] of vectors) {
    it(`hashes "${input}" as the Java client does`, () => {
      expect(murmur2(bytes(input))).toBe(expected);
    });
  }

  it('toPositive clears the sign bit like Utils.toPositive (not Math.abs)', () => {
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(-1)).toBe(2147483647);
  });

  it('defaultPartition = toPositive(murmur2(key)) % n, as the Java DefaultPartitioner', () => {
    expect(defaultPartition('foobar', 10)).toBe(toPositive(-790332482) % 10);
    expect(defaultPartition(bytes('21'), 7)).toBe(toPositive(-973932308) % 7);
    expect(() => defaultPartition('x', 0)).toThrow(RangeError);
    // Non-ASCII keys hash their UTF-8 bytes, as the Java client does.
    expect(defaultPartition('clé-ü', 13)).toBe(toPositive(murmur2(bytes('clé-ü'))) % 13);
  });
});
