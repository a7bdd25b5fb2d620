// Typed errors of the rule language. Every failure of parsing, type checking or evaluating an
// expression is a RuleError with a code and the span of the text it is about, so the inspector
// can underline it and the board can pin it to its sticky; nothing else ever escapes.
import { StormbenchError } from '../../lib/errors';

export type RuleErrorCode =
  | 'RULE_SYNTAX'
  | 'RULE_UNKNOWN_NAME'
  | 'RULE_TYPE'
  | 'RULE_EVAL'
  | 'RULE_LIMIT';

export class RuleError extends StormbenchError {
  declare readonly code: RuleErrorCode;
  /** Character offsets in the expression text the error is about (end exclusive). */
  readonly start: number;
  readonly end: number;
  constructor(message: string, code: RuleErrorCode, start = 0, end = start) {
    super(message, { code, context: { start, end } });
    this.start = start;
    this.end = end;
  }
}
