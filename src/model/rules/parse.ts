// Parser of the rule language: a hand-written tokenizer and precedence-climbing parser (no
// eval, no Function, no regular expression over the whole text). Small on purpose:
//   literals   12, 12.50, "text", 'text', true, false, [a, b]
//   names      amount, state.balance, When.amount
//   operators  ?:  or ||  and &&  not !  == = != < <= > >=  + -  * / %  unary -
//   calls      min(a, b) max abs round(x, digits) floor ceil len contains(list, x) lower upper
// Errors are RuleErrors with the span of the offending text.
import type { BinaryOp, Expr } from './ast';
import { MAX_EXPRESSION_CHARS, MAX_EXPRESSION_DEPTH } from './ast';
import { RuleError } from './errors';

type Token =
  | { t: 'num'; value: number; start: number; end: number }
  | { t: 'str'; value: string; start: number; end: number }
  | { t: 'id'; value: string; start: number; end: number }
  | { t: 'op'; value: string; start: number; end: number }
  | { t: 'end'; value: ''; start: number; end: number };

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '(', ')', '[', ']', ',', '?', ':', '+', '-', '*', '/', '%', '<', '>', '=', '!', '.'];
const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdPart = (c: string) => isIdStart(c) || isDigit(c);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      while (i < text.length && isDigit(text[i]!)) i++;
      if (text[i] === '.' && isDigit(text[i + 1] ?? '')) {
        i++;
        while (i < text.length && isDigit(text[i]!)) i++;
      }
      if (isIdStart(text[i] ?? '')) throw new RuleError(`"${text.slice(start, i + 1)}" is not a number`, 'RULE_SYNTAX', start, i + 1);
      out.push({ t: 'num', value: Number(text.slice(start, i)), start, end: i });
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      let value = '';
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      if (i >= text.length) throw new RuleError(`A text started with ${c} is not closed: end it with ${c}`, 'RULE_SYNTAX', start, text.length);
      i++;
      out.push({ t: 'str', value, start, end: i });
      continue;
    }
    if (isIdStart(c)) {
      while (i < text.length && isIdPart(text[i]!)) i++;
      out.push({ t: 'id', value: text.slice(start, i), start, end: i });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new RuleError(`Unexpected "${c}"`, 'RULE_SYNTAX', start, start + 1);
    i += op.length;
    out.push({ t: 'op', value: op, start, end: i });
  }
  out.push({ t: 'end', value: '', start: text.length, end: text.length });
  return out;
}

