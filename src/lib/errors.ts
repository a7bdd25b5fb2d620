// Base of every typed error in Stormbench. Each layer has its own errors.ts with subclasses;
// a code lets callers branch without parsing messages, `retriable` says whether trying the
// same thing again may succeed, and messages are written for the person who must act.
export interface ErrorDetails {
  readonly code: string;
  readonly retriable?: boolean;
  readonly context?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

export class StormbenchError extends Error {
  readonly code: string;
  readonly retriable: boolean;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(message: string, details: ErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = details.code;
    this.retriable = details.retriable ?? false;
    this.context = details.context ?? {};
  }
}

/** Thrown when code reaches a state its own invariants rule out: a bug, never user input. */
export class InvariantError extends StormbenchError {
  constructor(message: string, context?: Record<string, unknown>) {
    super(message, { code: 'INVARIANT', ...(context ? { context } : {}) });
  }
}
