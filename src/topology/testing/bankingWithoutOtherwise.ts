// The Banking example with a Withdraw money that has no "otherwise" outcome and no overdraft:
// only "Money withdrawn when amount <= balance", so the rules turn a withdrawal beyond the
// balance down (no outcome's guard admits it), and "Beyond the balance" expects that rejection
// (the example's overdraft scenarios are left out). For the tests of rejections in the
// simulator, the scenarios and the export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBoard, type Board } from '../../model';

export const BANKING_REJECTION = "Withdraw money is rejected: no outcome's guard admits it (Money withdrawn when amount <= balance)";

export function bankingWithoutOtherwise(): Board {
  const board = parseBoard(readFileSync(join(import.meta.dirname, '../../../public/examples/banking.json'), 'utf8'));
  const withdraw = board.elements.find((e) => e.kind === 'command' && e.text === 'Withdraw money');
  if (withdraw?.kind !== 'command') throw new Error('Banking has a Withdraw money command');
  withdraw.outcomes = (withdraw.outcomes ?? []).filter((o) => !o.when.trim()).map((o) => ({ ...o, when: 'amount <= balance' }));
  withdraw.scenarios = (withdraw.scenarios ?? []).filter((sc) => sc.name === 'Within the balance' || sc.name === 'Beyond the balance').map((sc) => (sc.name === 'Beyond the balance' ? { ...sc, then: [], rejected: true } : sc));
  return board;
}
