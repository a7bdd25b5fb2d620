// The Banking example's export installs, type-checks strictly and passes its generated tests,
// its board scenarios among them; the test fixture's Withdraw money has no rule, so its export
// has a function to write and exactly one test failing for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { parseBoard } from '../model';
import { bankingBoard } from '../topology/testing/bankingBoard';
import { verifyExportedBoard } from './testing/verifyExportedBoard';

it('exports the Banking example as a working project', async () => {
  await verifyExportedBoard(parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/banking.json'), 'utf8'))));
});

it('exports the banking test fixture (two contexts, policy, external system): a working project, failing only where a rule is to write', async () => {
  await verifyExportedBoard(bankingBoard(), { rulesToWrite: 1 });
});
