import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './clock';
import { throttle } from './throttle';

describe('throttle', () => {
  it('sends the first value at once and then at most one per interval, always the newest', () => {
    const clock = createVirtualClock();
    const sent: Array<[number, number]> = [];
    const t = throttle((v: number) => sent.push([clock.now(), v]), 100, clock);
    t.push(1);
    expect(sent).toEqual([[0, 1]]);
    clock.advance(10);
    t.push(2);
    clock.advance(10);
    t.push(3);
    expect(sent).toHaveLength(1);
    clock.advance(80);
    expect(sent).toEqual([
      [0, 1],
      [100, 3],
    ]);
    // Quiet for longer than the interval: the next value goes at once again.
    clock.advance(500);
    t.push(4);
    expect(sent.at(-1)).toEqual([600, 4]);
  });

  it('never sends more often than the interval under a steady stream, and ends on the last value', () => {
    const clock = createVirtualClock();
    const at: number[] = [];
    let last = -1;
    const t = throttle((v: number) => (at.push(clock.now()), (last = v)), 50, clock);
    for (let i = 0; i < 200; i++) {
      t.push(i);
      clock.advance(7);
    }
    clock.advance(100);
    expect(last).toBe(199);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(50);
    expect(at.length).toBeGreaterThanOrEqual(Math.floor((200 * 7) / 50));
  });

  it('cancel drops a held value', () => {
    const clock = createVirtualClock();
    const sent: number[] = [];
    const t = throttle((v: number) => sent.push(v), 100, clock);
    t.push(1);
    t.push(2);
    t.cancel();
    clock.advance(1000);
    expect(sent).toEqual([1]);
  });
});
