// The rule language: parsing, type errors with their spans, evaluation, and properties that
// hold for any input (nothing but a RuleError ever escapes; no global is reachable).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExprType, RuleValue } from './ast';
import { MAX_EXPRESSION_DEPTH } from './ast';
import { compileRule, scopeOf } from './compile';
import { RuleError } from './errors';
import { evaluate } from './evaluate';
import { parseExpression } from './parse';

const scope = scopeOf(
  [
    ['amount', 'number'],
    ['balance', 'number'],
    ['currency', 'string'],
    ['frozen', 'boolean'],
    ['tags', 'list'],
  ] as const,
  'state',
);
const env = new Map<string, RuleValue>([
  ['amount', 30],
  ['balance', 100],
  ['state.balance', 100],
  ['currency', 'EUR'],
  ['frozen', false],
  ['tags', ['a', 'b']],
]);

function run(text: string): RuleValue {
  const c = compileRule(text, scope);
  if (!c.ok) throw c.error;
  return evaluate(c.expr, env);
}

function errorOf(text: string, expected?: ExprType): RuleError {
  const c = compileRule(text, scope, expected);
  if (c.ok) throw new Error(`expected an error for ${text}`);
  return c.error;
}

describe('parsing', () => {
  it('reads literals, names, operators by precedence, calls and lists', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('-amount + 1')).toBe(-29);
    expect(run('12.50 * 2')).toBe(25);
    expect(run('"a" + \'b\'')).toBe('ab');
    expect(run('[1, 2, "x"]')).toEqual([1, 2, 'x']);
    expect(run('state.balance - amount')).toBe(70);
    expect(run('amount > balance')).toBe(false);
    expect(run('not amount > balance and currency = "EUR"')).toBe(true);
    expect(run('frozen || amount <= 30')).toBe(true);
    expect(run('amount > 50 ? "big" : "small"')).toBe('small');
    expect(run('round(10 / 3, 2)')).toBe(3.33);
    expect(run('min(amount, balance, 7)')).toBe(7);
    expect(run('len(tags) + len(currency)')).toBe(5);
    expect(run('contains(tags, "b") and not contains(currency, "X")')).toBe(true);
  });

  it('says where the syntax is wrong', () => {
    const e = errorOf('amount >');
    expect(e.code).toBe('RULE_SYNTAX');
    expect(e.message).toMatch(/ends too early/);
    const unclosed = errorOf('(amount + 1');
    expect(unclosed.message).toMatch(/closing "\)"/);
    expect(errorOf('amount balance').message).toMatch(/Unexpected "balance"/);
    expect(errorOf('"open').message).toMatch(/not closed/);
    expect(errorOf('amount # 2')).toMatchObject({ code: 'RULE_SYNTAX', start: 7, end: 8 });
    expect(errorOf('').message).toMatch(/empty/);
  });

  it('refuses nesting past the limit with a typed error, not a stack overflow', () => {
    const deep = `${'('.repeat(MAX_EXPRESSION_DEPTH + 5)}1${')'.repeat(MAX_EXPRESSION_DEPTH + 5)}`;
    expect(errorOf(deep).code).toBe('RULE_LIMIT');
    expect(errorOf('-'.repeat(5000) + '1').code).toBe('RULE_LIMIT');
    expect(errorOf('not '.repeat(200) + 'true').code).toBe('RULE_LIMIT');
  });
});

describe('type checking against the fields', () => {
  it('names unknown fields and suggests the closest', () => {
    const e = errorOf('amout > balance');
    expect(e.code).toBe('RULE_UNKNOWN_NAME');
    expect(e.message).toMatch(/No field "amout"/);
    expect(e.message).toMatch(/did you mean "amount"/);
    expect([e.start, e.end]).toEqual([0, 5]);
  });

  it('refuses operators on the wrong types, pinned to the operand', () => {
    expect(errorOf('currency > 5')).toMatchObject({ code: 'RULE_TYPE' });
    const e = errorOf('amount and frozen');
    expect(e.message).toMatch(/"and" needs true or false|"and" needs a boolean/);
    expect([e.start, e.end]).toEqual([0, 6]);
    expect(errorOf('frozen + 1').code).toBe('RULE_TYPE');
    expect(errorOf('currency + tags').message).toMatch(/not a list/);
    expect(errorOf('len(1)').code).toBe('RULE_TYPE');
    expect(errorOf('sqrt(4)').code).toBe('RULE_UNKNOWN_NAME');
    expect(errorOf('round()').message).toMatch(/takes 1 or 2 values/);
  });

  it('checks the result type a place needs (a guard must be true or false)', () => {
    expect(errorOf('amount - balance', 'boolean').message).toMatch(/This gives a number; true or false is needed/);
    expect(compileRule('amount > balance', scope, 'boolean').ok).toBe(true);
  });
});

