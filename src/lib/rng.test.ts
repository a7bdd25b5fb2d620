import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('createRng', () => {
  it('replays the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
  });

  it('gives different sequences for different seeds and forks', () => {
    const a = createRng(1);
    const b = createRng(2);
    expect(a.next()).not.toBe(b.next());
    const r = createRng(7);
    expect(r.fork('x').next()).not.toBe(r.fork('y').next());
    expect(createRng(7).fork('x').next()).toBe(createRng(7).fork('x').next());
  });

  it('keeps int() within bounds and roughly uniform', () => {
    const r = createRng(3);
    const counts = new Array(10).fill(0) as number[];
    for (let i = 0; i < 10_000; i++) {
      const v = r.int(10);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(10);
      counts[v]!++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});
