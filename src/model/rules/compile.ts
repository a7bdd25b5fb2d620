// One call for "parse and type-check this rule text in this scope": what the topology, the
// inspector and scenario evaluation use. Never throws; the error is returned with its span.
import type { Expr, ExprType } from './ast';
import { checkExpression } from './check';
import type { RuleScope } from './check';
import { RuleError } from './errors';
import { parseExpression } from './parse';

export type CompiledRule = { ok: true; expr: Expr; type: ExprType } | { ok: false; error: RuleError };

const article = (t: ExprType) => (t === 'list' ? 'a list' : t === 'string' ? 'a text' : t === 'boolean' ? 'true or false' : `a ${t}`);

/** Parses and checks `text`; with `expected`, the result must be of that type. */
export function compileRule(text: string, scope: RuleScope, expected?: ExprType): CompiledRule {
  try {
    const expr = parseExpression(text);
    const type = checkExpression(expr, scope);
    if (expected && expected !== 'any' && type !== 'any' && type !== expected)
      throw new RuleError(`This gives ${article(type)}; ${article(expected)} is needed here`, 'RULE_TYPE', expr.start, expr.end);
    return { ok: true, expr, type };
  } catch (err) {
    if (err instanceof RuleError) return { ok: false, error: err };
    return { ok: false, error: new RuleError(`The rule could not be read: ${err instanceof Error ? err.message : String(err)}`, 'RULE_SYNTAX') };
  }
}

/** Builds a scope from field names and types; `prefix` adds qualified names (state.balance). */
export function scopeOf(entries: Iterable<readonly [string, ExprType]>, prefix?: string, into = new Map<string, ExprType>()): Map<string, ExprType> {
  for (const [name, type] of entries) {
    if (prefix) into.set(`${prefix}.${name}`, type);
    if (!into.has(name)) into.set(name, type);
  }
  return into;
}
