// A Banking variant whose Withdraw money has no "otherwise" outcome: the rules turn a withdrawal
// beyond the balance down. Its export installs, type-checks and passes its generated tests: the
// rejection's test with the simulator's reason, the scenario that expects the rejection, and the
// service that logs it, writes nothing and handles the next command.
import { expect, it } from 'vitest';
import { BANKING_REJECTION, bankingWithoutOtherwise } from '../topology/testing/bankingWithoutOtherwise';
import { exportProject } from './exportProject';
import { verifyExportedBoard } from './testing/verifyExportedBoard';

it('exports a board whose rules can reject a command: the rejection is tested, and the service goes on', async () => {
  const files = await exportProject(bankingWithoutOtherwise());
  const tests = String(files['services/account-service/test/account.test.ts']);
  expect(tests).toContain('Account: the service logs a command the rules turn down, writes nothing for it, and goes on');
  expect(tests).toContain('then rejected');
  expect(tests).toContain(JSON.stringify(BANKING_REJECTION));
  await verifyExportedBoard(bankingWithoutOtherwise());
});
