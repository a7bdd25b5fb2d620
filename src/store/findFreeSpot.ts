// Where a new sticky goes when the spot asked for is taken: the nearest free place on a grid of
// sticky-sized steps around it (right first, then below, left, above), inside the visible area
// when one is given, so clicking a palette button twice never hides the first sticky under the
// second and the new one is always on screen. With no free place, the spot asked for.
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 20;
const RINGS = 4;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(a: Box, outer: Box): boolean {
  return a.x >= outer.x && a.y >= outer.y && a.x + a.width <= outer.x + outer.width && a.y + a.height <= outer.y + outer.height;
}

/** Grid offsets ordered by ring, then nearest first, then right, below, left, above. */
function offsets(): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let ring = 0; ring <= RINGS; ring++) {
    const cells: Array<[number, number]> = [];
    for (let i = -ring; i <= ring; i++)
      for (let j = -ring; j <= ring; j++) if (Math.max(Math.abs(i), Math.abs(j)) === ring) cells.push([i, j]);
    const side = ([i, j]: [number, number]) => (i === ring ? 0 : j === ring ? 1 : i === -ring ? 2 : 3);
    const manhattan = ([i, j]: [number, number]) => Math.abs(i) + Math.abs(j);
    cells.sort((a, b) => manhattan(a) - manhattan(b) || side(a) - side(b) || a[1] - b[1] || a[0] - b[0]);
    out.push(...cells);
  }
  return out;
}
const OFFSETS = offsets();

export function findFreeSpot(wanted: Box, taken: readonly Box[], within?: Box): { x: number; y: number } {
  for (const [i, j] of OFFSETS) {
    const candidate = { ...wanted, x: wanted.x + i * (wanted.width + GAP), y: wanted.y + j * (wanted.height + GAP) };
    if (within && !inside(candidate, within)) continue;
    if (!taken.some((t) => overlaps(candidate, t))) return { x: candidate.x, y: candidate.y };
  }
  return { x: wanted.x, y: wanted.y };
}
