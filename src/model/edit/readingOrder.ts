// The order a person reads a board in, which is also the board's keyboard (Tab) order: each
// bounded context followed by its members, and within one context (or at the top level) lane by
// lane, top to bottom, each lane left to right. A lane is the stickies at about the same height,
// the same grouping "Lay out as timeline" uses for unlinked stickies.
import { indexById, sizeOf } from '../geometry';
import type { BoardElement, ElementId } from '../types';
import { parentsFirst } from './containment';

/**
 * Siblings in lanes, top to bottom: an element joins the lane of the one above it when they
 * overlap vertically by more than half the smaller of the two (for stickies of one size: their
 * middles are within half a sticky), so a sticky beside a tall context is read with it; each lane
 * is ordered by x, then y.
 */
export function lanesOf(siblings: readonly BoardElement[]): BoardElement[][] {
  const lanes: BoardElement[][] = [];
  for (const el of [...siblings].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const lane = lanes[lanes.length - 1];
    const first = lane?.[0];
    if (lane && first && sameLane(first, el)) lane.push(el);
    else lanes.push([el]);
  }
  for (const lane of lanes) lane.sort((a, b) => a.x - b.x || a.y - b.y);
  return lanes;
}

function sameLane(a: BoardElement, b: BoardElement): boolean {
  const ha = sizeOf(a).height;
  const hb = sizeOf(b).height;
  const overlap = Math.min(a.y + ha, b.y + hb) - Math.max(a.y, b.y);
  return overlap > Math.min(ha, hb) / 2;
}

/** Every element once, in reading order; a context always comes before its members. */
export function readingOrder(elements: readonly BoardElement[]): BoardElement[] {
  const byId = indexById(elements);
  const members = new Map<ElementId | null, BoardElement[]>();
  for (const el of elements) {
    const parent = el.parentId && byId.has(el.parentId) ? el.parentId : null;
    const list = members.get(parent);
    if (list) list.push(el);
    else members.set(parent, [el]);
  }
  const ordered: BoardElement[] = [];
  const placed = new Set<ElementId>();
  const inOrder = (parent: ElementId | null) => lanesOf(members.get(parent) ?? []).flat();
  // Depth first without recursion: a context, then its members, then the context's next sibling.
  const stack = inOrder(null).reverse();
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (placed.has(el.id)) continue;
    placed.add(el.id);
    ordered.push(el);
    if (members.has(el.id)) stack.push(...inOrder(el.id).reverse());
  }
  // Contexts that contain each other (a damaged board) are never reached from the top level.
  if (ordered.length < elements.length) ordered.push(...parentsFirst(elements.filter((e) => !placed.has(e.id))));
  return ordered;
}
