// The compatibility matrix: every level against the same evolutions, per format. Each row is
// one change to a registered schema and says which rule decides it; the expected verdicts
// follow the level definitions of Confluent's registry (BACKWARD: the new schema reads the
// latest version's records; FORWARD: the latest version reads the new schema's records; FULL:
// both; *_TRANSITIVE: against every version, not just the latest; NONE: no check).
import { describe, expect, it } from 'vitest';
import { compatibilityOf } from './compatibility';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel, type SchemaInput } from './types';

const avroRec = (fields: unknown[]): SchemaInput => ({ schemaType: 'AVRO', schema: { type: 'record', name: 'CustomerRegistered', namespace: 'bank', fields } });
const id = { name: 'id', type: 'string' };
const fax = { name: 'faxNumber', type: ['null', 'string'], default: null };
const faxRequired = { name: 'faxNumber', type: 'string' };
const email = { name: 'email', type: ['null', 'string'], default: null };

type Row = { change: string; rule: string; history: SchemaInput[]; proposed: SchemaInput; ok: CompatibilityLevel[] };
const ALL = COMPATIBILITY_LEVELS;
const only = (...l: CompatibilityLevel[]) => l;

const AVRO_ROWS: Row[] = [
  { change: 'add an optional field with a default', rule: 'reader field default (both ways)', history: [avroRec([id, fax])], proposed: avroRec([id, fax, email]), ok: [...ALL] },
  { change: 'add a required field without default', rule: 'READER_FIELD_MISSING_DEFAULT_VALUE when the new schema reads', history: [avroRec([id])], proposed: avroRec([id, { name: 'email', type: 'string' }]), ok: only('FORWARD', 'FORWARD_TRANSITIVE', 'NONE') },
  { change: 'remove a required field', rule: 'READER_FIELD_MISSING_DEFAULT_VALUE when the old schema reads', history: [avroRec([id, faxRequired])], proposed: avroRec([id]), ok: only('BACKWARD', 'BACKWARD_TRANSITIVE', 'NONE') },
  { change: 'remove an optional field (faxNumber → gone)', rule: 'writer field ignored / reader default', history: [avroRec([id, fax])], proposed: avroRec([id]), ok: [...ALL] },
  { change: 'rename a required field through an alias', rule: 'reader field aliases (the old reader has no alias for the new name)', history: [avroRec([id, faxRequired])], proposed: avroRec([id, { name: 'contact', type: 'string', aliases: ['faxNumber'] }]), ok: only('BACKWARD', 'BACKWARD_TRANSITIVE', 'NONE') },
  { change: 'change a field type string → int', rule: 'TYPE_MISMATCH', history: [avroRec([id, { name: 'n', type: 'string' }])], proposed: avroRec([id, { name: 'n', type: 'int' }]), ok: only('NONE') },
  { change: 'widen int → long', rule: 'promotion (long reads int, int cannot read long)', history: [avroRec([id, { name: 'n', type: 'int' }])], proposed: avroRec([id, { name: 'n', type: 'long' }]), ok: only('BACKWARD', 'BACKWARD_TRANSITIVE', 'NONE') },
  {
    change: 'bring back a removed field with another type',
    rule: 'TYPE_MISMATCH against version 1 only (transitive levels see it)',
    history: [avroRec([id, { name: 'n', type: 'string', default: '' }]), avroRec([id])],
    proposed: avroRec([id, { name: 'n', type: 'int', default: 0 }]),
    ok: only('BACKWARD', 'FORWARD', 'FULL', 'NONE'),
  },
];

const closed = (properties: Record<string, unknown>, required: string[]): SchemaInput => ({ schemaType: 'JSON', schema: { type: 'object', properties, required, additionalProperties: false } });
const open = (properties: Record<string, unknown>, required: string[]): SchemaInput => ({ schemaType: 'JSON', schema: { type: 'object', properties, required } });
const s = { type: 'string' };
const n = { type: 'integer' };
const b = { type: 'boolean' };

