// How a command's outcome is decided, as the compiler notes it on the sticky: no rules (absent
// or an empty list, the same thing) → drawn by the link weights; rules without an "otherwise"
// → a command no guard admits is rejected; an outcome the rules leave out never happens.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Board, CommandElement, ElementId } from '../../model';
import { parseBoard } from '../../model';
import { compileTopology } from '../compileTopology';
import { bankingWithoutOtherwise } from '../testing/bankingWithoutOtherwise';

const WITHDRAW = 'el:banking-withdraw-money' as ElementId;
const banking = () => parseBoard(readFileSync(join(import.meta.dirname, '../../../public/examples/banking.json'), 'utf8'));
const withOutcomes = (board: Board, outcomes: CommandElement['outcomes'] | 'absent'): Board => ({
  ...board,
  elements: board.elements.map((e) => {
    if (e.id !== WITHDRAW || e.kind !== 'command') return e;
    const { outcomes: _dropped, ...rest } = e;
    void _dropped;
    return outcomes === 'absent' ? rest : { ...rest, outcomes };
  }),
});
const notes = (board: Board) =>
  compileTopology(board)
    .problems.filter((p) => p.elementIds.includes(WITHDRAW) && ['command-without-rules', 'command-may-reject', 'outcome-without-rule'].includes(p.code))
    .map((p) => [p.severity, p.code, p.message]);

describe('how a command is decided, noted on its sticky', () => {
  it('says nothing for rules with an "otherwise" (Banking)', () => {
    expect(notes(banking())).toEqual([]);
  });

  it('no rules yet, absent or an empty list alike: drawn by the link weights', () => {
    const absent = notes(withOutcomes(banking(), 'absent'));
    expect(absent).toEqual([['info', 'command-without-rules', "Command 'Withdraw money' has no rules: the simulator picks 'Money withdrawn' (weight 9) or 'Withdrawal rejected' (weight 1) at random. Give each outcome a guard to decide by the state."]]);
    expect(notes(withOutcomes(banking(), []))).toEqual(absent);
  });

  it('rules without an "otherwise": rejected when no guard holds, and an outcome without a rule never happens', () => {
    expect(notes(bankingWithoutOtherwise())).toEqual([
      ['warning', 'outcome-without-rule', `Command 'Withdraw money' has rules, but none for 'Withdrawal rejected', so it never leads to it: give that outcome a rule (an empty guard means "otherwise"), or remove the link.`],
      ['info', 'command-may-reject', `Command 'Withdraw money' has no "otherwise" outcome: when none of its guards holds, the command is rejected and nothing is written.`],
    ]);
  });

  it('a first rule that is an "otherwise" alone: the other outcome never happens, nothing is rejected', () => {
    const only = withOutcomes(banking(), [{ eventId: 'el:banking-withdrawal-rejected' as ElementId, when: '', fields: [] }]);
    expect(notes(only).map(([, code]) => code)).toEqual(['outcome-without-rule']);
  });
});
