import { describe, expect, it } from 'vitest';
import { parseBoard } from './parseBoard';
import { serializeBoard } from './serializeBoard';
import { smallBoard } from './testing/smallBoard';

describe('serializeBoard', () => {
  it('round-trips through parseBoard', () => {
    const board = smallBoard();
    expect(parseBoard(serializeBoard(board))).toEqual(board);
  });

  it('writes the same text whatever the key order of the input', () => {
    const board = smallBoard();
    const shuffled = JSON.parse(JSON.stringify(board), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(serializeBoard(shuffled)).toBe(serializeBoard(board));
    expect(serializeBoard(parseBoard(serializeBoard(board)))).toBe(serializeBoard(board));
  });

  it('starts with the version so a reader sees it first', () => {
    expect(serializeBoard(smallBoard())).toMatch(/^\{\n {2}"version": 2,\n {2}"id": "board:/);
  });
});
