import { describe, expect, it } from 'vitest';
import { parseBoard } from '../parseBoard';
import { serializeBoard } from '../serializeBoard';
import { generateBoard } from './generateBoard';

describe('generateBoard', () => {
  it('makes the requested number of stickies and grammatical links, valid and reproducible', () => {
    const board = generateBoard({ stickies: 2000, links: 2500, seed: 7 });
    expect(board.elements).toHaveLength(2000);
    expect(board.links).toHaveLength(2500);
    expect(parseBoard(serializeBoard(board))).toEqual(board);
    expect(generateBoard({ stickies: 2000, links: 2500, seed: 7 })).toEqual(board);
  });
});
