// The Banking example without its overdraft: Withdraw money is rejected beyond the balance
// (`amount > balance`), so no balance goes below zero and the overdraft policy never fires. For
// the comparison of the simulator with the export on Kafka (simEqualsKafka.kafka.test.ts), which
// needs a board whose end depends neither on chance nor on timing: the policy's fee is a
// plausible value each side draws for itself, and its command races the script's later commands
// to the same account.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBoard, type Board } from '../../model';

export function bankingWithoutOverdraft(): Board {
  const board = parseBoard(readFileSync(join(import.meta.dirname, '../../../public/examples/banking.json'), 'utf8'));
  const withdraw = board.elements.find((e) => e.kind === 'command' && e.text === 'Withdraw money');
  if (withdraw?.kind !== 'command') throw new Error('Banking has a Withdraw money command');
  withdraw.outcomes = (withdraw.outcomes ?? []).map((o) => (o.when.trim() ? { ...o, when: 'amount > balance' } : o));
  withdraw.scenarios = (withdraw.scenarios ?? []).filter((sc) => sc.name === 'Within the balance' || sc.name === 'Beyond the balance');
  return board;
}
