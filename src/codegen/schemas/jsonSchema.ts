// JSON Schema (draft 2020-12) of a message payload. The same object, without the "$schema"
// keyword, is the payload schema of the message in the AsyncAPI description.
import type { FieldSpec } from '../../topology';

export type JsonSchema = Record<string, unknown>;

function fieldSchema(f: FieldSpec): JsonSchema {
  const doc = f.doc || (f.label !== f.name ? f.label : '');
  const base: JsonSchema = doc ? { description: doc } : {};
  switch (f.type) {
    case 'string':
      return { ...base, type: 'string' };
    case 'uuid':
      return { ...base, type: 'string', format: 'uuid' };
    case 'enum':
      return { ...base, type: 'string', enum: [...(f.symbols ?? [])] };
    case 'decimal': {
      const scale = f.scale ?? 0;
      const whole = Math.max(1, (f.precision ?? 18) - scale);
      const frac = scale > 0 ? `(\\.[0-9]{1,${scale}})?` : '';
      return { ...base, type: 'string', pattern: `^-?[0-9]{1,${whole}}${frac}$`, description: `${doc ? `${doc} ` : ''}(decimal(${f.precision}, ${scale}) as a string)` };
    }
    case 'int':
      return { ...base, type: 'integer', minimum: -2147483648, maximum: 2147483647 };
    case 'long':
      return { ...base, type: 'integer' };
    case 'timestamp':
      return { ...base, type: 'integer', description: `${doc ? `${doc} ` : ''}(milliseconds since the Unix epoch)` };
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
