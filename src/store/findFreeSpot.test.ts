import { describe, expect, it } from 'vitest';
import { findFreeSpot } from './findFreeSpot';

describe('findFreeSpot', () => {
  const size = { width: 100, height: 50 };

  it('keeps the wanted spot when it is free', () => {
    expect(findFreeSpot({ x: 10, y: 20, ...size }, [{ x: 200, y: 200, ...size }])).toEqual({ x: 10, y: 20 });
  });

  it('goes right of a sticky in the way, then below, then left', () => {
    const at = { x: 0, y: 0, ...size };
    expect(findFreeSpot(at, [at])).toEqual({ x: 120, y: 0 });
    expect(findFreeSpot(at, [at, { x: 120, y: 0, ...size }])).toEqual({ x: 0, y: 70 });
    expect(findFreeSpot(at, [at, { x: 120, y: 0, ...size }, { x: 0, y: 70, ...size }])).toEqual({ x: -120, y: 0 });
  });

  it('stays inside the visible area, and falls back to the wanted spot when it is full', () => {
    const view = { x: -10, y: -10, width: 240, height: 140 };
    const at = { x: 0, y: 0, ...size };
    const taken = [at, { x: 120, y: 0, ...size }];
    expect(findFreeSpot(at, taken, view)).toEqual({ x: 0, y: 70 });
    const full = [...taken, { x: 0, y: 70, ...size }, { x: 120, y: 70, ...size }];
    expect(findFreeSpot(at, full, view)).toEqual({ x: 0, y: 0 });
  });
});
