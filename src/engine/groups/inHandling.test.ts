import { describe, expect, it } from 'vitest';
import { InHandling } from './inHandling';

describe('InHandling', () => {
  it('lets a commit cover a partition only up to its first record still in handling', () => {
    const h = new InHandling();
    for (const o of [10, 11, 12]) h.add('t/0', o);
    h.add('t/1', 4);
    expect(h.size).toBe(4);
    h.finish('t/0', 11); // out of order: 10 is still in handling
    expect(h.firstUnhandled('t/0')).toBe(10);
    expect(h.size).toBe(4);
    h.finish('t/0', 10);
    expect(h.firstUnhandled('t/0')).toBe(12);
    expect(h.size).toBe(2);
    h.finish('t/0', 12);
    expect(h.firstUnhandled('t/0')).toBeUndefined();
    expect(h.size).toBe(1);
  });

  it('forgets a partition that moved away, and ignores late answers for it', () => {
    const h = new InHandling();
    h.add('t/0', 1);
    h.add('t/0', 2);
    h.drop('t/0');
    expect(h.size).toBe(0);
    h.finish('t/0', 1);
    expect(h.size).toBe(0);
    expect(h.firstUnhandled('t/0')).toBeUndefined();
  });

  it('takes no answers for a partition with nothing in handling, however often it emptied', () => {
    const h = new InHandling();
    h.add('t/0', 1);
    h.finish('t/0', 1);
    h.finish('t/0', 2); // an answer for a record not in handling
    h.add('t/0', 2);
    h.add('t/0', 3);
    h.finish('t/0', 3);
    expect(h.firstUnhandled('t/0')).toBe(2);
    expect(h.size).toBe(2);
    h.finish('t/0', 2);
    expect(h.size).toBe(0);
  });
});
