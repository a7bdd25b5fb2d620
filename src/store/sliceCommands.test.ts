// Slices on the open board: exported as the model says, read back onto a board without rules as
// one undo step, and refused without changing anything when the file is not slices or names
// stickies the board does not have.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Board, BoardElement } from '../model';
import { BoardParseError, createBoardDoc, exportSlices, parseBoard, serializeBoard, serializeSlices } from '../model';
import { undo } from './boardCommands';
import { useBoardStore } from './boardStore';
import { importSlicesText, slicesText } from './sliceCommands';

const banking = () => parseBoard(readFileSync(join(import.meta.dirname, '../../public/examples/banking.json'), 'utf8'));
const withoutRules = (board: Board): Board => ({
  ...board,
  elements: board.elements.map((el) => {
    const copy = { ...el } as Record<string, unknown>;
    for (const k of ['outcomes', 'scenarios', 'columns', 'state', 'when']) delete copy[k];
    return copy as unknown as BoardElement;
  }),
});
const open = (board: Board) => useBoardStore.getState().attach(createBoardDoc(board));
const shown = () => serializeBoard(useBoardStore.getState().board!);

afterEach(() => useBoardStore.getState().reset());

describe('slices on the open board', () => {
  it("exports the open board's slices", () => {
    open(banking());
    expect(slicesText()).toBe(serializeSlices(exportSlices(banking())));
  });

  it('reads slices onto a board without rules as one undo step', () => {
    const text = serializeSlices(exportSlices(banking()));
    open(withoutRules(banking()));
    const before = shown();
    const result = importSlicesText(text);
    // On Deposit money (1), Withdraw money (4), the policy (2) and Balance (1).
    expect(result.scenarios).toBe(8);
    expect(result.changed).toBeGreaterThanOrEqual(5);
    expect(shown()).toBe(serializeBoard(banking()));
    undo();
    expect(shown()).toBe(before);
    // Read again onto the board that already has them: nothing to change, nothing to undo.
    open(banking());
    expect(importSlicesText(text)).toEqual({ changed: 0, scenarios: 0 });
    expect(useBoardStore.getState().canUndo).toBe(false);
  });

  it('refuses a file that is not slices, or that names stickies the board does not have, and changes nothing', () => {
    open(withoutRules(banking()));
    const before = shown();
    expect(() => importSlicesText('{ "format": "stormbench-slices" ')).toThrow(BoardParseError);
    expect(() => importSlicesText(serializeBoard(banking()))).toThrow(/not a valid slices file/);
    const other = serializeSlices(exportSlices({ ...banking(), elements: [...banking().elements, { ...banking().elements.find((e) => e.kind === 'readModel')!, id: 'el:x-statement', text: 'Statement' }] }));
    expect(() => importSlicesText(other)).toThrow(/readModel "Statement"/);
    expect(shown()).toBe(before);
    expect(useBoardStore.getState().canUndo).toBe(false);
  });
});
