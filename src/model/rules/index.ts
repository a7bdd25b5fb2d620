// Public face of the rule language (imported through src/model/index.ts).
export * from './ast';
export * from './errors';
export { parseExpression } from './parse';
export { checkExpression } from './check';
export type { RuleScope } from './check';
export { evaluate } from './evaluate';
export type { RuleEnv } from './evaluate';
export { RULE_FUNCTIONS, ruleFunction, sameValue } from './functions';
export type { RuleFunction } from './functions';
export * from './values';
export * from './compile';
