import { describe, expect, it } from 'vitest';
import { RunHistory } from './runHistory';

describe('RunHistory', () => {
  it('keeps the whole run in at most `capacity` points, thinning by doubling the bucket', () => {
    const h = new RunHistory(['lag'], 8, 500);
    for (let t = 0; t < 100_000; t += 500) h.push(t, [t === 3_000 ? 999 : t / 1000]);
    expect(h.length).toBeLessThanOrEqual(8);
    const [time, lag] = h.export();
    // The first point still starts the run, the last one covers its end.
    expect(time![0]).toBe(0);
    expect(time![time!.length - 1]! + h.bucketMs).toBeGreaterThan(99_500);
    // A peak survives the thinning: a bucket keeps the largest value it saw.
    expect(Math.max(...lag!)).toBe(999);
    expect(h.bucketMs).toBeGreaterThanOrEqual(100_000 / 8);
  });
  it('merges samples that fall into the current bucket by their maximum', () => {
    const h = new RunHistory(['a', 'b'], 4, 1_000);
    h.push(0, [1, 5]);
    h.push(400, [3, 2]);
    h.push(1_000, [0, 0]);
    const [t, a, b] = h.export();
    expect(Array.from(t!)).toEqual([0, 1_000]);
    expect(Array.from(a!)).toEqual([3, 0]);
    expect(Array.from(b!)).toEqual([5, 0]);
  });
  it('comes back from its export', () => {
    const h = new RunHistory(['a'], 4, 100);
    for (let t = 0; t < 1_000; t += 100) h.push(t, [t]);
    const copy = new RunHistory(['a'], 4, 100);
    copy.restore(h.export(), h.bucketMs);
    expect(copy.export()).toEqual(h.export());
    expect(copy.bucketMs).toBe(h.bucketMs);
  });
});