describe('evaluation', () => {
  it('reports division by zero, missing values and non-finite results as RuleErrors', () => {
    expect(() => run('amount / 0')).toThrow(RuleError);
    expect(() => run('amount % (balance - 100)')).toThrow(/Division by zero/);
    const c = compileRule('balance + 1', scope);
    if (!c.ok) throw c.error;
    expect(() => evaluate(c.expr, new Map())).toThrow(/"balance" has no value/);
    const big = compileRule('1e308', scope);
    expect(big.ok).toBe(false);
    expect(() => run('99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999')).toThrow(/finite/);
  });

  it('checks value types at run time too (an env may hold anything)', () => {
    const c = compileRule('amount + 1', scope);
    if (!c.ok) throw c.error;
    expect(() => evaluate(c.expr, new Map<string, RuleValue>([['amount', true]]))).toThrow(RuleError);
    // A name alone is a result too: a non-finite number or a value of no rule type is refused where it is read.
    const bare = compileRule('amount', scope);
    if (!bare.ok) throw bare.error;
    for (const bad of [Number.NEGATIVE_INFINITY, Number.NaN, { not: 'a rule value' }]) {
      expect(() => evaluate(bare.expr, new Map([['amount', bad as RuleValue]]))).toThrow(RuleError);
    }
    expect(evaluate(bare.expr, new Map<string, RuleValue>([['amount', 2.5]]))).toBe(2.5);
  });
});

// Random text from the language's own alphabet plus hostile words.
const WORDS = ['amount', 'balance', 'state.balance', 'constructor', '__proto__', 'toString', 'globalThis', 'process', 'this', 'len', 'round', 'min', 'contains', 'and', 'or', 'not', 'true', 'false', '1', '0', '2.5', '"x"', "'y'", '(', ')', '[', ']', ',', '?', ':', '+', '-', '*', '/', '%', '<', '<=', '==', '=', '!=', '!', '.', 'tags', 'currency'];
const ruleText = fc.oneof(fc.string({ maxLength: 60 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((w) => w.join(' ')));
const anyValue: fc.Arbitrary<RuleValue> = fc.letrec<{ v: RuleValue }>((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, fc.double(), fc.string({ maxLength: 5 }), fc.boolean(), fc.array(tie('v'), { maxLength: 3 })),
})).v;

describe('properties', () => {
  it('compiling any text never throws; it gives an expression or a RuleError with a span inside the text', () => {
    fc.assert(
      fc.property(ruleText, (text) => {
        const c = compileRule(text, scope);
        if (!c.ok) {
          expect(c.error).toBeInstanceOf(RuleError);
          expect(c.error.start).toBeGreaterThanOrEqual(0);
          expect(c.error.end).toBeLessThanOrEqual(Math.max(text.length, c.error.start + 1));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('evaluating any parsed text against any values throws nothing but a RuleError and touches no global', () => {
    const globalsBefore = Object.getOwnPropertyNames(globalThis).sort();
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(ruleText, fc.dictionary(fc.constantFrom('amount', 'balance', 'state.balance', 'tags', 'currency', 'constructor', '__proto__'), anyValue), (text, values) => {
        let expr;
        try {
          expr = parseExpression(text);
        } catch (err) {
          expect(err).toBeInstanceOf(RuleError);
          return;
        }
        try {
          const v = evaluate(expr, new Map(Object.entries(values)));
          expect(['number', 'string', 'boolean', 'object']).toContain(typeof v);
          if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
          if (typeof v === 'object') expect(Array.isArray(v)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(RuleError);
        }
      }),
      { numRuns: 3000 },
    );
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globalsBefore);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  });

  it('names that exist on every object resolve only through the scope', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'globalThis', 'process', 'hasOwnProperty']) {
      const c = compileRule(name, scope);
      expect(c.ok).toBe(false);
      const parsed = parseExpression(name);
      expect(() => evaluate(parsed, new Map())).toThrow(RuleError);
    }
  });
});
