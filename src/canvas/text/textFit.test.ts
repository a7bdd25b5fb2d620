import { describe, expect, it } from 'vitest';
import { fitText, wrapLines, type MeasureText } from './textFit';

// Every character is 0.5 em wide: easy to reason about in the expectations.
const mono: MeasureText = (text, px) => text.length * px * 0.5;

describe('wrapLines', () => {
  it('wraps at spaces and keeps explicit line breaks', () => {
    expect(wrapLines('Money deposited to account', 60, 10, mono)).toEqual(['Money', 'deposited to', 'account']);
    expect(wrapLines('a\nb c', 100, 10, mono)).toEqual(['a', 'b c']);
  });
  it('breaks a word wider than the line', () => {
    expect(wrapLines('abcdefghij', 30, 10, mono)).toEqual(['abcdef', 'ghij']);
  });
});

describe('fitText', () => {
  const box = { width: 100, height: 60, minPx: 6, maxPx: 20, lineHeight: 1 };
  it('uses the largest size at which the whole name fits without breaking words', () => {
    const fit = fitText('Account opened', box, mono);
    expect(fit.truncated).toBe(false);
    expect(fit.lines).toEqual(['Account', 'opened']);
    // "Account" is 7 characters: 7 × 0.5 × px ≤ 100 → px ≤ 28, capped at 20.
    expect(fit.fontPx).toBe(20);
  });
  it('shrinks a long name until it fits', () => {
    const fit = fitText('Whenever the balance goes below zero, charge an overdraft fee', box, mono);
    expect(fit.truncated).toBe(false);
    expect(fit.lines.join(' ')).toBe('Whenever the balance goes below zero, charge an overdraft fee');
    expect(fit.fontPx).toBeLessThan(20);
    expect(fit.lines.length * fit.fontPx).toBeLessThanOrEqual(60);
    for (const line of fit.lines) expect(mono(line, fit.fontPx)).toBeLessThanOrEqual(100);
  });
  it('cuts what does not fit at the smallest size, with an ellipsis, keeping the first words', () => {
    const fit = fitText('one two three four five six seven eight nine ten eleven twelve', { ...box, width: 40, height: 12, maxPx: 6 }, mono);
    expect(fit.truncated).toBe(true);
    expect(fit.lines).toHaveLength(2);
    expect(fit.lines[0]).toMatch(/^one two three/);
    expect(fit.lines[1]!.endsWith('…')).toBe(true);
    for (const line of fit.lines) expect(mono(line, 6)).toBeLessThanOrEqual(40);
  });
  it('prefers slightly smaller whole words to a word broken in two', () => {
    // "Customer" is 8 characters: 8 × 0.5 × 6 = 24 > 22 at the smallest size, 20.8 at 5.2.
    const fit = fitText('Customer', { width: 22, height: 40, minPx: 6, maxPx: 10, lineHeight: 1 }, mono);
    expect(fit.lines).toEqual(['Customer']);
    expect(fit.fontPx).toBeLessThan(6);
    expect(fit.fontPx).toBeGreaterThanOrEqual(4.8);
  });
  it('an empty name has no lines', () => {
    expect(fitText('  ', box, mono)).toEqual({ fontPx: 20, lines: [], truncated: false });
  });
});
