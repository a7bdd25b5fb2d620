// Builds the id → element map for a board snapshot, reusing the previous map when nothing in
// it changed, so selectors that read the map see a stable reference between unrelated edits.
import type { BoardElement, ElementId } from '../model';

export function indexElements(
  elements: readonly BoardElement[],
  previous: ReadonlyMap<ElementId, BoardElement>,
): ReadonlyMap<ElementId, BoardElement> {
  if (previous.size === elements.length && elements.every((e) => previous.get(e.id) === e)) return previous;
  const next = new Map<ElementId, BoardElement>();
  for (const e of elements) next.set(e.id, e);
  return next;
}
