// The rule language's syntax tree and value types. Plain data: the interpreter walks it, the
// type checker annotates it, and the export prints it as TypeScript.

export type ExprType = 'number' | 'string' | 'boolean' | 'list' | 'any';

/** A runtime value: never null, never an object with a prototype to reach through. */
export type RuleValue = number | string | boolean | readonly RuleValue[];

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export type UnaryOp = '-' | 'not';

interface Span {
  start: number;
  end: number;
}

export type Expr = Span &
  (
    | { kind: 'number'; value: number }
    | { kind: 'string'; value: string }
    | { kind: 'boolean'; value: boolean }
    | { kind: 'list'; items: Expr[] }
    /** A field: `amount`, or qualified `state.balance`, `When.amount`. */
    | { kind: 'name'; name: string }
    | { kind: 'unary'; op: UnaryOp; arg: Expr }
    | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
    | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr }
    | { kind: 'call'; fn: string; args: Expr[] }
  );

/** Longest expression text accepted, in characters. */
export const MAX_EXPRESSION_CHARS = 1000;
/** Deepest nesting accepted (parentheses, operators, calls). */
export const MAX_EXPRESSION_DEPTH = 48;
/** Longest string or list a rule may build (append keeps the newest items). */
export const MAX_VALUE_LENGTH = 1000;

export function typeOfValue(v: RuleValue): Exclude<ExprType, 'any'> {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  return 'list';
}
