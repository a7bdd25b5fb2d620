// Validation of what the inspector edits, with messages a workshop participant can act on. Each
// function returns the problems per input (empty when all is well); the inspector shows them
// next to the inputs and only writes valid values to the document.
import type { BoundedContextElement, PayloadField, StreamSettings } from '../types';
import { FIELD_TYPES } from '../types';

export type Problems<K extends string> = Partial<Record<K, string>>;

/** A name usable in Avro schemas and generated TypeScript: letters, digits and _, not starting with a digit. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A service name usable as a package, container and consumer-group name. */
const SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const wholeIn = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

export function validateStream(stream: Partial<Record<keyof StreamSettings, unknown>>): Problems<keyof StreamSettings> {
  const problems: Problems<keyof StreamSettings> = {};
  if (!wholeIn(stream.partitions, 1, 1000)) problems.partitions = 'Partitions must be a whole number from 1 to 1000';
  if (!wholeIn(stream.replicationFactor, 1, 9))
    problems.replicationFactor = 'Replication factor must be a whole number from 1 to 9 (the simulated cluster has at most 9 brokers)';
  if (stream.cleanupPolicy !== 'delete' && stream.cleanupPolicy !== 'compact') problems.cleanupPolicy = 'Cleanup policy must be "delete" or "compact"';
  if (!wholeIn(stream.retentionMs, -1, Number.MAX_SAFE_INTEGER) || stream.retentionMs === 0)
    problems.retentionMs = 'Retention must be a whole number of milliseconds above 0, or -1 to keep records forever';
  return problems;
}

export function validateIdField(idField: unknown): string | undefined {
  if (typeof idField !== 'string' || idField.trim() === '') return 'The id field needs a name, e.g. "accountId"';
  if (!IDENTIFIER.test(idField)) return 'The id field name may use letters, digits and _ and must not start with a digit';
  return undefined;
}

type FieldKey = keyof PayloadField;

/** Checks one payload field; `others` are the other fields of the same payload (for unique names). */
export function validateField(field: Partial<Record<FieldKey, unknown>>, others: readonly Pick<PayloadField, 'name'>[] = []): Problems<FieldKey> {
  const problems: Problems<FieldKey> = {};
  const name = field.name;
  if (typeof name !== 'string' || name.trim() === '') problems.name = 'A field needs a name';
  else if (!IDENTIFIER.test(name)) problems.name = 'A field name may use letters, digits and _ and must not start with a digit';
  else if (others.some((o) => o.name === name)) problems.name = `Another field is already called "${name}"; field names must be unique within a payload`;
  if (!FIELD_TYPES.includes(field.type as PayloadField['type'])) problems.type = `The type must be one of ${FIELD_TYPES.join(', ')}`;
  if (field.type === 'enum') {
    const symbols = field.symbols;
    if (!Array.isArray(symbols) || symbols.length === 0) problems.symbols = 'An enum needs at least one symbol';
    else if (symbols.some((s) => typeof s !== 'string' || !IDENTIFIER.test(s)))
      problems.symbols = 'Enum symbols may use letters, digits and _ and must not start with a digit';
    else if (new Set(symbols).size !== symbols.length) problems.symbols = 'Enum symbols must be unique';
  }
  if (field.type === 'decimal') {
    const precision = field.precision ?? 19;
    const scale = field.scale ?? 4;
    if (!wholeIn(precision, 1, 38)) problems.precision = 'Precision must be a whole number from 1 to 38';
    else if (!wholeIn(scale, 0, precision as number)) problems.scale = `Scale must be a whole number from 0 to the precision (${String(precision)})`;
  }
  return problems;
}

/** Problems of every field of a payload, by index (only the fields that have some). */
export function validatePayload(fields: readonly PayloadField[]): Map<number, Problems<FieldKey>> {
  const out = new Map<number, Problems<FieldKey>>();
  fields.forEach((field, i) => {
    const problems = validateField(field, fields.slice(0, i));
    if (Object.keys(problems).length > 0) out.set(i, problems);
  });
  return out;
}

type ContextKey = keyof Pick<BoundedContextElement, 'text' | 'serviceName' | 'instances' | 'width' | 'height'>;

export function validateContext(ctx: Partial<Record<ContextKey, unknown>>): Problems<ContextKey> {
  const problems: Problems<ContextKey> = {};
  if ('text' in ctx && (typeof ctx.text !== 'string' || ctx.text.trim() === '')) problems.text = 'A bounded context needs a name';
  if (typeof ctx.serviceName === 'string' && ctx.serviceName !== '' && !SERVICE_NAME.test(ctx.serviceName))
    problems.serviceName = 'A service name uses lower-case letters, digits and single hyphens, e.g. "order-service" (leave empty to derive it from the name)';
  else if (ctx.serviceName !== undefined && typeof ctx.serviceName !== 'string') problems.serviceName = 'A service name must be text';
  if (!wholeIn(ctx.instances, 1, 100)) problems.instances = 'Instances must be a whole number from 1 to 100';
  for (const key of ['width', 'height'] as const)
    if (key in ctx && !(typeof ctx[key] === 'number' && Number.isFinite(ctx[key]) && (ctx[key] as number) >= 80))
      problems[key] = `The ${key} must be at least 80`;
  return problems;
}

export function hasProblems(problems: object): boolean {
  return Object.keys(problems).length > 0;
}
