// Where a new sticky goes when the spot asked for is taken: the first place to the right (then
// in rows below) where it overlaps nothing, so clicking a palette button twice never hides the
// first sticky under the second.
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 20;
const PER_ROW = 6;
const MAX_ROWS = 20;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function findFreeSpot(wanted: Box, taken: readonly Box[]): { x: number; y: number } {
  for (let row = 0; row < MAX_ROWS; row++) {
    for (let col = 0; col < PER_ROW; col++) {
      const candidate = { ...wanted, x: wanted.x + col * (wanted.width + GAP), y: wanted.y + row * (wanted.height + GAP) };
      if (!taken.some((t) => overlaps(candidate, t))) return { x: candidate.x, y: candidate.y };
    }
  }
  return { x: wanted.x, y: wanted.y };
}
