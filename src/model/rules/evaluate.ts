// Interpreter of the rule language. Names are looked up in a Map the caller fills, never on an
// object, so no rule can reach a prototype, a global or a function; values are numbers, texts,
// booleans and lists only. Every failure is a RuleError (division by zero, a field without a
// value, a result that is not a finite number, a value past the length limit).
import type { Expr, RuleValue } from './ast';
import { typeOfValue } from './ast';
import { RuleError } from './errors';
import { checkLength, ruleFunction, sameValue } from './functions';

export type RuleEnv = ReadonlyMap<string, RuleValue>;

function finite(n: number, e: Expr): number {
  if (!Number.isFinite(n)) throw new RuleError('The result is not a finite number', 'RULE_EVAL', e.start, e.end);
  return n;
}

function expectType<T extends RuleValue>(v: RuleValue, type: 'number' | 'string' | 'boolean' | 'list', e: Expr, what: string): T {
  if (typeOfValue(v) !== type) throw new RuleError(`${what} needs a ${type === 'string' ? 'text' : type}, got ${typeOfValue(v)}`, 'RULE_TYPE', e.start, e.end);
  return v as T;
}

function evalExpr(e: Expr, env: RuleEnv): RuleValue {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'string':
      return e.value;
    case 'boolean':
      return e.value;
    case 'list':
      return checkLength(
        e.items.map((i) => evalExpr(i, env)),
        e.start,
        e.end,
      );
    case 'name': {
      const v: unknown = env.get(e.name);
      if (v === undefined) throw new RuleError(`"${e.name}" has no value here`, 'RULE_EVAL', e.start, e.end);
      // The env may hold anything: a value is checked where it is read, as a result would be.
      if (typeof v === 'number') return finite(v, e);
      if (typeof v === 'string' || typeof v === 'boolean' || Array.isArray(v)) return v as RuleValue;
      throw new RuleError(`"${e.name}" holds a value rules cannot use`, 'RULE_TYPE', e.start, e.end);
    }
    case 'unary': {
      const v = evalExpr(e.arg, env);
      return e.op === 'not' ? !expectType<boolean>(v, 'boolean', e.arg, '"not"') : finite(-expectType<number>(v, 'number', e.arg, 'A minus sign'), e);
    }
    case 'conditional':
      return expectType<boolean>(evalExpr(e.test, env), 'boolean', e.test, 'The condition') ? evalExpr(e.then, env) : evalExpr(e.otherwise, env);
    case 'binary': {
      const { op } = e;
      if (op === 'and') return expectType<boolean>(evalExpr(e.left, env), 'boolean', e.left, '"and"') && expectType<boolean>(evalExpr(e.right, env), 'boolean', e.right, '"and"');
      if (op === 'or') return expectType<boolean>(evalExpr(e.left, env), 'boolean', e.left, '"or"') || expectType<boolean>(evalExpr(e.right, env), 'boolean', e.right, '"or"');
      const a = evalExpr(e.left, env);
      const b = evalExpr(e.right, env);
      if (op === '==') return sameValue(a, b);
      if (op === '!=') return !sameValue(a, b);
      if (op === '+') {
        if (typeof a === 'string' || typeof b === 'string') {
          if (typeof a === 'boolean' || typeof b === 'boolean' || Array.isArray(a) || Array.isArray(b)) throw new RuleError('"+" joins a text only with a text or a number', 'RULE_TYPE', e.start, e.end);
          return checkLength(`${a}${b}`, e.start, e.end);
        }
        if (Array.isArray(a) && Array.isArray(b)) return checkLength([...a, ...b], e.start, e.end);
        return finite(expectType<number>(a, 'number', e.left, '"+"') + expectType<number>(b, 'number', e.right, '"+"'), e);
      }
      if (op === '<' || op === '<=' || op === '>' || op === '>=') {
        if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string'))
          throw new RuleError(`"${op}" compares two numbers or two texts`, 'RULE_TYPE', e.start, e.end);
        const x = a as number | string;
        const y = b as number | string;
        return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
      }
      const x = expectType<number>(a, 'number', e.left, `"${op}"`);
      const y = expectType<number>(b, 'number', e.right, `"${op}"`);
      if ((op === '/' || op === '%') && y === 0) throw new RuleError('Division by zero', 'RULE_EVAL', e.right.start, e.right.end);
      return finite(op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y, e);
    }
    case 'call': {
      const fn = ruleFunction(e.fn);
      if (!fn) throw new RuleError(`There is no function ${e.fn}()`, 'RULE_UNKNOWN_NAME', e.start, e.end);
      const args = e.args.map((a) => evalExpr(a, env));
      args.forEach((v, i) => {
        const t = fn.params[Math.min(i, fn.params.length - 1)]!;
        if (t !== 'any') expectType(v, t, e.args[i]!, `${fn.name}()`);
      });
      let out: RuleValue;
      try {
        out = fn.apply(args);
      } catch (err) {
        if (err instanceof RuleError) throw new RuleError(err.message, err.code, e.start, e.end);
        throw err;
      }
      return typeof out === 'number' ? finite(out, e) : out;
    }
  }
}

/** Evaluates a parsed expression against the values in `env`; throws only RuleError. */
export function evaluate(e: Expr, env: RuleEnv): RuleValue {
  try {
    return evalExpr(e, env);
  } catch (err) {
    if (err instanceof RuleError) throw err;
    throw new RuleError(`The rule could not be evaluated: ${err instanceof Error ? err.message : String(err)}`, 'RULE_EVAL', e.start, e.end);
  }
}
