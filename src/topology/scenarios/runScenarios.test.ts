// Scenario evaluation: the Banking example's scenarios pass; a failing scenario of each kind
// (command, policy, read model) reports what differs; cells and rules with errors say where.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Board, BoardElement, ElementId, Scenario } from '../../model';
import { parseBoard } from '../../model';
import { compileTopology } from '../compileTopology';
import { BANKING_REJECTION, bankingWithoutOtherwise } from '../testing/bankingWithoutOtherwise';
import { countScenarios, runScenarios } from './runScenarios';

const example = (name: string) => parseBoard(readFileSync(join(import.meta.dirname, `../../../public/examples/${name}.json`), 'utf8'));
const id = (s: string) => `el:banking-${s}` as ElementId;

function edit(board: Board, elementId: ElementId, change: (el: BoardElement) => void): Board {
  const copy = structuredClone(board);
  change(copy.elements.find((e) => e.id === elementId)!);
  return copy;
}

function withScenario(board: Board, elementId: ElementId, scenario: Scenario): Board {
  return edit(board, elementId, (el) => {
    if (el.kind === 'command' || el.kind === 'policy' || el.kind === 'readModel') el.scenarios = [...(el.scenarios ?? []), scenario];
  });
}

const only = (board: Board, scenarioId: string) => runScenarios(board).find((r) => r.scenarioId === scenarioId)!;

