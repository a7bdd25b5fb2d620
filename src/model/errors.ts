// Typed errors of the board model. Each carries a stable code for callers to branch on and a
// message written for the person who must fix the board or the file.
import { StormbenchError } from '../lib/errors';

/** A board file or value that cannot be read: wrong shape, unknown version, broken references, too big. */
export class BoardParseError extends StormbenchError {
  /** Where the problems are, e.g. ["elements[3].kind: expected one of …"]. */
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[] = [message], code = 'BOARD_PARSE') {
    super(message, { code, context: { problems } });
    this.problems = problems;
  }
}

/** A link that EventStorming's grammar does not allow, on a board that refuses free-form links. */
export class GrammarError extends StormbenchError {
  readonly hint: string;
  constructor(message: string, hint: string, context: Record<string, unknown>) {
    super(message, { code: 'GRAMMAR', context });
    this.hint = hint;
  }
}

/** An operation that does not fit the current document (unknown id, duplicate id, invalid value). */
export class BoardOperationError extends StormbenchError {
  constructor(message: string, code: string, context: Record<string, unknown> = {}) {
    super(message, { code, context });
  }
}
