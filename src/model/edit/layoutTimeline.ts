// "Lay out as timeline": arranges a selection left to right in flow order. Columns follow the
// links topologically (each sticky one column right of what leads to it); where the links form
// a loop (read model → actor → command …) it is broken where a flow usually starts (an actor,
// then an external system, a policy, …), the leftmost such sticky first. Stickies
// sharing a column are stacked in their current top-to-bottom order. Stickies with no link in
// the selection (early in a workshop, nothing is linked yet) keep the order people gave them:
// one row per lane (stickies at about the same height), left to right by x, then y, under the
// linked flow. Each context's members are laid out within their own context, so nothing leaves
// its frame.
import type { ElementMove } from '../boardDocApi';
import { absolutePosition, indexById, sizeOf } from '../geometry';
import type { Board, BoardElement, ElementId, ElementKind } from '../types';
import { lanesOf } from './readingOrder';

export const TIMELINE_COLUMN_GAP = 60;
export const TIMELINE_ROW_GAP = 40;
/** Where a loop of links is cut, most likely first. */
const LOOP_START: readonly ElementKind[] = ['actor', 'externalSystem', 'policy', 'command', 'aggregate', 'event', 'readModel', 'hotspot', 'boundedContext'];

/** Column of each element by flow order (longest path from the selection's sources). */
export function flowRanks(board: Board, ids: ReadonlySet<ElementId>): Map<ElementId, number> {
  const byId = indexById(board.elements);
  const xs = new Map([...ids].map((id) => [id, absolutePosition(byId.get(id)!, byId).x]));
  const x = (id: ElementId) => xs.get(id)!;
  const isHotspot = (id: ElementId) => byId.get(id)!.kind === 'hotspot';
  const preds = new Map<ElementId, ElementId[]>();
  const succs = new Map<ElementId, ElementId[]>();
  for (const id of ids) {
    preds.set(id, []);
    succs.set(id, []);
  }
  for (const l of board.links) {
    if (!ids.has(l.source) || !ids.has(l.target) || l.source === l.target) continue;
    // A hotspot annotates; it does not take part in the flow.
    if (isHotspot(l.source) || isHotspot(l.target)) continue;
    preds.get(l.target)!.push(l.source);
    succs.get(l.source)!.push(l.target);
  }
  const rank = new Map<ElementId, number>();
  const pending = new Map([...ids].map((id) => [id, preds.get(id)!.length]));
  const ready = [...ids].filter((id) => pending.get(id) === 0);
  const start = (id: ElementId) => LOOP_START.indexOf(byId.get(id)!.kind);
  const byStart = [...ids].sort((a, b) => start(a) - start(b) || x(a) - x(b) || (a < b ? -1 : 1));
  const place = (id: ElementId) => {
    const before = preds.get(id)!.filter((p) => rank.has(p)).map((p) => rank.get(p)! + 1);
    rank.set(id, Math.max(0, ...before));
    pending.delete(id);
    for (const s of succs.get(id)!) if (pending.has(s)) {
      pending.set(s, pending.get(s)! - 1);
      if (pending.get(s) === 0) ready.push(s);
    }
  };
  while (pending.size > 0) {
    ready.sort((a, b) => x(a) - x(b));
    const next = ready.shift() ?? byStart.find((id) => pending.has(id))!;
    if (pending.has(next)) place(next);
  }
  // Hotspots stand in the column of what they annotate.
  for (const l of board.links) {
    if (!ids.has(l.source) || !ids.has(l.target)) continue;
    if (isHotspot(l.source) && !isHotspot(l.target)) rank.set(l.source, rank.get(l.target)!);
    else if (isHotspot(l.target) && !isHotspot(l.source)) rank.set(l.target, rank.get(l.source)!);
  }
  return rank;
}

/** Moves (in each element's own coordinates, membership unchanged) that lay the selection out. */
export function layoutTimeline(board: Board, ids: Iterable<ElementId>): ElementMove[] {
  const byId = indexById(board.elements);
  const chosen = new Set([...ids].filter((id) => byId.get(id) && byId.get(id)!.kind !== 'boundedContext'));
  if (chosen.size === 0) return [];
  const ranks = flowRanks(board, chosen);
  const groups = new Map<ElementId | undefined, BoardElement[]>();
  for (const id of chosen) {
    const el = byId.get(id)!;
    const group = groups.get(el.parentId) ?? [];
    group.push(el);
    groups.set(el.parentId, group);
  }
  const linked = linkedWithin(board, chosen);
  const moves: ElementMove[] = [];
  for (const group of groups.values()) {
    // The group keeps its top-left corner; the linked flow first, unlinked lanes under it.
    const originX = Math.min(...group.map((e) => e.x));
    const originY = Math.min(...group.map((e) => e.y));
    const flow = group.filter((e) => linked.has(e.id));
    const bottom = layoutColumns(flow, ranks, originX, originY, moves);
    const rest = group.filter((e) => !linked.has(e.id));
    layoutLanes(rest, originX, flow.length > 0 ? bottom + TIMELINE_ROW_GAP : originY, moves);
  }
  return moves;
}

/** Stickies with a link to another sticky of the selection. */
function linkedWithin(board: Board, ids: ReadonlySet<ElementId>): Set<ElementId> {
  const linked = new Set<ElementId>();
  for (const l of board.links) {
    if (l.source === l.target || !ids.has(l.source) || !ids.has(l.target)) continue;
    linked.add(l.source);
    linked.add(l.target);
  }
  return linked;
}

/** Flow columns from (x, y); returns the lowest edge drawn. */
function layoutColumns(group: readonly BoardElement[], ranks: ReadonlyMap<ElementId, number>, originX: number, originY: number, moves: ElementMove[]): number {
  const columns = [...new Set(group.map((e) => ranks.get(e.id)!))].sort((a, b) => a - b);
  let x = originX;
  let bottom = originY;
  for (const column of columns) {
    const members = group.filter((e) => ranks.get(e.id) === column).sort((a, b) => a.y - b.y || a.x - b.x);
    let y = originY;
    let width = 0;
    for (const el of members) {
      const size = sizeOf(el);
      if (el.x !== x || el.y !== y) moves.push({ id: el.id, x, y });
      bottom = Math.max(bottom, y + size.height);
      y += size.height + TIMELINE_ROW_GAP;
      width = Math.max(width, size.width);
    }
    x += width + TIMELINE_COLUMN_GAP;
  }
  return bottom;
}

/** Unlinked stickies in rows: one row per lane (readingOrder.ts), left to right. */
function layoutLanes(group: readonly BoardElement[], originX: number, originY: number, moves: ElementMove[]): void {
  const lanes = lanesOf(group);
  let y = originY;
  for (const lane of lanes) {
    let x = originX;
    let height = 0;
    for (const el of lane) {
      const size = sizeOf(el);
      if (el.x !== x || el.y !== y) moves.push({ id: el.id, x, y });
      x += size.width + TIMELINE_COLUMN_GAP;
      height = Math.max(height, size.height);
    }
    y += height + TIMELINE_ROW_GAP;
  }
}
