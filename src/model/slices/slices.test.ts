// Slices interchange: Banking's rules and scenarios leave as slices and come back exactly, onto
// the same board or onto a copy without them; a broken file or an unknown sticky is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoardParseError } from '../errors';
import { parseBoard } from '../parseBoard';
import { serializeBoard } from '../serializeBoard';
import type { Board, BoardElement } from '../types';
import { applySlicePatches, exportSlices, importSlices, serializeSlices } from './slices';

const banking = () => parseBoard(readFileSync(join(import.meta.dirname, '../../../public/examples/banking.json'), 'utf8'));

function withoutRules(board: Board): Board {
  return {
    ...board,
    elements: board.elements.map((el) => {
      const copy = { ...el } as Record<string, unknown>;
      for (const k of ['outcomes', 'scenarios', 'columns', 'state', 'when']) delete copy[k];
      return copy as unknown as BoardElement;
    }),
  };
}

describe('slices', () => {
  it('round trip: exported slices read back onto the board without rules give the board again', () => {
    const board = banking();
    const text = serializeSlices(exportSlices(board));
    const bare = withoutRules(board);
    expect(serializeBoard(bare)).not.toBe(serializeBoard(board));
    const back = applySlicePatches(bare, importSlices(bare, text));
    expect(serializeBoard(parseBoard(back))).toBe(serializeBoard(board));
  });

  it('says what each slice holds, in plain data', () => {
    const doc = exportSlices(banking());
    const withdraw = doc.slices.find((s) => s.type === 'stateChange' && s.command.name === 'Withdraw money');
    expect(withdraw).toMatchObject({
      aggregate: { name: 'Account' },
      events: [{ name: 'Money withdrawn' }, { name: 'Withdrawal rejected' }],
      outcomes: [{ when: 'amount > balance + overdraftLimit' }, { when: '' }],
      scenarios: [{ name: 'Within the balance' }, { name: 'Beyond the balance' }, { name: 'Into the overdraft, within the limit' }, { name: 'Beyond the overdraft limit' }],
    });
    expect(doc.slices.find((s) => s.type === 'stateView')).toMatchObject({ readModel: { name: 'Balance' }, columns: [{ name: 'balance', type: 'decimal', scale: 2 }] });
    expect(doc.slices.find((s) => s.type === 'automation')).toMatchObject({ when: 'balance < 0', commands: [{ name: 'Charge overdraft fee' }] });
  });

  it('finds stickies by name when the ids differ (another copy of the board)', () => {
    const board = banking();
    const text = serializeSlices(exportSlices(board));
    const renamed = withoutRules({ ...board, elements: board.elements.map((e) => (e.kind === 'command' && e.text === 'Withdraw money' ? { ...e, id: 'el:other-withdraw' as const } : e)) });
    const patches = importSlices(renamed, text);
    expect(patches.find((p) => p.id === 'el:other-withdraw')?.patch.scenarios?.map((s) => s.name)).toEqual(['Within the balance', 'Beyond the balance', 'Into the overdraft, within the limit', 'Beyond the overdraft limit']);
  });

  it('refuses what is not a slices file, and slices of stickies the board does not have', () => {
    expect(() => importSlices(banking(), '{')).toThrow(BoardParseError);
    expect(() => importSlices(banking(), { format: 'other' })).toThrow(/not a valid slices file/);
    const doc = exportSlices(banking());
    const board = banking();
    const without = { ...board, elements: board.elements.filter((e) => e.text !== 'Balance') };
    expect(() => importSlices(without, doc)).toThrow(/readModel "Balance"/);
  });
});
