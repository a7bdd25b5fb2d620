// Repairs what concurrent edits can leave behind. Local operations validate before writing,
// but two peers (or two tabs saving the same board) can each make a valid change whose merge is
// not valid: a sticky moved into a context that the other peer deleted, a link to a removed
// sticky, two contexts put inside each other. The live document shows the merged state
// through this pass so the canvas, the compiler and export always get a well-formed board.
import type { BoardElement, BoardLink, ElementId } from './types';

export interface Repaired {
  elements: BoardElement[];
  links: BoardLink[];
  /** One line per repair, e.g. "el:x: its context el:y no longer exists". */
  repairs: string[];
}

/** Returns the same arrays (by identity) when nothing needs repair; else fixed copies, sharing untouched records. */
export function repairBoard(elements: readonly BoardElement[], links: readonly BoardLink[]): Repaired {
  const repairs: string[] = [];
  const byId = new Map<ElementId, BoardElement>(elements.map((e) => [e.id, e]));
  const unparent = new Set<ElementId>();
  for (const el of elements) {
    if (el.parentId === undefined) continue;
    const parent = byId.get(el.parentId);
    if (!parent) {
      unparent.add(el.id);
      repairs.push(`${el.id}: its context ${el.parentId} no longer exists`);
    } else if (parent.kind !== 'boundedContext') {
      unparent.add(el.id);
      repairs.push(`${el.id}: ${el.parentId} is not a bounded context`);
    }
  }
  // Break containment cycles: walk up from each element; on meeting itself, cut its own link.
  for (const el of elements) {
    if (unparent.has(el.id) || el.parentId === undefined) continue;
    const seen = new Set<ElementId>([el.id]);
    let cursor = byId.get(el.parentId);
    while (cursor && cursor.parentId !== undefined && !unparent.has(cursor.id)) {
      if (seen.has(cursor.parentId)) {
        unparent.add(el.id);
        repairs.push(`${el.id}: contexts contained each other; it now sits on the board`);
        break;
      }
      seen.add(cursor.id);
      cursor = byId.get(cursor.parentId);
    }
  }
  const fixedElements =
    unparent.size === 0
      ? (elements as BoardElement[])
      : elements.map((el) => {
          if (!unparent.has(el.id)) return el;
          const { parentId: _gone, ...rest } = el;
          return Object.freeze(rest) as BoardElement;
        });
  let fixedLinks = links as BoardLink[];
  if (links.some((l) => !byId.has(l.source) || !byId.has(l.target))) {
    fixedLinks = links.filter((l) => {
      const ok = byId.has(l.source) && byId.has(l.target);
      if (!ok) repairs.push(`${l.id}: links a sticky that no longer exists`);
      return ok;
    });
  }
  return { elements: fixedElements, links: fixedLinks, repairs };
}