const BINARY: Record<string, { op: BinaryOp; prec: number }> = {
  or: { op: 'or', prec: 1 },
  '||': { op: 'or', prec: 1 },
  and: { op: 'and', prec: 2 },
  '&&': { op: 'and', prec: 2 },
  '==': { op: '==', prec: 4 },
  '=': { op: '==', prec: 4 },
  '!=': { op: '!=', prec: 4 },
  '<': { op: '<', prec: 4 },
  '<=': { op: '<=', prec: 4 },
  '>': { op: '>', prec: 4 },
  '>=': { op: '>=', prec: 4 },
  '+': { op: '+', prec: 5 },
  '-': { op: '-', prec: 5 },
  '*': { op: '*', prec: 6 },
  '/': { op: '/', prec: 6 },
  '%': { op: '%', prec: 6 },
};
/** `not` binds looser than comparisons (not a < b is not (a < b)); unary minus binds tightest. */
const NOT_PREC = 3;

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private isOp(value: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.value === value;
  }
  private expect(value: string, what: string): Token {
    const t = this.peek();
    if (t.t === 'op' && t.value === value) return this.next();
    throw new RuleError(`Expected ${what}${t.t === 'end' ? ' at the end' : ` before "${describe(t)}"`}`, 'RULE_SYNTAX', t.start, Math.max(t.end, t.start + 1));
  }
  private enter(at: Token): void {
    if (++this.depth > MAX_EXPRESSION_DEPTH) throw new RuleError(`The expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`, 'RULE_LIMIT', at.start, at.end);
  }

  parseAll(): Expr {
    const e = this.expression();
    const t = this.peek();
    if (t.t !== 'end') throw new RuleError(`Unexpected "${describe(t)}": an operator such as "and" or "+" may be missing`, 'RULE_SYNTAX', t.start, t.end);
    return e;
  }

  expression(): Expr {
    const at = this.peek();
    this.enter(at);
    const test = this.binary(1);
    let result = test;
    if (this.isOp('?')) {
      this.next();
      const then = this.expression();
      this.expect(':', '":" with the value when the condition is false');
      const otherwise = this.expression();
      result = { kind: 'conditional', test, then, otherwise, start: test.start, end: otherwise.end };
    }
    this.depth--;
    return result;
  }

  private binary(minPrec: number): Expr {
    let left = this.prefix(minPrec);
    for (;;) {
      const t = this.peek();
      const info = t.t === 'op' || (t.t === 'id' && (t.value === 'and' || t.value === 'or')) ? BINARY[t.value] : undefined;
      if (!info || info.prec < minPrec) return left;
      this.next();
      this.enter(t);
      const right = this.binary(info.prec + 1);
      this.depth--;
      left = { kind: 'binary', op: info.op, left, right, start: left.start, end: right.end };
    }
  }

  private prefix(minPrec: number): Expr {
    const t = this.peek();
    if ((t.t === 'id' && t.value === 'not') || (t.t === 'op' && t.value === '!')) {
      this.next();
      this.enter(t);
      const arg = this.binary(Math.max(minPrec, NOT_PREC));
      this.depth--;
      return { kind: 'unary', op: 'not', arg, start: t.start, end: arg.end };
    }
    if (t.t === 'op' && t.value === '-') {
      this.next();
      this.enter(t);
      const arg = this.prefix(7);
      this.depth--;
      return { kind: 'unary', op: '-', arg, start: t.start, end: arg.end };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.t) {
      case 'num':
        return { kind: 'number', value: t.value, start: t.start, end: t.end };
      case 'str':
        return { kind: 'string', value: t.value, start: t.start, end: t.end };
      case 'id': {
        if (t.value === 'true' || t.value === 'false') return { kind: 'boolean', value: t.value === 'true', start: t.start, end: t.end };
        if (KEYWORDS.has(t.value)) throw new RuleError(`"${t.value}" needs a value before it`, 'RULE_SYNTAX', t.start, t.end);
        if (this.isOp('(')) return this.call(t);
        let name = t.value;
        let end = t.end;
        while (this.isOp('.')) {
          this.next();
          const part = this.next();
          if (part.t !== 'id') throw new RuleError(`Expected a field name after "${name}."`, 'RULE_SYNTAX', part.start, Math.max(part.end, part.start + 1));
          name += `.${part.value}`;
          end = part.end;
        }
        return { kind: 'name', name, start: t.start, end };
      }
      case 'op':
        if (t.value === '(') {
          const inner = this.expression();
          const close = this.expect(')', 'a closing ")"');
          return { ...inner, start: t.start, end: close.end };
        }
        if (t.value === '[') {
          this.enter(t);
          const items: Expr[] = [];
          if (!this.isOp(']')) {
            do items.push(this.expression());
            while (this.isOp(',') && this.next());
          }
          const close = this.expect(']', 'a closing "]"');
          this.depth--;
          return { kind: 'list', items, start: t.start, end: close.end };
        }
        throw new RuleError(`Unexpected "${t.value}": a value or a field name is missing`, 'RULE_SYNTAX', t.start, t.end);
      case 'end':
        throw new RuleError('The expression is empty or ends too early', 'RULE_SYNTAX', t.start, t.end);
    }
  }

  private call(fn: Token & { t: 'id' }): Expr {
    this.next(); // (
    this.enter(fn);
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      do args.push(this.expression());
      while (this.isOp(',') && this.next());
    }
    const close = this.expect(')', `a closing ")" for ${fn.value}(`);
    this.depth--;
    return { kind: 'call', fn: fn.value, args, start: fn.start, end: close.end };
  }
}

function describe(t: Token): string {
  return t.t === 'str' ? JSON.stringify(t.value) : String(t.value);
}

/** Parses an expression; throws only RuleError. */
export function parseExpression(text: string): Expr {
  if (typeof text !== 'string') throw new RuleError('An expression must be text', 'RULE_SYNTAX');
  if (text.length > MAX_EXPRESSION_CHARS) throw new RuleError(`An expression may be at most ${MAX_EXPRESSION_CHARS} characters long`, 'RULE_LIMIT', MAX_EXPRESSION_CHARS, text.length);
  return new Parser(tokenize(text)).parseAll();
}
