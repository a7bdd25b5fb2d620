// Bounded contexts as frames: which context a point falls in, and how a sticky's coordinates
// change when it enters or leaves one (members are stored relative to their context, so that
// moving the frame moves its content).
import type { ElementMove } from '../boardDocApi';
import { absolutePosition, absoluteRect, indexById, sizeOf, type Point } from '../geometry';
import type { Board, BoardElement, ElementId } from '../types';

/** The element and every element nested in it, at any depth. */
export function descendantsOf(board: Board, ids: Iterable<ElementId>): Set<ElementId> {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const el of board.elements)
      if (el.parentId && out.has(el.parentId) && !out.has(el.id)) {
        out.add(el.id);
        grew = true;
      }
  }
  return out;
}

/**
 * The innermost bounded context whose frame contains the point (board coordinates), skipping
 * `exclude` and everything inside it (a context cannot be dropped into itself).
 */
export function contextAt(board: Board, point: Point, exclude: Iterable<ElementId> = []): BoardElement | undefined {
  const skip = descendantsOf(board, exclude);
  const byId = indexById(board.elements);
  let best: BoardElement | undefined;
  let bestArea = Infinity;
  for (const el of board.elements) {
    if (el.kind !== 'boundedContext' || skip.has(el.id)) continue;
    const r = absoluteRect(el, byId);
    if (point.x < r.x || point.y < r.y || point.x > r.x + r.width || point.y > r.y + r.height) continue;
    // Nested frames are smaller than their parents, so the smallest hit is the innermost.
    if (r.width * r.height < bestArea) {
      best = el;
      bestArea = r.width * r.height;
    }
  }
  return best;
}

/** Board coordinates → coordinates relative to a context (or unchanged for the board itself). */
export function toRelative(board: Board, point: Point, contextId: ElementId | undefined): Point {
  if (!contextId) return { ...point };
  const byId = indexById(board.elements);
  const ctx = byId.get(contextId);
  if (!ctx) return { ...point };
  const origin = absolutePosition(ctx, byId);
  return { x: point.x - origin.x, y: point.y - origin.y };
}

export function toAbsolute(board: Board, id: ElementId): Point | undefined {
  const byId = indexById(board.elements);
  const el = byId.get(id);
  return el ? absolutePosition(el, byId) : undefined;
}

export interface Drop {
  id: ElementId;
  /** Where the element's top-left corner ended up, in board coordinates. */
  x: number;
  y: number;
}

/**
 * Moves for a drag that ended: each dragged element whose own context was not dragged along
 * joins the context under its centre (or leaves to the board), with its coordinates converted.
 * Elements carried by a dragged context keep their relative place.
 */
export function dropMoves(board: Board, drops: readonly Drop[]): ElementMove[] {
  const byId = indexById(board.elements);
  const dragged = new Set(drops.map((d) => d.id));
  const moves: ElementMove[] = [];
  for (const drop of drops) {
    const el = byId.get(drop.id);
    if (!el) continue;
    if (el.parentId && dragged.has(el.parentId)) continue;
    const size = sizeOf(el);
    const ctx = contextAt(board, { x: drop.x + size.width / 2, y: drop.y + size.height / 2 }, [el.id]);
    const rel = toRelative(board, drop, ctx?.id);
    moves.push({ id: el.id, x: rel.x, y: rel.y, parentId: ctx ? ctx.id : null });
  }
  return moves;
}

/**
 * Elements ordered so that every context comes before its members (React Flow needs parents
 * first); otherwise the board's order is kept.
 */
export function parentsFirst(elements: readonly BoardElement[]): BoardElement[] {
  const byId = indexById(elements);
  const depth = (el: BoardElement): number => {
    let d = 0;
    let p = el.parentId ? byId.get(el.parentId) : undefined;
    while (p && d < 64) {
      d++;
      p = p.parentId ? byId.get(p.parentId) : undefined;
    }
    return d;
  };
  const depths = new Map(elements.map((e) => [e.id, depth(e)]));
  return elements
    .map((el, i) => ({ el, i }))
    .sort((a, b) => depths.get(a.el.id)! - depths.get(b.el.id)! || a.i - b.i)
    .map((r) => r.el);
}
