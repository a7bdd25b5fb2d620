// The export writes the board's rules as TypeScript: the same results as the interpreter the
// simulator runs (a property over random expressions), readable code with each rule's text as
// a comment, a marked function and a failing test for a command without rules, and every
// scenario of the board as a generated test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExprType, RuleValue } from '../../model';
import { compileRule, evaluate, parseBoard, RuleError } from '../../model';
import { runScenarios } from '../../topology';
import * as rulesRuntime from '../../topology/runtime/rules';
import { bankingBoard } from '../../topology/testing/bankingBoard';
import { BANKING_REJECTION, bankingWithoutOtherwise } from '../../topology/testing/bankingWithoutOtherwise';
import { exportProject } from '../exportProject';
import { printExpr } from './ruleCode';

const scope = new Map<string, ExprType>([
  ['a', 'number'],
  ['b', 'number'],
  ['s', 'string'],
  ['f', 'boolean'],
  ['l', 'list'],
]);
const values = new Map<string, RuleValue>([
  ['a', 7.5],
  ['b', -2],
  ['s', 'EUR'],
  ['f', true],
  ['l', [1, 'x']],
]);
const read = (name: string) => {
  const t = scope.get(name);
  return t === 'number' ? `_rules.num(c[${JSON.stringify(name)}])` : t === 'string' ? `_rules.str(c[${JSON.stringify(name)}])` : t === 'boolean' ? `_rules.bool(c[${JSON.stringify(name)}])` : `_rules.list(c[${JSON.stringify(name)}])`;
};

const WORDS = ['a', 'b', 's', 'f', 'l', '1', '0', '2.5', '"x"', '(', ')', '[', ']', ',', '?', ':', '+', '-', '*', '/', '%', '<', '>=', '==', '!=', 'and', 'or', 'not', 'round(', 'min(', 'max(', 'abs(', 'len(', 'contains(', 'upper(', 'true'];

describe('rules as TypeScript', () => {
  it('the printed code gives what the interpreter gives, or fails where it fails (property)', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }), (words) => {
        const c = compileRule(words.join(' '), scope);
        if (!c.ok) return;
        let expected: RuleValue | 'error';
        try {
          expected = evaluate(c.expr, values);
        } catch (err) {
          expect(err).toBeInstanceOf(RuleError);
          expected = 'error';
        }
        // Test-only: run the generated code to compare (the product never evaluates text).
        const run = new Function('_rules', 'c', `return ${printExpr(c.expr, scope, read)};`) as (r: typeof rulesRuntime, c: object) => RuleValue;
        let actual: RuleValue | 'error';
        try {
          actual = run(rulesRuntime, Object.fromEntries(values));
        } catch {
          actual = 'error';
        }
        expect(actual).toEqual(expected);
        compared++;
      }),
      { numRuns: 4000 },
    );
    expect(compared).toBeGreaterThan(50);
  });

  it("Banking's aggregate decides and evolves by its rules, with each rule's text as a comment; its scenarios become tests", async () => {
    const board = parseBoard(readFileSync(join(import.meta.dirname, '../../../public/examples/banking.json'), 'utf8'));
    const files = await exportProject(board);
    const account = String(files['services/account-service/src/aggregates/account.ts']);
    expect(account).toContain('// Withdrawal rejected when: amount > balance + overdraftLimit; reason = "INSUFFICIENT_FUNDS"');
    expect(account).toContain('if ((_rules.num(c["amount"], "amount") > _rules.fin(_rules.num(s["balance"], "balance") + _rules.num(s["overdraftLimit"], "overdraftLimit")))) return { event: "WithdrawalRejected"');
    expect(account).toContain('// overdraftLimit: set event.overdraftLimit');
    expect(account).toContain('// balance: add amount');
    expect(account).not.toContain('decideWithdrawMoney');
    const policy = Object.entries(files).find(([path]) => path.includes('/src/policies/'))![1];
    expect(String(policy)).toContain('Issues its commands only when: balance < 0');
    const scenarios = String(files['services/account-service/test/scenarios.test.ts']);
    for (const name of ['Within the balance', 'Beyond the balance', 'Into the overdraft, within the limit', 'Beyond the overdraft limit', 'A deposit adds to the balance', 'Below zero: charge a fee', 'At or above zero: no fee', 'Deposits minus withdrawals and fees'])
      expect(scenarios).toContain(`scenario: ${name}"`);
    expect(scenarios).toContain('assert.deepEqual(events[0]?.payload["balance" as never], "70.00");');
    expect(scenarios).toContain('assert.deepEqual(row?.fields["balance"], "67.05");');
  });

  it('a command without rules exports a function marked to write and a test that fails saying so, not a random decision', async () => {
    const files = await exportProject(bankingBoard());
    const account = Object.entries(files).find(([path]) => path.endsWith('/src/aggregates/account.ts'))![1] as string;
    expect(account).toContain('TO WRITE: the board gives no rule for Withdraw money, which leads to Money withdrawn or Withdrawal rejected.');
    expect(account).toContain('export function decideWithdrawMoney(');
    expect(account).toContain('throw new _rules.RuleNotWrittenError(');
    const tests = Object.entries(files).find(([path]) => path.endsWith('/test/account.test.ts'))![1] as string;
    expect(tests).toContain('Account: Withdraw money has no rule yet — write decideWithdrawMoney() in src/aggregates/account.ts');
    expect(tests).toContain('assert.fail(');
  });

  it('a command no guard admits is rejected with the reason the simulator gives, its scenario tests that reason, and the service logs it and goes on', async () => {
    const board = bankingWithoutOtherwise();
    const withdraw = board.elements.find((e) => e.text === 'Withdraw money')!;
    const reason = BANKING_REJECTION;
    expect(runScenarios(board).filter((r) => r.elementId === withdraw.id).map((r) => r.status)).toEqual(['pass', 'pass']);
    const files = await exportProject(board);
    const account = String(files['services/account-service/src/aggregates/account.ts']);
    expect(account).toContain(`throw new _agg.CommandRejectedError(${JSON.stringify(reason)});`);
    const scenarios = String(files['services/account-service/test/scenarios.test.ts']);
    expect(scenarios).toContain(`(err) => err instanceof CommandRejectedError && err.message === ${JSON.stringify(reason)});`);
    const service = String(files['services/account-service/src/service.ts']);
    // The rejection is logged and becomes the command's outcome, written with the command's offset.
    expect(service).toContain('const failure = failureOutcome(err);');
    expect(service).toContain('console.error(`[${serviceName}] ${failure.status}: ${failure.reason}`);');
    expect(service).toContain('transaction.send(outcomesTopic, [outcomeRecord({ commandId, command: command.type, aggregateId: command.aggregateId, ...outcome })]);');
    const platform = String(files['src/platform/commandStatus.ts']);
    expect(platform).toContain("if (err instanceof CommandRejectedError || err instanceof PayloadValidationError) return { status: 'rejected', reason };");
  });
});
