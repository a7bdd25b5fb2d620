import { describe, expect, it } from 'vitest';
import { createRng } from '../lib/rng';
import { createKeySampler } from './keyDistribution';

function histogram(kind: 'uniform' | 'zipf', n: number, draws: number): number[] {
  const s = createKeySampler(kind === 'uniform' ? { kind } : { kind, exponent: 1.2 }, n, createRng(9));
  const h = new Array<number>(n).fill(0);
  for (let i = 0; i < draws; i++) h[s.next()]!++;
  return h;
}

describe('key distributions', () => {
  it('uniform spreads draws evenly over the ids', () => {
    const h = histogram('uniform', 10, 20_000);
    for (const c of h) expect(c / 20_000).toBeCloseTo(0.1, 1);
  });

  it('Zipf makes the first id hottest, frequencies falling as 1/k^s', () => {
    const h = histogram('zipf', 20, 50_000);
    expect(h[0]! / h[1]!).toBeCloseTo(2 ** 1.2, 0);
    expect(h[0]!).toBeGreaterThan(h[19]! * 20);
    expect(h.reduce((a, b) => a + b, 0)).toBe(50_000);
  });

  it('rejects nonsense parameters', () => {
    expect(() => createKeySampler({ kind: 'uniform' }, 0, createRng(1))).toThrow(/≥ 1/);
    expect(() => createKeySampler({ kind: 'zipf', exponent: -1 }, 5, createRng(1))).toThrow(/positive/);
  });
});
