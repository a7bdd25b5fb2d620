import { describe, expect, it } from 'vitest';
import { createBoardDoc } from '../boardDoc';
import { byText, smallBoard } from '../testing/smallBoard';
import { duplicateElements } from './duplicate';

describe('duplicateElements', () => {
  it('duplicates beside the original, in the same context, with the links among the copies', () => {
    const board = smallBoard();
    const ids = ['Place order', 'Order'].map((t) => byText(board, t).id);
    const dup = duplicateElements(board, ids);
    expect(dup.elements.map((e) => [e.text, e.x, e.y, e.parentId])).toEqual([
      ['Place order', 240, 80, byText(board, 'Orders').id],
      ['Order', 420, 80, byText(board, 'Orders').id],
    ]);
    expect(dup.links).toHaveLength(1);
    const doc = createBoardDoc(board);
    doc.addElements(dup.elements, dup.links);
    expect(doc.getBoard().links).toHaveLength(4);
  });
});
