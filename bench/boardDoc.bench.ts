// Measures what the canvas pays per drag step on a workshop-sized board: one moveElements
// call followed by getBoard() on 2,000 stickies and 2,500 links.
// Run: npx vitest bench --run bench/boardDoc.bench.ts
import { bench, describe } from 'vitest';
import { createBoardDoc } from '../src/model/boardDoc';
import { generateBoard } from '../src/model/testing/generateBoard';

const board = generateBoard({ stickies: 2000, links: 2500, seed: 7 });
const doc = createBoardDoc(board);
const target = board.elements[1000]!;
let step = 0;

describe('BoardDoc on 2,000 stickies / 2,500 links', () => {
  bench('moveElements(one sticky) + getBoard()', () => {
    step++;
    doc.moveElements([{ id: target.id, x: target.x + (step % 50), y: target.y }]);
    doc.getBoard();
  });
  bench('getBoard() with no change', () => {
    doc.getBoard();
  });
  bench('createBoardDoc(board) + getBoard()', () => {
    createBoardDoc(board).getBoard();
  }, { iterations: 5 });
});
