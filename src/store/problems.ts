// The seam for problems pinned to stickies: a topology compiler (later) reports them per
// element id, and the canvas shows them on the sticky.
export interface ElementProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The compiler's problem code (e.g. "command-without-rules"). */
  code?: string;
}

/**
 * How a command's outcome is decided, when the sticky should say so: no rules yet (drawn by the
 * link weights), or rules without an "otherwise" (a command no guard admits is rejected). The
 * sticky shows these as a badge of their own rather than as problem pins.
 */
export const RULE_MODE_CODES = { weighted: 'command-without-rules', mayReject: 'command-may-reject' } as const;
export const isRuleMode = (p: ElementProblem) => p.code === RULE_MODE_CODES.weighted || p.code === RULE_MODE_CODES.mayReject;
