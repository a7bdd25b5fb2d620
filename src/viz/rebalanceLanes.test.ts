import { describe, expect, it } from 'vitest';
import { laneSpan, memberLabel, tickStep } from './rebalanceLanes';

describe('rebalance lanes', () => {
  it('spans from the first ownership or rebalance to now', () => {
    const g = { groupId: 'g', partitions: ['t-0'], members: ['a-1'], segments: [{ partition: 't-0', member: 'a-1', from: 3_000, to: null }], rebalances: [{ startedAt: 1_000 } as never] };
    expect(laneSpan(g, 20_000)).toEqual({ from: 1_000, to: 20_000 });
    expect(laneSpan({ ...g, segments: [], rebalances: [] }, 500)).toEqual({ from: 500, to: 1_500 });
  });
  it('picks 1, 2 or 5 × a power of ten for about eight ticks', () => {
    expect(tickStep(300_000)).toBe(50_000);
    expect(tickStep(10_000)).toBe(2_000);
    expect(tickStep(7_000)).toBe(1_000);
  });
  it('names a member by its instance', () => {
    expect(memberLabel('account-service-2-7')).toBe('account-service-2');
  });
});
