// Avro reader/writer resolution, case by case: each case names the rule of Avro's Java
// SchemaCompatibility it pins, and avsc's createResolver (an independent implementation of
// the spec's resolution) must agree on whether the reader can read the writer's records.
import avro from 'avsc/etc/browser/avsc-types.js';
import { describe, expect, it } from 'vitest';
import { avroReaderWriterIssues } from './avroCompatibility';

const rec = (fields: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'record', name: 'Customer', namespace: 'bank', fields, ...extra });
const f = (name: string, type: unknown, extra: Record<string, unknown> = {}) => ({ name, type, ...extra });
const opt = (name: string, type: unknown) => ({ name, type: ['null', type], default: null });
const en = (symbols: string[], extra: Record<string, unknown> = {}) => ({ type: 'enum', name: 'Kind', symbols, ...extra });

interface Case {
  rule: string;
  why: string;
  reader: unknown;
  writer: unknown;
  /** The rule broken, or null when the reader reads the writer's records. */
  broken: string | null;
  path?: string;
  field?: string;
}

const CASES: Case[] = [
  { rule: 'same schema', why: 'identical schemas resolve', reader: rec([f('id', 'string')]), writer: rec([f('id', 'string')]), broken: null },
  { rule: 'writer field ignored', why: 'a field only the writer has is skipped', reader: rec([f('id', 'string')]), writer: rec([f('id', 'string'), f('faxNumber', 'string')]), broken: null },
  { rule: 'reader field default', why: 'a reader field the writer lacks takes its default', reader: rec([f('id', 'string'), opt('email', 'string')]), writer: rec([f('id', 'string')]), broken: null },
  { rule: 'READER_FIELD_MISSING_DEFAULT_VALUE', why: 'a reader field without default the writer lacks', reader: rec([f('id', 'string'), f('email', 'string')]), writer: rec([f('id', 'string')]), broken: 'READER_FIELD_MISSING_DEFAULT_VALUE', path: '/fields/1', field: 'email' },
  { rule: 'field alias', why: 'a reader field finds the writer field through its aliases', reader: rec([f('email', 'string', { aliases: ['faxNumber'] })]), writer: rec([f('faxNumber', 'string')]), broken: null },
  { rule: 'READER_FIELD_MISSING_DEFAULT_VALUE (rename without alias)', why: 'a renamed field without alias or default', reader: rec([f('email', 'string')]), writer: rec([f('faxNumber', 'string')]), broken: 'READER_FIELD_MISSING_DEFAULT_VALUE', path: '/fields/0', field: 'email' },
  { rule: 'promotion int→long', why: 'int promotes to long', reader: rec([f('n', 'long')]), writer: rec([f('n', 'int')]), broken: null },
  { rule: 'promotion int→float', why: 'int promotes to float', reader: rec([f('n', 'float')]), writer: rec([f('n', 'int')]), broken: null },
  { rule: 'promotion long→double', why: 'long promotes to double', reader: rec([f('n', 'double')]), writer: rec([f('n', 'long')]), broken: null },
  { rule: 'promotion float→double', why: 'float promotes to double', reader: rec([f('n', 'double')]), writer: rec([f('n', 'float')]), broken: null },
  { rule: 'promotion string↔bytes', why: 'string reads bytes', reader: rec([f('n', 'string')]), writer: rec([f('n', 'bytes')]), broken: null },
  { rule: 'promotion bytes↔string', why: 'bytes reads string', reader: rec([f('n', 'bytes')]), writer: rec([f('n', 'string')]), broken: null },
  { rule: 'TYPE_MISMATCH (narrowing)', why: 'long does not narrow to int', reader: rec([f('n', 'int')]), writer: rec([f('n', 'long')]), broken: 'TYPE_MISMATCH', path: '/fields/0/type', field: 'n' },
  { rule: 'TYPE_MISMATCH (string→int)', why: 'unrelated primitive types', reader: rec([f('n', 'int')]), writer: rec([f('n', 'string')]), broken: 'TYPE_MISMATCH', path: '/fields/0/type', field: 'n' },
  { rule: 'TYPE_MISMATCH (double→float)', why: 'double does not narrow to float', reader: rec([f('n', 'float')]), writer: rec([f('n', 'double')]), broken: 'TYPE_MISMATCH', path: '/fields/0/type', field: 'n' },
  { rule: 'NAME_MISMATCH', why: 'records of different names', reader: rec([f('id', 'string')], { name: 'Client' }), writer: rec([f('id', 'string')]), broken: 'NAME_MISMATCH', path: '/name' },
  { rule: 'record alias', why: 'a renamed record lists the writer full name among its aliases', reader: rec([f('id', 'string')], { name: 'Client', aliases: ['bank.Customer'] }), writer: rec([f('id', 'string')]), broken: null },
  { rule: 'enum symbols added', why: 'a reader enum with more symbols', reader: rec([f('k', en(['A', 'B', 'C']))]), writer: rec([f('k', en(['A', 'B']))]), broken: null },
  { rule: 'MISSING_ENUM_SYMBOLS', why: 'the writer may write a symbol the reader lacks', reader: rec([f('k', en(['A']))]), writer: rec([f('k', en(['A', 'B']))]), broken: 'MISSING_ENUM_SYMBOLS', path: '/fields/0/type/symbols', field: 'k' },
  { rule: 'enum default (Avro 1.9)', why: 'a reader enum default covers unknown symbols', reader: rec([f('k', en(['A', 'U'], { default: 'U' }))]), writer: rec([f('k', en(['A', 'B']))]), broken: null },
  { rule: 'FIXED_SIZE_MISMATCH', why: 'fixed of another size', reader: rec([f('h', { type: 'fixed', name: 'H', size: 16 })]), writer: rec([f('h', { type: 'fixed', name: 'H', size: 8 })]), broken: 'FIXED_SIZE_MISMATCH', path: '/fields/0/type/size', field: 'h' },
  { rule: 'union reader takes a plain writer', why: 'a writer type found among the reader union branches', reader: rec([opt('e', 'string')]), writer: rec([f('e', 'string')]), broken: null },
  { rule: 'MISSING_UNION_BRANCH (plain writer)', why: 'no reader branch for the writer type', reader: rec([f('e', ['null', 'int'], { default: null })]), writer: rec([f('e', 'string')]), broken: 'MISSING_UNION_BRANCH', path: '/fields/0/type', field: 'e' },
  { rule: 'TYPE_MISMATCH (writer union branch)', why: 'optional writer field read as required: the null branch does not resolve', reader: rec([f('e', 'string')]), writer: rec([opt('e', 'string')]), broken: 'TYPE_MISMATCH', path: '/fields/0/type', field: 'e' },
  { rule: 'union widened', why: 'every writer branch has a reader branch', reader: rec([f('e', ['null', 'string', 'int'], { default: null })]), writer: rec([opt('e', 'string')]), broken: null },
  { rule: 'MISSING_UNION_BRANCH (union to union)', why: 'a writer branch the reader union lacks', reader: rec([opt('e', 'string')]), writer: rec([f('e', ['null', 'string', 'int'], { default: null })]), broken: 'MISSING_UNION_BRANCH', path: '/fields/0/type/2', field: 'e' },
  { rule: 'array items', why: 'arrays resolve item by item (int → long)', reader: rec([f('xs', { type: 'array', items: 'long' })]), writer: rec([f('xs', { type: 'array', items: 'int' })]), broken: null },
  { rule: 'TYPE_MISMATCH in array items', why: 'items that do not resolve', reader: rec([f('xs', { type: 'array', items: 'int' })]), writer: rec([f('xs', { type: 'array', items: 'string' })]), broken: 'TYPE_MISMATCH', path: '/fields/0/type/items', field: 'xs' },
  { rule: 'map values', why: 'maps resolve value by value', reader: rec([f('m', { type: 'map', values: 'double' })]), writer: rec([f('m', { type: 'map', values: 'float' })]), broken: null },
  { rule: 'nested record field', why: 'rules apply inside nested records, with the field path', reader: rec([f('address', { type: 'record', name: 'Address', fields: [f('zip', 'string')] })]), writer: rec([f('address', { type: 'record', name: 'Address', fields: [f('street', 'string')] })]), broken: 'READER_FIELD_MISSING_DEFAULT_VALUE', path: '/fields/0/type/fields/0', field: 'address.zip' },
  { rule: 'logical types ignored', why: 'timestamp-millis reads a plain long, as Java compares underlying types', reader: rec([f('at', { type: 'long', logicalType: 'timestamp-millis' })]), writer: rec([f('at', 'long')]), broken: null },
  { rule: 'recursive record', why: 'a recursive type terminates', reader: { type: 'record', name: 'Node', fields: [f('next', ['null', 'Node'], { default: null })] }, writer: { type: 'record', name: 'Node', fields: [f('next', ['null', 'Node'], { default: null })] }, broken: null },
];

describe('Avro reader/writer compatibility (Java SchemaCompatibility rules)', () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.why}`, () => {
      const reader = avro.Type.forSchema(c.reader);
      const writer = avro.Type.forSchema(c.writer);
      const issues = avroReaderWriterIssues(reader, writer);
      if (c.broken === null) expect(issues).toEqual([]);
      else {
        expect(issues.map((i) => i.rule)).toEqual([c.broken]);
        if (c.path) expect(issues[0]!.path).toBe(c.path);
        if (c.field) expect(issues[0]!.field).toBe(c.field);
      }
      // avsc agrees on whether the resolution exists.
      let avscResolves = true;
      try {
        reader.createResolver(writer);
      } catch {
        avscResolves = false;
      }
      expect(avscResolves, 'avsc createResolver').toBe(c.broken === null);
    });
  }
});