const JSON_ROWS: Row[] = [
  { change: 'closed model: add an optional property', rule: 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL; the other way PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', history: [closed({ id: s }, ['id'])], proposed: closed({ id: s, email: s }, ['id']), ok: only('BACKWARD', 'BACKWARD_TRANSITIVE', 'NONE') },
  { change: 'closed model: remove an optional property', rule: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', history: [closed({ id: s, faxNumber: s }, ['id'])], proposed: closed({ id: s }, ['id']), ok: only('FORWARD', 'FORWARD_TRANSITIVE', 'NONE') },
  { change: 'closed model: add a required property', rule: 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', history: [closed({ id: s }, ['id'])], proposed: closed({ id: s, email: s }, ['id', 'email']), ok: only('NONE') },
  { change: 'open model: add a property', rule: 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', history: [open({ id: s }, ['id'])], proposed: open({ id: s, email: s }, ['id']), ok: only('FORWARD', 'FORWARD_TRANSITIVE', 'NONE') },
  { change: 'open model: remove a property', rule: 'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', history: [open({ id: s, faxNumber: s }, ['id'])], proposed: open({ id: s }, ['id']), ok: only('BACKWARD', 'BACKWARD_TRANSITIVE', 'NONE') },
  { change: 'make an optional property required', rule: 'REQUIRED_ATTRIBUTE_ADDED', history: [closed({ id: s, email: s }, ['id'])], proposed: closed({ id: s, email: s }, ['id', 'email']), ok: only('FORWARD', 'FORWARD_TRANSITIVE', 'NONE') },
  { change: 'widen integer → number', rule: 'TYPE_EXTENDED; the other way TYPE_NARROWED', history: [closed({ n: { type: 'integer' } }, [])], proposed: closed({ n: { type: 'number' } }, []), ok: only('BACKWARD', 'BACKWARD_TRANSITIVE', 'NONE') },
  { change: 'only a description changes', rule: 'DESCRIPTION_CHANGED', history: [closed({ id: s }, ['id'])], proposed: closed({ id: { type: 'string', description: 'the id' } }, ['id']), ok: [...ALL] },
  { change: 'oneOf: add a branch', rule: 'SUM_TYPE_EXTENDED; the other way SUM_TYPE_NARROWED', history: [closed({ v: { oneOf: [s, n] } }, [])], proposed: closed({ v: { oneOf: [s, n, b] } }, []), ok: only('BACKWARD', 'BACKWARD_TRANSITIVE', 'NONE') },
  { change: 'anyOf: remove a branch', rule: 'SUM_TYPE_NARROWED; the other way SUM_TYPE_EXTENDED', history: [closed({ v: { anyOf: [s, n, b] } }, [])], proposed: closed({ v: { anyOf: [s, n] } }, []), ok: only('FORWARD', 'FORWARD_TRANSITIVE', 'NONE') },
  { change: 'allOf: drop a member', rule: 'PRODUCT_TYPE_NARROWED; the other way PRODUCT_TYPE_EXTENDED', history: [closed({ v: { allOf: [s, { maxLength: 9 }] } }, [])], proposed: closed({ v: { allOf: [s] } }, []), ok: only('BACKWARD', 'BACKWARD_TRANSITIVE', 'NONE') },
  { change: 'oneOf: a branch changes type', rule: 'COMBINED_TYPE_SUBSCHEMAS_CHANGED both ways', history: [closed({ v: { oneOf: [s, n] } }, [])], proposed: closed({ v: { oneOf: [s, b] } }, []), ok: only('NONE') },
  { change: 'oneOf → anyOf, same branches', rule: 'COMBINED_TYPE_EXTENDED; the other way COMBINED_TYPE_CHANGED', history: [closed({ v: { oneOf: [s, n] } }, [])], proposed: closed({ v: { anyOf: [s, n] } }, []), ok: only('BACKWARD', 'BACKWARD_TRANSITIVE', 'NONE') },
];

function matrix(format: string, rows: Row[]) {
  describe(`${format} compatibility matrix`, () => {
    for (const row of rows) {
      for (const level of COMPATIBILITY_LEVELS) {
        const expected = row.ok.includes(level);
        it(`${row.change} — ${level}: ${expected ? 'compatible' : 'incompatible'} (${row.rule})`, () => {
          const v = compatibilityOf(level, row.proposed, row.history);
          expect(v.compatible, v.messages.join('\n')).toBe(expected);
          expect(v.messages.length === 0).toBe(expected);
          for (const m of v.messages) expect(m).toMatch(new RegExp(`^${level} against version \\d+: [A-Z_]+ at `));
        });
      }
    }
  });
}

matrix('Avro', AVRO_ROWS);
matrix('JSON Schema', JSON_ROWS);

describe('verdict messages', () => {
  it('name the level, the version, the rule and the field', () => {
    const v = compatibilityOf('BACKWARD', avroRec([id, { name: 'email', type: 'string' }]), [avroRec([id])]);
    expect(v.messages).toEqual([
      "BACKWARD against version 1: READER_FIELD_MISSING_DEFAULT_VALUE at /fields/1 (field 'email'): the new schema reads field 'email', which version 1 does not write, and has no default for it.",
    ]);
    expect(v.issues[0]).toMatchObject({ rule: 'READER_FIELD_MISSING_DEFAULT_VALUE', field: 'email', version: 1, direction: 'backward' });
  });

  it('transitive levels check every version and name each one that fails', () => {
    const history = [closed({ id: s, a: s }, ['id']), closed({ id: s, a: s, b: s }, ['id'])];
    const proposed = closed({ id: s }, ['id']);
    expect(compatibilityOf('BACKWARD', proposed, history).issues.map((i) => [i.version, i.field])).toEqual([[2, 'a'], [2, 'b']]);
    expect(compatibilityOf('BACKWARD_TRANSITIVE', proposed, history).issues.map((i) => [i.version, i.field])).toEqual([[2, 'a'], [2, 'b'], [1, 'a']]);
  });

  it('a subject keeps one format', () => {
    const v = compatibilityOf('BACKWARD', closed({ id: s }, ['id']), [avroRec([id])]);
    expect(v.issues.map((i) => i.rule)).toEqual(['SCHEMA_TYPE_CHANGED']);
  });
});
