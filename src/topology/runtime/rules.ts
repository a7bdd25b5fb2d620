// Shared handler runtime: the few helpers the board's rules need once they are written as
// TypeScript (the export's decide/evolve). They behave as the rule language's interpreter does:
// decimals travel as strings and compute as numbers, division by zero and results that are
// not finite numbers are errors, equality compares lists item by item, money rounds to its
// scale. Embedded verbatim in exported projects; imports nothing outside this folder.

/** A rule that cannot be evaluated (division by zero, a missing value, not a finite number). */
export class RuleEvaluationError extends Error {
  readonly code = 'RULE_EVAL';
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'RuleEvaluationError';
  }
}

/** A command whose outcome the board gives no rule for: the generated function is still to write. */
export class RuleNotWrittenError extends Error {
  readonly code = 'RULE_NOT_WRITTEN';
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'RuleNotWrittenError';
  }
}

type Value = number | string | boolean | readonly Value[];

/** A payload or state value as a number (decimals are strings on the wire). */
export function num(v: unknown, name = 'value'): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new RuleEvaluationError(`${name} has no numeric value`);
  return n;
}

/** A value that must be there. */
export function val<T>(v: T | undefined, name: string): T {
  if (v === undefined || v === null) throw new RuleEvaluationError(`${name} has no value`);
  return v;
}

export function fin(n: number): number {
  if (!Number.isFinite(n)) throw new RuleEvaluationError('The result is not a finite number');
  return n;
}

export function div(a: number, b: number): number {
  if (b === 0) throw new RuleEvaluationError('Division by zero');
  return fin(a / b);
}

export function mod(a: number, b: number): number {
  if (b === 0) throw new RuleEvaluationError('Division by zero');
  return fin(a % b);
}

export function eq(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => eq(x, b[i] as Value));
  return a === b;
}

export function round(x: number, digits: number): number {
  const d = Math.max(0, Math.min(10, Math.trunc(digits)));
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

export function len(v: Value): number {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  throw new RuleEvaluationError('len() takes a text or a list');
}

export function contains(list: Value, x: Value): boolean {
  if (typeof list === 'string') return typeof x === 'string' && list.includes(x);
  if (Array.isArray(list)) return list.some((item) => eq(item as Value, x));
  throw new RuleEvaluationError('contains() takes a list or a text first');
}

/** Money (and any decimal) kept to its scale after each change. */
export function settle(n: number, scale: number): number {
  return Number(n.toFixed(scale));
}

/** A list that keeps its newest 1,000 items. */
export function appended(list: unknown, item: Value): Value[] {
  const next = [...(Array.isArray(list) ? (list as Value[]) : []), item];
  return next.length > 1000 ? next.slice(next.length - 1000) : next;
}

export function str(v: unknown, name = 'value'): string {
  if (typeof v !== 'string') throw new RuleEvaluationError(`${name} has no text value`);
  return v;
}

export function bool(v: unknown, name = 'value'): boolean {
  if (typeof v !== 'boolean') throw new RuleEvaluationError(`${name} is not true or false`);
  return v;
}

export function list(v: unknown, name = 'value'): Value[] {
  if (!Array.isArray(v)) throw new RuleEvaluationError(`${name} is not a list`);
  return v as Value[];
}
