import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './clock';

describe('createVirtualClock', () => {
  it('runs timers in time order, ties in scheduling order, only when due', () => {
    const clock = createVirtualClock();
    const seen: string[] = [];
    clock.setTimeout(() => seen.push('b@20'), 20);
    clock.setTimeout(() => seen.push('a@10'), 10);
    clock.setTimeout(() => seen.push('c@20'), 20);
    clock.advance(15);
    expect(seen).toEqual(['a@10']);
    expect(clock.now()).toBe(15);
    clock.advance(5);
    expect(seen).toEqual(['a@10', 'b@20', 'c@20']);
  });

  it('runs timers scheduled by timers within the same advance, at their own time', () => {
    const clock = createVirtualClock();
    const at: number[] = [];
    const tick = () => {
      at.push(clock.now());
      if (at.length < 5) clock.setTimeout(tick, 10);
    };
    clock.setTimeout(tick, 10);
    clock.advance(100);
    expect(at).toEqual([10, 20, 30, 40, 50]);
  });

  it('does not run cancelled timers', () => {
    const clock = createVirtualClock();
    let ran = false;
    const id = clock.setTimeout(() => (ran = true), 5);
    clock.clearTimeout(id);
    clock.advance(10);
    expect(ran).toBe(false);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('tells when the next live timer falls due, skipping cancelled ones', () => {
    const clock = createVirtualClock();
    expect(clock.nextDueAt()).toBeNull();
    const early = clock.setTimeout(() => undefined, 3);
    clock.setTimeout(() => undefined, 7);
    expect(clock.nextDueAt()).toBe(3);
    clock.clearTimeout(early);
    expect(clock.nextDueAt()).toBe(7);
    clock.advance(7);
    expect(clock.nextDueAt()).toBeNull();
  });
});

describe('createVirtualClock timer bookkeeping', () => {
  it('clearTimeout of a timer that already ran, twice, or of another clock changes nothing', () => {
    const clock = createVirtualClock();
    const seen: number[] = [];
    const a = clock.setTimeout(() => seen.push(1), 1);
    clock.advance(1);
    clock.clearTimeout(a);
    clock.clearTimeout(createVirtualClock().setTimeout(() => seen.push(99), 0)); // another clock's
    const b = clock.setTimeout(() => seen.push(2), 1);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(1);
    expect(seen).toEqual([1, 2]);
    expect(clock.pendingTimers()).toBe(0);
    expect(b).not.toBe(a);
  });

  it('counts a timer cancelled twice once, and one cancelled by the timer before it as not run', () => {
    const clock = createVirtualClock();
    const seen: string[] = [];
    let later: ReturnType<typeof clock.setTimeout> | null = null;
    clock.setTimeout(() => {
      seen.push('first');
      if (later) clock.clearTimeout(later);
    }, 5);
    later = clock.setTimeout(() => seen.push('later'), 5);
    const spare = clock.setTimeout(() => seen.push('spare'), 9);
    clock.clearTimeout(spare);
    clock.clearTimeout(spare);
    expect(clock.pendingTimers()).toBe(2);
    clock.advance(10);
    expect(seen).toEqual(['first']);
    expect(clock.pendingTimers()).toBe(0);
    expect(clock.nextDueAt()).toBeNull();
  });
});
