// Duplicate (Ctrl/Cmd+D): a copy of the selection next to it, in the same context as the
// original, with the links among the copied stickies.
import type { Rng } from '../../lib/rng';
import { indexById, type Point } from '../geometry';
import type { Board, ElementId } from '../types';
import { copyFragment, pasteFragment, type Pasted } from './clipboard';

export const DUPLICATE_OFFSET: Point = { x: 40, y: 40 };

export function duplicateElements(board: Board, ids: Iterable<ElementId>, offset: Point = DUPLICATE_OFFSET, options: { rng?: Rng } = {}): Pasted {
  const byId = indexById(board.elements);
  const fragment = copyFragment(board, ids);
  const pasted = pasteFragment(fragment, offset, options);
  // Copies of stickies whose context was not duplicated stay in that context, beside the original.
  const copies = new Map(pasted.elements.map((e) => [e.id, e]));
  for (const [oldId, newId] of pasted.idMap) {
    const original = byId.get(oldId)!;
    const copy = copies.get(newId)!;
    if (original.parentId && !pasted.idMap.has(original.parentId)) {
      copy.parentId = original.parentId;
      copy.x = original.x + offset.x;
      copy.y = original.y + offset.y;
    }
  }
  return pasted;
}
