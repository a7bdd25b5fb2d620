// Live badge rates: counts over the last two simulated seconds, whatever the snapshot spacing;
// a new run starts over; the text is short enough for a badge.
import { describe, expect, it } from 'vitest';
import { BadgeRates, badgeText, impactText } from './badgeRates';

const figs = (count: number, lag: number | null = 0) => [{ elementId: 'el:a', count, lag }];

describe('BadgeRates', () => {
  it('is 0 at the first snapshot, then counts per simulated second over the window', () => {
    const r = new BadgeRates();
    expect(r.update(1000, figs(10))['el:a']).toEqual({ rate: 0, lag: 0, impact: null, recovered: null });
    expect(r.update(1500, figs(20))['el:a']!.rate).toBe(20);
    expect(r.update(2000, figs(30, 4))['el:a']).toEqual({ rate: 20, lag: 4, impact: null, recovered: null });
    // The window moves: samples older than 2 s drop out (the base is now t = 1000 → 3000).
    r.update(2500, figs(30));
    expect(r.update(3000, figs(30))['el:a']!.rate).toBe(10);
    expect(r.update(4600, figs(30))['el:a']!.rate).toBe(0);
  });

  it('works with snapshots far apart (high speed) and starts over when time goes back', () => {
    const r = new BadgeRates();
    r.update(0, figs(0));
    expect(r.update(10_000, figs(5_000))['el:a']!.rate).toBe(500);
    expect(r.update(20_000, figs(6_000))['el:a']!.rate).toBe(100);
    expect(r.update(100, figs(3))['el:a']!.rate).toBe(0);
  });
});

describe('badgeText', () => {
  it('rounds big rates, keeps a decimal below 10, and leaves out an unknown lag', () => {
    expect(badgeText({ rate: 1234.4, lag: 12 })).toBe('1,234/s · lag 12');
    expect(badgeText({ rate: 2.46, lag: 0 })).toBe('2.5/s · lag 0');
    expect(badgeText({ rate: 0, lag: null })).toBe('0/s');
    expect(badgeText(undefined)).toBeNull();
  });

  it('says for how long a sticky stalls, and how long it lasted once recovered', () => {
    expect(impactText({ rate: 0, lag: 3, impact: { state: 'stalled', reason: 'commands refused', forMs: 12_400 } })).toBe('stalled 12 s|commands refused');
    expect(impactText({ rate: 1, lag: 0, recovered: { state: 'stale', reason: 'group ERR', lastedMs: 40_000, agoMs: 3_000 } })).toBe('was stale 40 s|Recovered 3 s ago; it was stale: group ERR');
    expect(impactText({ rate: 1, lag: 0 })).toBeNull();
  });
});