describe('scenarios', () => {
  it("Banking's scenarios all pass, and its board compiles without rule problems", () => {
    const board = example('banking');
    expect(compileTopology(board).problems.filter((p) => p.code.startsWith('rule') || p.code === 'command-without-rules')).toEqual([]);
    const results = runScenarios(board);
    expect(results.map((r) => [r.name, r.status, r.differences])).toEqual(results.map((r) => [r.name, 'pass', []]));
    expect(results.length).toBeGreaterThanOrEqual(6);
    expect(countScenarios(results).get(id('withdraw-money'))).toEqual({ pass: 4, fail: 0, error: 0 });
  });

  it('a command scenario fails with the expected and the actual event, and with differing fields', () => {
    const board = withScenario(example('banking'), id('withdraw-money'), {
      id: 'sc:t1',
      name: 'Zero is refused',
      given: [{ elementId: id('money-deposited'), values: [{ field: 'amount', expr: '10' }] }],
      when: [{ field: 'amount', expr: '0' }],
      then: [{ elementId: id('withdrawal-rejected'), values: [] }],
      rejected: false,
    });
    const r = only(board, 'sc:t1');
    expect(r.status).toBe('fail');
    expect(r.differences).toEqual([{ message: 'Expected Withdrawal rejected, got Money withdrawn', step: 0, expected: 'Withdrawal rejected', actual: 'Money withdrawn' }]);
    expect(r.actual[0]).toMatch(/^Money withdrawn \{ accountId: .*amount: 0\.00, balance: 10\.00/);

    const within = (example('banking').elements.find((e) => e.id === id('withdraw-money')) as { scenarios: Scenario[] }).scenarios[0]!;
    const wrongBalance = { ...within, id: 'sc:t2' as const, then: [{ elementId: id('money-withdrawn'), values: [{ field: 'balance', expr: '71' }] }] };
    const fields = only(withScenario(example('banking'), id('withdraw-money'), wrongBalance), 'sc:t2');
    expect(fields.differences).toEqual([{ message: 'Money withdrawn.balance: expected 71.00, got 70.00', step: 0, field: 'balance', expected: '71.00', actual: '70.00' }]);
  });

  it('the guard decides: removing it turns the "beyond the balance" scenario red', () => {
    const board = edit(example('banking'), id('withdraw-money'), (el) => {
      if (el.kind === 'command') el.outcomes = el.outcomes!.filter((o) => o.when === '');
    });
    const r = only(board, 'sc:banking-withdraw-beyond');
    expect(r.status).toBe('fail');
    expect(r.differences[0]!.message).toBe('Expected Withdrawal rejected, got Money withdrawn');
    expect(only(board, 'sc:banking-withdraw-within').status).toBe('pass');
  });

  it('a command without rules and with two outcomes fails its scenarios: its outcome would be random', () => {
    const board = edit(example('banking'), id('withdraw-money'), (el) => {
      if (el.kind === 'command') delete el.outcomes;
    });
    const r = only(board, 'sc:banking-withdraw-within');
    expect(r.status).toBe('fail');
    expect(r.differences[0]!.message).toMatch(/No rule decides Withdraw money: the simulator picks Money withdrawn or Withdrawal rejected at random/);
  });

  it('expects a rejection when no guard holds', () => {
    const board = edit(example('banking'), id('withdraw-money'), (el) => {
      if (el.kind === 'command') {
        el.outcomes = [{ eventId: id('money-withdrawn'), when: 'amount <= balance', fields: [] }];
        el.scenarios = [{ ...el.scenarios![1]!, then: [], rejected: true }, { ...el.scenarios![0]!, id: 'sc:r2', rejected: true, then: [] }];
      }
    });
    const [rejected, accepted] = runScenarios(board).filter((r) => r.elementId === id('withdraw-money'));
    expect(rejected!.status).toBe('pass');
    expect(accepted!.differences[0]!.message).toBe('Expected a rejection, but the command led to Money withdrawn');
  });

  it('a command no guard admits shows as a rejection with the guards that did not hold', () => {
    const expectsRejection = runScenarios(bankingWithoutOtherwise()).filter((r) => r.elementId === id('withdraw-money'));
    expect(expectsRejection.map((r) => [r.name, r.status])).toEqual([['Within the balance', 'pass'], ['Beyond the balance', 'pass']]);
    expect(expectsRejection[1]!.actual).toEqual([`Rejected: ${BANKING_REJECTION.replace(/^Withdraw money is rejected: /, '')}`]);
    // Expecting the event instead: the rules turn the command down, and the difference says why.
    const board = edit(bankingWithoutOtherwise(), id('withdraw-money'), (el) => {
      if (el.kind === 'command') el.scenarios = el.scenarios!.map((sc) => (sc.rejected ? { ...sc, rejected: false, then: [{ elementId: id('withdrawal-rejected'), values: [] }] } : sc));
    });
    const beyond = runScenarios(board).find((r) => r.elementId === id('withdraw-money') && r.name === 'Beyond the balance')!;
    expect(beyond.status).toBe('fail');
    expect(beyond.differences.map((d) => d.message)).toEqual(["Expected Withdrawal rejected, but the command was rejected: no outcome's guard admits it (Money withdrawn when amount <= balance)"]);
  });

  it('a read-model scenario compares the row; a failing one names the column and both values', () => {
    const board = withScenario(example('banking'), id('balance'), {
      id: 'sc:rm',
      name: 'Wrong sum',
      given: [{ elementId: id('money-deposited'), values: [{ field: 'amount', expr: '1.10' }] }, { elementId: id('money-deposited'), values: [{ field: 'amount', expr: '2.20' }] }],
      when: [],
      then: [{ elementId: id('balance'), values: [{ field: 'balance', expr: '3.3' }, { field: 'amount', expr: '1.10' }] }],
      rejected: false,
    });
    const r = only(board, 'sc:rm');
    expect(r.status).toBe('fail');
    expect(r.differences).toEqual([{ message: 'Balance.amount: expected 1.10, got 2.20', step: 0, field: 'amount', expected: '1.10', actual: '2.20' }]);
  });

  it('a policy scenario compares the commands issued', () => {
    const board = withScenario(example('banking'), id('overdraft-policy'), {
      id: 'sc:p',
      name: 'Expects a fee that the condition does not issue',
      given: [{ elementId: id('money-withdrawn'), values: [{ field: 'balance', expr: '5' }] }],
      when: [],
      then: [{ elementId: id('charge-fee'), values: [] }],
      rejected: false,
    });
    const r = only(board, 'sc:p');
    expect(r.differences).toEqual([{ message: 'Expected Charge overdraft fee, got no command', step: 0, expected: 'Charge overdraft fee', actual: '(nothing)' }]);
  });

  it('cells and rules with errors make the scenario an error that says where', () => {
    const cell = withScenario(example('banking'), id('withdraw-money'), {
      id: 'sc:e',
      name: 'Bad cell',
      given: [],
      when: [{ field: 'amount', expr: '"ten"' }],
      then: [],
      rejected: false,
    });
    expect(only(cell, 'sc:e')).toMatchObject({ status: 'error', differences: [{ message: 'When (Withdraw money), amount: This gives a text; a number is needed here' }] });
    const unknownField = withScenario(example('banking'), id('withdraw-money'), { id: 'sc:f', name: 'x', given: [], when: [{ field: 'amont', expr: '1' }], then: [], rejected: false });
    expect(only(unknownField, 'sc:f').differences[0]!.message).toMatch(/there is no field "amont"/);
    const badRule = edit(example('banking'), id('withdraw-money'), (el) => {
      if (el.kind === 'command') el.outcomes![0]!.when = 'amount > balanse';
    });
    expect(compileTopology(badRule).problems).toContainEqual(expect.objectContaining({ code: 'rule-invalid', elementIds: [id('withdraw-money')], message: expect.stringMatching(/Guard of Withdrawal rejected: "amount > balanse" — No field "balanse" here: did you mean "balance"\?/) }));
    expect(only(badRule, 'sc:banking-withdraw-within')).toMatchObject({ status: 'error', differences: [{ message: expect.stringMatching(/A rule has an error: No field "balanse"/) }] });
  });
});
