// Type checker of the rule language: every name must be a field in scope, every operator and
// function must get values of the types it takes. Returns the expression's type, or throws a
// RuleError pinned to the offending span (the first problem; one at a time reads best).
import type { Expr, ExprType } from './ast';
import { RuleError } from './errors';
import { ruleFunction } from './functions';

/** Names a rule may use and their types, e.g. amount → number, state.balance → number. */
export type RuleScope = ReadonlyMap<string, ExprType>;

const fits = (actual: ExprType, wanted: ExprType) => actual === wanted || actual === 'any' || wanted === 'any';
const article = (t: ExprType) => (t === 'any' ? 'a value' : t === 'list' ? 'a list' : t === 'string' ? 'a text' : `a ${t}`);

function closest(name: string, scope: RuleScope): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  for (const candidate of scope.keys()) {
    const c = candidate.toLowerCase();
    if (c === lower || c.endsWith(`.${lower}`) || lower.endsWith(`.${c}`)) return candidate;
    if (!best && (c.startsWith(lower.slice(0, 3)) || lower.startsWith(c.slice(0, 3)))) best = candidate;
  }
  return best;
}

export function checkExpression(e: Expr, scope: RuleScope): ExprType {
  const want = (x: Expr, t: ExprType, what: string): ExprType => {
    const got = checkExpression(x, scope);
    if (!fits(got, t)) throw new RuleError(`${what} needs ${article(t)}, but this is ${article(got)}`, 'RULE_TYPE', x.start, x.end);
    return got;
  };
  switch (e.kind) {
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'list':
      for (const item of e.items) checkExpression(item, scope);
      return 'list';
    case 'name': {
      const t = scope.get(e.name);
      if (t !== undefined) return t;
      const hint = closest(e.name, scope);
      const known = [...scope.keys()].filter((k) => !k.includes('.')).slice(0, 8);
      throw new RuleError(
        `No field "${e.name}" here${hint ? `: did you mean "${hint}"?` : known.length ? `; fields: ${known.join(', ')}` : ''}`,
        'RULE_UNKNOWN_NAME',
        e.start,
        e.end,
      );
    }
    case 'unary':
      if (e.op === 'not') {
        want(e.arg, 'boolean', '"not"');
        return 'boolean';
      }
      want(e.arg, 'number', 'A minus sign');
      return 'number';
    case 'conditional': {
      want(e.test, 'boolean', 'The condition before "?"');
      const a = checkExpression(e.then, scope);
      const b = checkExpression(e.otherwise, scope);
      if (!fits(a, b)) throw new RuleError(`Both sides of ":" must be of one type (${article(a)} and ${article(b)})`, 'RULE_TYPE', e.then.start, e.otherwise.end);
      return a === 'any' ? b : a;
    }
    case 'binary': {
      const { op } = e;
      if (op === 'and' || op === 'or') {
        want(e.left, 'boolean', `"${op}"`);
        want(e.right, 'boolean', `"${op}"`);
        return 'boolean';
      }
      if (op === '==' || op === '!=') {
        const a = checkExpression(e.left, scope);
        const b = checkExpression(e.right, scope);
        if (!fits(a, b)) throw new RuleError(`Comparing ${article(a)} with ${article(b)} is never equal`, 'RULE_TYPE', e.start, e.end);
        return 'boolean';
      }
      if (op === '<' || op === '<=' || op === '>' || op === '>=') {
        const a = checkExpression(e.left, scope);
        const b = checkExpression(e.right, scope);
        const ok = (t: ExprType) => t === 'number' || t === 'string' || t === 'any';
        if (!ok(a)) throw new RuleError(`"${op}" compares numbers or texts, not ${article(a)}`, 'RULE_TYPE', e.left.start, e.left.end);
        if (!ok(b)) throw new RuleError(`"${op}" compares numbers or texts, not ${article(b)}`, 'RULE_TYPE', e.right.start, e.right.end);
        if (!fits(a, b)) throw new RuleError(`"${op}" cannot compare ${article(a)} with ${article(b)}`, 'RULE_TYPE', e.start, e.end);
        return 'boolean';
      }
      if (op === '+') {
        const a = checkExpression(e.left, scope);
        const b = checkExpression(e.right, scope);
        if (a === 'boolean' || b === 'boolean') throw new RuleError('"+" adds numbers, joins texts or lists; not true/false', 'RULE_TYPE', e.start, e.end);
        if (a === 'string' || b === 'string') {
          const other = a === 'string' ? b : a;
          if (other === 'list') throw new RuleError('"+" joins a text only with a text or a number, not a list', 'RULE_TYPE', e.start, e.end);
          return 'string';
        }
        if (!fits(a, b)) throw new RuleError(`"+" cannot add ${article(a)} and ${article(b)}`, 'RULE_TYPE', e.start, e.end);
        return a === 'any' ? b : a;
      }
      want(e.left, 'number', `"${op}"`);
      want(e.right, 'number', `"${op}"`);
      return 'number';
    }
    case 'call': {
      const fn = ruleFunction(e.fn);
      if (!fn) throw new RuleError(`There is no function ${e.fn}(): use min, max, abs, round, floor, ceil, len, contains, lower or upper`, 'RULE_UNKNOWN_NAME', e.start, e.end);
      const min = fn.optionalFrom ?? fn.params.length;
      const max = fn.rest ? Infinity : fn.params.length;
      if (e.args.length < min || e.args.length > max) {
        const count = fn.rest ? `at least ${min}` : min === max ? `${min}` : `${min} or ${max}`;
        throw new RuleError(`${fn.name}() takes ${count} value${count === '1' ? '' : 's'}`, 'RULE_TYPE', e.start, e.end);
      }
      e.args.forEach((arg, i) => {
        const t = want(arg, fn.params[Math.min(i, fn.params.length - 1)]!, `${fn.name}()`);
        if (i === 0 && fn.firstOneOf && t !== 'any' && !fn.firstOneOf.includes(t))
          throw new RuleError(`${fn.name}() takes ${fn.firstOneOf.map(article).join(' or ')}, not ${article(t)}`, 'RULE_TYPE', arg.start, arg.end);
      });
      return fn.result;
    }
  }
}
