// JSON Schema (draft 2020-12) of a message payload. The same object, without the "$schema"
// keyword, is the payload schema of the message in the AsyncAPI and OpenAPI descriptions. It
// accepts exactly what the runtime's payload check accepts (jsonSchema.test.ts holds them to
// that), so a body the HTTP API accepts is never refused by the command's handler.
import type { FieldSpec } from '../../topology';

export type JsonSchema = Record<string, unknown>;

/** The runtime's UUID check (src/topology/runtime/messages.ts), as a JSON Schema pattern. */
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
/** The runtime's precision when a decimal field has none. */
const DEFAULT_PRECISION = 38;

function fieldSchema(f: FieldSpec): JsonSchema {
  const doc = f.doc || (f.label !== f.name ? f.label : '');
  const base: JsonSchema = doc ? { description: doc } : {};
  switch (f.type) {
    case 'string':
      return { ...base, type: 'string' };
    case 'uuid':
      // The pattern makes the format binding (format alone is only an annotation in 2020-12).
      return { ...base, type: 'string', format: 'uuid', pattern: UUID_PATTERN };
    case 'enum':
      return { ...base, type: 'string', enum: [...(f.symbols ?? [])] };
    case 'decimal': {
      // As the runtime checks it: digits with an optional fraction of at most `scale` digits,
      // at most precision - scale digits before the point once leading zeros are dropped.
      const precision = f.precision ?? DEFAULT_PRECISION;
      const scale = f.scale ?? 0;
      const whole = precision - scale;
      const wholePart = whole > 0 ? `0*[0-9]{1,${whole}}` : '0+';
      const frac = scale > 0 ? `(\\.[0-9]{1,${scale}})?` : '';
      return { ...base, type: 'string', pattern: `^-?${wholePart}${frac}$`, description: `${doc ? `${doc} ` : ''}(decimal(${precision}, ${scale}) as a string)` };
    }
    case 'int':
      return { ...base, type: 'integer', minimum: -2147483648, maximum: 2147483647 };
    case 'long':
      return { ...base, type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };
    case 'timestamp':
      return {
        ...base,
        type: 'integer',
        minimum: -Number.MAX_SAFE_INTEGER,
        maximum: Number.MAX_SAFE_INTEGER,
        description: `${doc ? `${doc} ` : ''}(milliseconds since the Unix epoch)`,
      };
    case 'double':
      return { ...base, type: 'number' };
    case 'boolean':
      return { ...base, type: 'boolean' };
  }
}

export function payloadSchema(title: string, description: string, fields: readonly FieldSpec[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const f of fields) properties[f.name] = fieldSchema(f);
  return {
    title,
    ...(description ? { description } : {}),
    type: 'object',
    properties,
    required: fields.filter((f) => !f.optional).map((f) => f.name),
    additionalProperties: false,
  };
}

export function jsonSchemaFile(title: string, description: string, fields: readonly FieldSpec[]): JsonSchema {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...payloadSchema(title, description, fields) };
}
