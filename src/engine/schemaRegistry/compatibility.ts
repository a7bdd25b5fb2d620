// The seven compatibility levels over the two formats' reader/writer rules: which registered
// versions a proposal is checked against (the latest, or all for *_TRANSITIVE), in which
// direction (BACKWARD: the new schema reads old records; FORWARD: old readers read new records;
// FULL: both), and one message per broken rule naming the rule, the field and the version.
import { avroReaderWriterIssues, type AvroIssue } from './avroCompatibility';
import { jsonIncompatibilities, type JsonIssue } from './jsonCompatibility';
import { parseSchema, type ParsedSchema } from './schemaFormats';
import type { CompatibilityLevel, CompatibilityVerdict, Incompatibility, SchemaInput } from './types';

export interface VersionedSchema {
  version: number;
  schema: ParsedSchema;
}

type Direction = Incompatibility['direction'];

function directions(level: CompatibilityLevel): Direction[] {
  if (level.startsWith('BACKWARD')) return ['backward'];
  if (level.startsWith('FORWARD')) return ['forward'];
  if (level.startsWith('FULL')) return ['backward', 'forward'];
  return [];
}

function avroWords(issue: AvroIssue, reader: string, writer: string): string {
  const f = issue.field ? `'${issue.field}'` : 'the value';
  switch (issue.rule) {
    case 'READER_FIELD_MISSING_DEFAULT_VALUE':
      return `${reader} reads field ${f}, which ${writer} does not write, and has no default for it`;
    case 'TYPE_MISMATCH':
      return `${reader} cannot read ${f} as ${writer} writes it (${issue.detail})`;
    case 'MISSING_ENUM_SYMBOLS':
      return `${writer} may write symbols ${issue.detail} of ${f} that ${reader} does not know and has no default symbol for`;
    case 'MISSING_UNION_BRANCH':
      return `${reader} has no branch for what ${writer} may write in ${f} (${issue.detail})`;
    case 'NAME_MISMATCH':
      return `${reader} names the type of ${f} differently from ${writer} (${issue.detail}); keep the name or list the old one in "aliases"`;
    case 'FIXED_SIZE_MISMATCH':
      return `the fixed size of ${f} differs (${issue.detail})`;
  }
}

function jsonWords(issue: JsonIssue, reader: string, writer: string): string {
  const p = issue.field ? `property '${issue.field}'` : 'the record';
  switch (issue.rule) {
    case 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL':
      return `${p} is gone from a closed content model (additionalProperties: false), so ${reader} refuses ${writer}'s records that carry it`;
    case 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL':
      return `${p} is added to an open content model, where ${writer}'s records may already carry it with any value`;
    case 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL':
    case 'REQUIRED_ATTRIBUTE_ADDED':
      return `${reader} requires ${p}, which ${writer}'s records may lack (give it a default or keep it optional)`;
    default:
      return `${reader} may refuse ${p} as ${writer} accepts it`;
  }
}

/** Can `reader` read what `writer` wrote? Issues in the registry's words. */
function issuesBetween(reader: ParsedSchema, writer: ParsedSchema, direction: Direction, version: number): Incompatibility[] {
  const readerName = direction === 'backward' ? 'the new schema' : `version ${version}`;
  const writerName = direction === 'backward' ? `version ${version}` : 'the new schema';
  if (reader.schemaType !== writer.schemaType) {
    return [{ rule: 'SCHEMA_TYPE_CHANGED', path: '/', direction, version, message: `${readerName} is ${reader.schemaType} and ${writerName} is ${writer.schemaType}: a subject keeps one format` }];
  }
  if (reader.schemaType === 'AVRO') {
    return avroReaderWriterIssues(reader.avro!, writer.avro!).map((i) => ({
      rule: i.rule,
      path: i.path,
      ...(i.field ? { field: i.field } : {}),
      direction,
      version,
      message: avroWords(i, readerName, writerName),
    }));
  }
  // Confluent's JSON diff runs from the schema that wrote to the one that reads.
  return jsonIncompatibilities(writer.json as Record<string, unknown>, reader.json as Record<string, unknown>).map((i) => ({
    rule: i.rule,
    path: i.path,
    ...(i.field ? { field: i.field } : {}),
    direction,
    version,
    message: jsonWords(i, readerName, writerName),
  }));
}

export function formatIssue(level: CompatibilityLevel, i: Incompatibility): string {
  return `${level} against version ${i.version}: ${i.rule} at ${i.path}${i.field ? ` (field '${i.field}')` : ''}: ${i.message}.`;
}

/** The verdict on `proposed` for a subject whose registered versions are `previous` (oldest first). */
export function checkCompatibility(level: CompatibilityLevel, proposed: ParsedSchema, previous: readonly VersionedSchema[]): CompatibilityVerdict {
  const against = level.endsWith('_TRANSITIVE') ? [...previous].reverse() : previous.slice(-1);
  const issues: Incompatibility[] = [];
  for (const dir of directions(level)) {
    for (const { version, schema } of against) {
      issues.push(...(dir === 'backward' ? issuesBetween(proposed, schema, dir, version) : issuesBetween(schema, proposed, dir, version)));
    }
  }
  return { compatible: issues.length === 0, level, messages: issues.map((i) => formatIssue(level, i)), issues };
}

/** The same verdict without a registry: `previous` are the registered versions, oldest first (version = index + 1). */
export function compatibilityOf(level: CompatibilityLevel, proposed: SchemaInput, previous: readonly SchemaInput[]): CompatibilityVerdict {
  return checkCompatibility(level, parseSchema(proposed), previous.map((p, i) => ({ version: i + 1, schema: parseSchema(p) })));
}
