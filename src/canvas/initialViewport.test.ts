import { describe, expect, it } from 'vitest';
import { boundsOf, initialViewport, READABLE_ZOOM } from './initialViewport';

describe('initialViewport', () => {
  const screen = { width: 1000, height: 600 };

  it('centres a small board at zoom 1 at most', () => {
    const v = initialViewport({ x: 0, y: 0, width: 200, height: 100 }, screen);
    expect(v.zoom).toBe(1);
    expect(v.x).toBe(400);
    expect(v.y).toBe(250);
  });

  it('fits a medium board whole when that is still readable', () => {
    const v = initialViewport({ x: 100, y: 50, width: 1000, height: 400 }, screen);
    expect(v.zoom).toBeCloseTo(920 / 1000);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(v.x + 100 * v.zoom).toBeCloseTo((1000 - 1000 * v.zoom) / 2);
  });

  it('shows the left edge of a long timeline at a readable zoom instead of shrinking it', () => {
    const v = initialViewport({ x: -300, y: 0, width: 6000, height: 500 }, screen);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.x - 300 * v.zoom).toBe(40);
  });

  it('bounds cover every rectangle', () => {
    expect(boundsOf([{ x: 0, y: 0, width: 10, height: 10 }, { x: -5, y: 20, width: 10, height: 5 }])).toEqual({ x: -5, y: 0, width: 15, height: 25 });
    expect(boundsOf([])).toBeNull();
  });
});
