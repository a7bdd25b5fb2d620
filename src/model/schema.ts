// The zod schema of the current board version (types.ts in executable form). parseBoard uses
// it after migrations; the live document uses the element schema to keep every edit valid.
import { z } from 'zod';
import { isSafeId, MAX_ID_BODY_CHARS } from '../lib/ids';
import type { Board, BoardElement, BoardId, BoardLink, ElementId, LinkId, ScenarioId } from './types';
import { BOARD_VERSION, COMPUTED_TYPES, ELEMENT_KINDS, FIELD_TYPES, UPDATE_OPS, SCHEMA_COMPATIBILITY_LEVELS } from './types';
import { MAX_EXPRESSION_CHARS } from './rules/ast';

const prefixedId = <T extends string>(prefix: string) =>
  z.custom<T>((v) => isSafeId(v, prefix), {
    message: `expected an id "${prefix}:" followed by 1 to ${MAX_ID_BODY_CHARS} letters, digits, "-" or "_"`,
  });

export const boardIdSchema = prefixedId<BoardId>('board');
export const elementIdSchema = prefixedId<ElementId>('el');
export const linkIdSchema = prefixedId<LinkId>('link');
export const scenarioIdSchema = prefixedId<ScenarioId>('sc');

/** Most rules, scenarios, rows or values in one list of a sticky. */
export const MAX_RULE_ITEMS = 200;
const ruleList = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_RULE_ITEMS, `at most ${MAX_RULE_ITEMS} entries`);
const expression = z.string().max(MAX_EXPRESSION_CHARS, `an expression may be at most ${MAX_EXPRESSION_CHARS} characters`);
const ruleName = z.string().max(200);

export const fieldExprSchema = z.strictObject({ field: ruleName, expr: expression });
export const fieldUpdateSchema = z.strictObject({ eventId: elementIdSchema, op: z.enum(UPDATE_OPS), expr: expression });
export const computedFieldSchema = z.strictObject({
  name: ruleName,
  type: z.enum(COMPUTED_TYPES),
  scale: z.number().int().min(0).max(10).optional(),
  initial: expression,
  updates: ruleList(fieldUpdateSchema),
});
export const outcomeRuleSchema = z.strictObject({ eventId: elementIdSchema, when: expression, fields: ruleList(fieldExprSchema) });
export const scenarioStepSchema = z.strictObject({ elementId: elementIdSchema, values: ruleList(fieldExprSchema) });
export const scenarioSchema = z.strictObject({
  id: scenarioIdSchema,
  name: ruleName,
  given: ruleList(scenarioStepSchema),
  when: ruleList(fieldExprSchema),
  then: ruleList(scenarioStepSchema),
  rejected: z.boolean(),
});
const scenarios = ruleList(scenarioSchema).optional();

/**
 * Largest |x| or |y| in board units. A workshop wall is a few thousand units wide; past this a
 * coordinate only hides its sticky (at 1e308 fit view found nothing to show).
 */
export const MAX_COORDINATE = 1e7;
/** Largest width or height of a bounded context, in board units. */
export const MAX_CONTEXT_SIZE = 1e6;

const coordinate = z
  .number()
  .finite()
  .min(-MAX_COORDINATE, `a position must be between -${MAX_COORDINATE.toLocaleString('en-US')} and ${MAX_COORDINATE.toLocaleString('en-US')}`)
  .max(MAX_COORDINATE, `a position must be between -${MAX_COORDINATE.toLocaleString('en-US')} and ${MAX_COORDINATE.toLocaleString('en-US')}`);
const contextSize = z.number().finite().positive().max(MAX_CONTEXT_SIZE, `a size must be at most ${MAX_CONTEXT_SIZE.toLocaleString('en-US')}`);

export const payloadFieldSchema = z.strictObject({
  name: z.string(),
  type: z.enum(FIELD_TYPES),
  optional: z.boolean(),
  doc: z.string(),
  symbols: z.array(z.string()).optional(),
  precision: z.number().int().min(1).max(76).optional(),
  scale: z.number().int().min(0).max(76).optional(),
  aliases: z.array(z.string()).optional(),
});

export const streamSettingsSchema = z.strictObject({
  partitions: z.number().int().min(1).max(1000),
  replicationFactor: z.number().int().min(1).max(9),
  cleanupPolicy: z.enum(['delete', 'compact']),
  retentionMs: z.number().int().min(-1),
});

const base = {
  id: elementIdSchema,
  text: z.string(),
  description: z.string(),
  x: coordinate,
  y: coordinate,
  parentId: elementIdSchema.optional(),
};
const withFields = { ...base, fields: z.array(payloadFieldSchema) };

export const elementSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('event'),
    ...withFields,
    schemaVersions: z.array(z.strictObject({ fields: z.array(payloadFieldSchema) })).optional(),
    compatibility: z.enum(SCHEMA_COMPATIBILITY_LEVELS).optional(),
  }),
  z.strictObject({ kind: z.literal('command'), ...withFields, outcomes: ruleList(outcomeRuleSchema).optional(), scenarios }),
  z.strictObject({ kind: z.literal('policy'), ...base, when: expression.optional(), scenarios }),
  z.strictObject({
    kind: z.literal('aggregate'),
    ...base,
    idField: z.string(),
    stream: streamSettingsSchema,
    state: ruleList(computedFieldSchema).optional(),
  }),
  z.strictObject({ kind: z.literal('readModel'), ...base, columns: ruleList(computedFieldSchema).optional(), scenarios }),
  z.strictObject({ kind: z.literal('externalSystem'), ...base }),
  z.strictObject({ kind: z.literal('actor'), ...base }),
  z.strictObject({ kind: z.literal('hotspot'), ...base }),
  z.strictObject({
    kind: z.literal('boundedContext'),
    ...base,
    width: contextSize,
    height: contextSize,
    serviceName: z.string(),
    instances: z.number().int().min(1).max(100),
  }),
]);

export const linkSchema = z.strictObject({
  id: linkIdSchema,
  source: elementIdSchema,
  target: elementIdSchema,
  freeForm: z.boolean(),
  weight: z.number().finite().positive().optional(),
});

export const settingsSchema = z.strictObject({
  allowFreeFormLinks: z.boolean(),
  topicStrategy: z.enum(['perAggregateType', 'perAggregateInstance', 'sharedTopic']),
  snapToGrid: z.boolean(),
});

export const boardSchema = z.strictObject({
  version: z.literal(BOARD_VERSION),
  id: boardIdSchema,
  name: z.string(),
  settings: settingsSchema,
  elements: z.array(elementSchema),
  links: z.array(linkSchema),
});

/** Element kinds as the schema knows them (kept equal to types.ts by the check below). */
export const SCHEMA_KINDS = ELEMENT_KINDS;

// Compile-time guards: the schema's output is exactly the hand-written types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameBoard: Same<z.output<typeof boardSchema>, Board> = true;
const sameElement: Same<z.output<typeof elementSchema>, BoardElement> = true;
const sameLink: Same<z.output<typeof linkSchema>, BoardLink> = true;
void sameBoard;
void sameElement;
void sameLink;
