// JSON Schema changes, case by case, each naming the difference type of Confluent's JSON
// Schema diff it pins and whether Confluent counts it compatible (the update accepts every
// document the original accepted).
import { describe, expect, it } from 'vitest';
import { jsonIncompatibilities, jsonSchemaDifferences } from './jsonCompatibility';

const closed = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required, additionalProperties: false });
const open = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required });
const str = { type: 'string' };
const int = { type: 'integer' };
const bool = { type: 'boolean' };

interface Case {
  rule: string;
  original: Record<string, unknown>;
  update: Record<string, unknown>;
  compatible: boolean;
  field?: string;
}

const CASES: Case[] = [
  { rule: 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', original: closed({ id: str }, ['id']), update: closed({ id: str, email: str }, ['id']), compatible: true, field: 'email' },
  { rule: 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', original: closed({ id: str }, ['id']), update: closed({ id: str, email: str }, ['id', 'email']), compatible: false, field: 'email' },
  { rule: 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL', original: closed({ id: str }, ['id']), update: closed({ id: str, email: { type: 'string', default: '' } }, ['id', 'email']), compatible: true, field: 'email' },
  { rule: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', original: closed({ id: str, faxNumber: str }, ['id']), update: closed({ id: str }, ['id']), compatible: false, field: 'faxNumber' },
  { rule: 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', original: open({ id: str }), update: open({ id: str, email: str }), compatible: false, field: 'email' },
  { rule: 'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL', original: open({ id: str }), update: open({ id: str, extra: {} }), compatible: true, field: 'extra' },
  { rule: 'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', original: open({ id: str, faxNumber: str }), update: open({ id: str }), compatible: true, field: 'faxNumber' },
  { rule: 'REQUIRED_ATTRIBUTE_ADDED', original: closed({ id: str, email: str }, ['id']), update: closed({ id: str, email: str }, ['id', 'email']), compatible: false, field: 'email' },
  { rule: 'REQUIRED_ATTRIBUTE_REMOVED', original: closed({ id: str, email: str }, ['id', 'email']), update: closed({ id: str, email: str }, ['id']), compatible: true, field: 'email' },
  { rule: 'TYPE_EXTENDED', original: closed({ n: { type: 'integer' } }), update: closed({ n: { type: 'number' } }), compatible: true, field: 'n' },
  { rule: 'TYPE_NARROWED', original: closed({ n: { type: 'number' } }), update: closed({ n: { type: 'integer' } }), compatible: false, field: 'n' },
  { rule: 'TYPE_CHANGED', original: closed({ n: { type: 'string' } }), update: closed({ n: { type: 'integer' } }), compatible: false, field: 'n' },
  { rule: 'ENUM_ARRAY_EXTENDED', original: closed({ k: { type: 'string', enum: ['A'] } }), update: closed({ k: { type: 'string', enum: ['A', 'B'] } }), compatible: true, field: 'k' },
  { rule: 'ENUM_ARRAY_NARROWED', original: closed({ k: { type: 'string', enum: ['A', 'B'] } }), update: closed({ k: { type: 'string', enum: ['A'] } }), compatible: false, field: 'k' },
  { rule: 'ENUM_ARRAY_CHANGED', original: closed({ k: { type: 'string', enum: ['A', 'B'] } }), update: closed({ k: { type: 'string', enum: ['A', 'C'] } }), compatible: false, field: 'k' },
  { rule: 'PATTERN_ADDED', original: closed({ s: str }), update: closed({ s: { type: 'string', pattern: '^a' } }), compatible: false, field: 's' },
  { rule: 'PATTERN_REMOVED', original: closed({ s: { type: 'string', pattern: '^a' } }), update: closed({ s: str }), compatible: true, field: 's' },
  { rule: 'MAXIMUM_INCREASED', original: closed({ n: { type: 'integer', maximum: 5 } }), update: closed({ n: { type: 'integer', maximum: 9 } }), compatible: true, field: 'n' },
  { rule: 'MAXIMUM_DECREASED', original: closed({ n: { type: 'integer', maximum: 9 } }), update: closed({ n: { type: 'integer', maximum: 5 } }), compatible: false, field: 'n' },
  { rule: 'MINIMUM_ADDED', original: closed({ n: { type: 'integer' } }), update: closed({ n: { type: 'integer', minimum: 0 } }), compatible: false, field: 'n' },
  { rule: 'MAX_LENGTH_DECREASED', original: closed({ s: { type: 'string', maxLength: 9 } }), update: closed({ s: { type: 'string', maxLength: 5 } }), compatible: false, field: 's' },
  { rule: 'MIN_LENGTH_DECREASED', original: closed({ s: { type: 'string', minLength: 3 } }), update: closed({ s: { type: 'string', minLength: 1 } }), compatible: true, field: 's' },
  { rule: 'ADDITIONAL_PROPERTIES_REMOVED', original: open({ id: str }), update: closed({ id: str }), compatible: false },
  { rule: 'ADDITIONAL_PROPERTIES_ADDED', original: closed({ id: str }), update: open({ id: str }), compatible: true },
  { rule: 'DESCRIPTION_CHANGED', original: { ...closed({ id: str }), description: 'a' }, update: { ...closed({ id: str }), description: 'b' }, compatible: true },
  // Combiners, as Confluent's CombinedSchemaDiff compares them.
  { rule: 'SUM_TYPE_EXTENDED', original: closed({ k: { oneOf: [str, int] } }), update: closed({ k: { oneOf: [str, int, bool] } }), compatible: true, field: 'k' },
  { rule: 'SUM_TYPE_NARROWED', original: closed({ k: { anyOf: [str, int, bool] } }), update: closed({ k: { anyOf: [str, int] } }), compatible: false, field: 'k' },
  { rule: 'PRODUCT_TYPE_NARROWED', original: closed({ k: { allOf: [{ minLength: 1 }, { maxLength: 9 }] } }), update: closed({ k: { allOf: [{ minLength: 1 }] } }), compatible: true, field: 'k' },
  { rule: 'PRODUCT_TYPE_EXTENDED', original: closed({ k: { allOf: [{ minLength: 1 }] } }), update: closed({ k: { allOf: [{ minLength: 1 }, { maxLength: 9 }] } }), compatible: false, field: 'k' },
  { rule: 'COMBINED_TYPE_EXTENDED', original: closed({ k: { oneOf: [str, int] } }), update: closed({ k: { anyOf: [str, int] } }), compatible: true, field: 'k' },
  { rule: 'COMBINED_TYPE_CHANGED', original: closed({ k: { anyOf: [str, int] } }), update: closed({ k: { oneOf: [str, int] } }), compatible: false, field: 'k' },
  { rule: 'COMBINED_TYPE_SUBSCHEMAS_CHANGED', original: closed({ k: { oneOf: [str, int] } }), update: closed({ k: { oneOf: [str, bool] } }), compatible: false, field: 'k' },
  { rule: 'MAX_LENGTH_INCREASED', original: closed({ k: { oneOf: [{ type: 'string', maxLength: 5 }, int] } }), update: closed({ k: { oneOf: [{ type: 'string', maxLength: 9 }, int] } }), compatible: true, field: 'k' },
  { rule: 'COMBINED_TYPE_SUBSCHEMAS_CHANGED', original: closed({ k: { oneOf: [{ type: 'string', maxLength: 9 }, int] } }), update: closed({ k: { oneOf: [{ type: 'string', maxLength: 5 }, int] } }), compatible: false, field: 'k' },
  { rule: 'SUM_TYPE_EXTENDED', original: closed({ k: str }), update: closed({ k: { anyOf: [str, { type: 'null' }] } }), compatible: true, field: 'k' },
  { rule: 'TYPE_CHANGED', original: closed({ k: int }), update: closed({ k: { anyOf: [str, { type: 'null' }] } }), compatible: false, field: 'k' },
  { rule: 'PRODUCT_TYPE_NARROWED', original: closed({ k: { allOf: [str, { maxLength: 9 }] } }), update: closed({ k: str }), compatible: true, field: 'k' },
  { rule: 'NOT_TYPE_NARROWED', original: closed({ k: { not: { anyOf: [str, int] } } }), update: closed({ k: { not: str } }), compatible: true, field: 'k' },
  { rule: 'NOT_TYPE_EXTENDED', original: closed({ k: { not: str } }), update: closed({ k: { not: { anyOf: [str, int] } } }), compatible: false, field: 'k' },
];

describe('JSON Schema compatibility (Confluent JSON Schema diff rules)', () => {
  for (const c of CASES) {
    it(`${c.rule} is ${c.compatible ? 'compatible' : 'incompatible'} (${JSON.stringify(c.original.properties)} → ${JSON.stringify(c.update.properties)})`, () => {
      const diffs = jsonSchemaDifferences(c.original, c.update);
      const found = diffs.find((d) => d.rule === c.rule);
      expect(found, JSON.stringify(diffs)).toBeDefined();
      if (c.field) expect(found!.field).toBe(c.field);
      expect(jsonIncompatibilities(c.original, c.update).length === 0).toBe(c.compatible);
    });
  }

  it('finds nothing between identical schemas', () => {
    expect(jsonSchemaDifferences(closed({ id: str }, ['id']), closed({ id: str }, ['id']))).toEqual([]);
  });
});
