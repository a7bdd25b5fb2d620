import { describe, expect, it } from 'vitest';
import { SpeedMeter, SPEED_WINDOW_MS } from './speedMeter';

describe('SpeedMeter', () => {
  it('measures simulated per wall milliseconds over the last window, after a second of running', () => {
    const m = new SpeedMeter();
    m.add(0, 0);
    m.add(500, 1_000);
    expect(m.speed()).toBeNull();
    // 2× for 4 s, then 5× for 3 s: the window sees only the 5×.
    for (let t = 1_000; t <= 4_000; t += 500) m.add(t, 2 * t);
    expect(m.speed()).toBeCloseTo(2);
    for (let t = 4_500; t <= 4_000 + SPEED_WINDOW_MS; t += 500) m.add(t, 8_000 + 5 * (t - 4_000));
    expect(m.speed()).toBeCloseTo(5);
  });

  it('starts over after a reset (a pause) and when simulated time goes back (a new run)', () => {
    const m = new SpeedMeter();
    for (let t = 0; t <= 2_000; t += 100) m.add(t, t * 3);
    expect(m.speed()).toBeCloseTo(3);
    m.reset();
    m.add(10_000, 6_000);
    expect(m.speed()).toBeNull();
    for (let t = 10_100; t <= 12_000; t += 100) m.add(t, 6_000 + (t - 10_000));
    expect(m.speed()).toBeCloseTo(1);
    m.add(12_100, 0);
    expect(m.speed()).toBeNull();
  });
});
