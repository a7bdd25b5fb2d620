import { describe, expect, it } from 'vitest';
import { estimateClearMs, lagTrend, SmoothedRate } from './clearTime';

describe('time to clear the lag', () => {
  it('is lag ÷ (consumed − produced) while the consumers gain on the producers', () => {
    expect(estimateClearMs(1_000, 150, 100)).toBe(20_000);
    expect(lagTrend(1_000, 150, 100)).toBe('clearing');
  });
  it('has no estimate when the lag holds or grows, and is 0 without lag', () => {
    expect(estimateClearMs(1_000, 100, 150)).toBeNull();
    expect(lagTrend(1_000, 100, 150)).toBe('falling behind');
    // Within 2% of each other: keeping pace, the lag only saw-tooths with the commits.
    expect(estimateClearMs(50, 101, 100)).toBeNull();
    expect(lagTrend(50, 101, 100)).toBe('keeping up');
    expect(estimateClearMs(0, 0, 100)).toBe(0);
    expect(lagTrend(0, 0, 100)).toBe('caught up');
    expect(lagTrend(10, 0, 0)).toBe('not consuming');
    expect(estimateClearMs(10, 0, 0)).toBeNull();
  });
  it('smooths the rates over about 5 s of samples', () => {
    const r = new SmoothedRate();
    expect(r.add(100, 500)).toBe(100);
    const next = r.add(0, 500);
    expect(next).toBeGreaterThan(85);
    expect(next).toBeLessThan(95);
  });
});
