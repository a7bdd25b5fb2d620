// The stickies a connection must not cross, per board snapshot: absolute rectangles of every
// sticky (contexts are frames, not obstacles), and the two ends of a link in board units.
import type { Board, BoardElement, ElementId } from '../../model';
import { absoluteRect } from '../../model';
import type { Point, Rect } from './routeLink';

export interface Obstacles {
  rects: Map<ElementId, Rect>;
}

const cache = new WeakMap<Board, Obstacles>();

export function obstaclesOf(board: Board, byId: ReadonlyMap<ElementId, BoardElement>): Obstacles {
  let o = cache.get(board);
  if (!o) {
    const rects = new Map<ElementId, Rect>();
    for (const e of board.elements) if (e.kind !== 'boundedContext') rects.set(e.id, absoluteRect(e, byId));
    o = { rects };
    cache.set(board, o);
  }
  return o;
}

/** Every sticky except the link's own two ends. */
export function obstaclesFor(o: Obstacles, source: string, target: string): Rect[] {
  const out: Rect[] = [];
  for (const [id, r] of o.rects) if (id !== source && id !== target) out.push(r);
  return out;
}

/** Where a link leaves its source (right middle) and enters its target (left middle). */
export function linkEnds(o: Obstacles, source: ElementId, target: ElementId): { from: Point; to: Point } | null {
  const a = o.rects.get(source);
  const b = o.rects.get(target);
  if (!a || !b) return null;
  return { from: { x: a.x + a.width, y: a.y + a.height / 2 }, to: { x: b.x, y: b.y + b.height / 2 } };
}
