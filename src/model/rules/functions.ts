// The rule language's built-in functions: their types (for the checker), their behaviour (for
// the interpreter) and their TypeScript form (for the export) in one table, so the three agree.
import type { ExprType, RuleValue } from './ast';
import { MAX_VALUE_LENGTH } from './ast';
import { RuleError } from './errors';

export interface RuleFunction {
  readonly name: string;
  /** Argument types; `rest` repeats the last one (min, max take any number >= 1). */
  readonly params: readonly ExprType[];
  readonly rest?: boolean;
  readonly optionalFrom?: number;
  readonly result: ExprType;
  /** When the first parameter is 'any': the types it may really be. */
  readonly firstOneOf?: readonly ExprType[];
  readonly doc: string;
  apply(args: readonly RuleValue[]): RuleValue;
  /** The call in TypeScript, from its arguments' TypeScript. */
  ts(args: readonly string[]): string;
}

const num = (v: RuleValue) => v as number;
const roundTo = (x: number, digits: number) => {
  const d = Math.max(0, Math.min(10, Math.trunc(digits)));
  const f = 10 ** d;
  return Math.round(x * f) / f;
};

const TABLE: readonly RuleFunction[] = [
  {
    name: 'min',
    params: ['number'],
    rest: true,
    result: 'number',
    doc: 'the smallest of its numbers',
    apply: (a) => Math.min(...a.map(num)),
    ts: (a) => `Math.min(${a.join(', ')})`,
  },
  {
    name: 'max',
    params: ['number'],
    rest: true,
    result: 'number',
    doc: 'the largest of its numbers',
    apply: (a) => Math.max(...a.map(num)),
    ts: (a) => `Math.max(${a.join(', ')})`,
  },
  { name: 'abs', params: ['number'], result: 'number', doc: 'the number without its sign', apply: (a) => Math.abs(num(a[0]!)), ts: (a) => `Math.abs(${a[0]})` },
  { name: 'floor', params: ['number'], result: 'number', doc: 'rounded down', apply: (a) => Math.floor(num(a[0]!)), ts: (a) => `Math.floor(${a[0]})` },
  { name: 'ceil', params: ['number'], result: 'number', doc: 'rounded up', apply: (a) => Math.ceil(num(a[0]!)), ts: (a) => `Math.ceil(${a[0]})` },
  {
    name: 'round',
    params: ['number', 'number'],
    optionalFrom: 1,
    result: 'number',
    doc: 'rounded to a number of decimals (0 to 10, default 0)',
    apply: (a) => roundTo(num(a[0]!), a.length > 1 ? num(a[1]!) : 0),
    ts: (a) => `_rules.round(${a[0]}, ${a[1] ?? '0'})`,
  },
  {
    name: 'len',
    params: ['any'],
    firstOneOf: ['string', 'list'],
    result: 'number',
    doc: 'the length of a text or a list',
    apply: (a) => {
      const v = a[0]!;
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      throw new RuleError('len() takes a text or a list', 'RULE_EVAL');
    },
    ts: (a) => `_rules.len(${a[0]})`,
  },
  {
    name: 'contains',
    params: ['any', 'any'],
    firstOneOf: ['string', 'list'],
    result: 'boolean',
    doc: 'whether a list holds a value (or a text holds a text)',
    apply: (a) => {
      const [list, x] = a as [RuleValue, RuleValue];
      if (typeof list === 'string') return typeof x === 'string' && list.includes(x);
      if (Array.isArray(list)) return list.some((item) => sameValue(item, x));
      throw new RuleError('contains() takes a list or a text first', 'RULE_EVAL');
    },
    ts: (a) => `_rules.contains(${a[0]}, ${a[1]})`,
  },
  { name: 'lower', params: ['string'], result: 'string', doc: 'in lower case', apply: (a) => String(a[0]).toLowerCase(), ts: (a) => `${a[0]}.toLowerCase()` },
  { name: 'upper', params: ['string'], result: 'string', doc: 'in upper case', apply: (a) => String(a[0]).toUpperCase(), ts: (a) => `${a[0]}.toUpperCase()` },
];

const BY_NAME: ReadonlyMap<string, RuleFunction> = new Map(TABLE.map((f) => [f.name, f]));

export function ruleFunction(name: string): RuleFunction | undefined {
  return BY_NAME.get(name);
}

export const RULE_FUNCTIONS: readonly RuleFunction[] = TABLE;

/** Structural equality of rule values (lists compare item by item). */
export function sameValue(a: RuleValue, b: RuleValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]!));
  return a === b;
}

export function checkLength(v: RuleValue, start: number, end: number): RuleValue {
  if ((typeof v === 'string' || Array.isArray(v)) && v.length > MAX_VALUE_LENGTH)
    throw new RuleError(`A value grew past ${MAX_VALUE_LENGTH} characters or items`, 'RULE_LIMIT', start, end);
  return v;
}
