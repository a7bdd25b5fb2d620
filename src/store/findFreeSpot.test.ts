import { describe, expect, it } from 'vitest';
import { findFreeSpot } from './findFreeSpot';

describe('findFreeSpot', () => {
  const size = { width: 100, height: 50 };

  it('keeps the wanted spot when it is free', () => {
    expect(findFreeSpot({ x: 10, y: 20, ...size }, [{ x: 200, y: 200, ...size }])).toEqual({ x: 10, y: 20 });
  });

  it('moves right past a sticky in the way, then past the next one', () => {
    const taken = [
      { x: 0, y: 0, ...size },
      { x: 120, y: 0, ...size },
    ];
    expect(findFreeSpot({ x: 0, y: 0, ...size }, taken)).toEqual({ x: 240, y: 0 });
  });

  it('starts a new row when a whole row is taken', () => {
    const taken = Array.from({ length: 6 }, (_, i) => ({ x: i * 120, y: 0, ...size }));
    expect(findFreeSpot({ x: 0, y: 0, ...size }, taken)).toEqual({ x: 0, y: 70 });
  });
});
