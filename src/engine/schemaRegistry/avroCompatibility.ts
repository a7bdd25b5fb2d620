// Avro schema resolution as Avro's Java implementation checks it
// (org.apache.avro.SchemaCompatibility, the checker Confluent's registry runs): can a reader
// with one schema decode what a writer with another wrote? Rules and names are Java's:
// NAME_MISMATCH, FIXED_SIZE_MISMATCH, MISSING_ENUM_SYMBOLS, READER_FIELD_MISSING_DEFAULT_VALUE,
// TYPE_MISMATCH, MISSING_UNION_BRANCH; locations are JSON pointers into the reader schema.
// Logical types are ignored (Java compares the underlying types). avsc's createResolver is
// the independent check in the tests (avroCompatibility.test.ts).
import type { AvroType } from 'avsc/etc/browser/avsc-types.js';

export interface AvroIssue {
  rule: 'NAME_MISMATCH' | 'FIXED_SIZE_MISMATCH' | 'MISSING_ENUM_SYMBOLS' | 'READER_FIELD_MISSING_DEFAULT_VALUE' | 'TYPE_MISMATCH' | 'MISSING_UNION_BRANCH';
  /** JSON pointer into the reader schema. */
  path: string;
  /** The record field concerned (outermost first, dotted), when there is one. */
  field?: string;
  detail: string;
}

/** The Avro type name Java switches on: union and logical wrappers reduced. */
function kind(t: AvroType): string {
  const n = t.typeName;
  if (n.startsWith('union')) return 'union';
  if (n.startsWith('logical')) return t.underlyingType ? kind(t.underlyingType) : n;
  return n === 'error' ? 'record' : n;
}
const base = (t: AvroType): AvroType => (t.typeName.startsWith('logical') && t.underlyingType ? base(t.underlyingType) : t);
const simpleName = (full: string | undefined) => (full ?? '').split('.').pop() ?? '';

/** Java's "writer type" wording in messages: the upper-case Avro type. */
const typeWord = (t: AvroType) => kind(t).toUpperCase();

class Checker {
  /** Pairs under check (recursive named types): assumed compatible, as Java's memo does. */
  private readonly inProgress = new Map<AvroType, Set<AvroType>>();

  check(readerIn: AvroType, writerIn: AvroType, path: string, field: string | undefined): AvroIssue[] {
    const reader = base(readerIn);
    const writer = base(writerIn);
    let seen = this.inProgress.get(reader);
    if (seen?.has(writer)) return [];
    if (!seen) this.inProgress.set(reader, (seen = new Set()));
    seen.add(writer);
    try {
      return this.compare(reader, writer, path, field);
    } finally {
      seen.delete(writer);
    }
  }

  private issue(rule: AvroIssue['rule'], path: string, field: string | undefined, detail: string): AvroIssue[] {
    return [{ rule, path: path || '/', ...(field ? { field } : {}), detail }];
  }

  private nameMatches(reader: AvroType, writer: AvroType): boolean {
    // Java's schemaNameEquals: same simple name, or the writer's full name among the reader's aliases.
    return simpleName(reader.name) === simpleName(writer.name) || (reader.aliases ?? []).includes(writer.name ?? '');
  }

  private compare(reader: AvroType, writer: AvroType, path: string, field: string | undefined): AvroIssue[] {
    const rk = kind(reader);
    const wk = kind(writer);
    if (rk === wk) {
      switch (rk) {
        case 'null':
        case 'boolean':
        case 'int':
        case 'long':
        case 'float':
        case 'double':
        case 'bytes':
        case 'string':
          return [];
        case 'array':
          return this.check(reader.itemsType!, writer.itemsType!, `${path}/items`, field);
        case 'map':
          return this.check(reader.valuesType!, writer.valuesType!, `${path}/values`, field);
        case 'fixed': {
          if (!this.nameMatches(reader, writer)) return this.issue('NAME_MISMATCH', `${path}/name`, field, `expected: ${writer.name}`);
          if (reader.size !== writer.size) return this.issue('FIXED_SIZE_MISMATCH', `${path}/size`, field, `expected: ${writer.size}, found: ${reader.size}`);
          return [];
        }
        case 'enum': {
          if (!this.nameMatches(reader, writer)) return this.issue('NAME_MISMATCH', `${path}/name`, field, `expected: ${writer.name}`);
          // Avro 1.9+: a reader enum with a default reads unknown symbols as it.
          if (reader.default !== undefined) return [];
          const missing = (writer.symbols ?? []).filter((s) => !(reader.symbols ?? []).includes(s));
          return missing.length ? this.issue('MISSING_ENUM_SYMBOLS', `${path}/symbols`, field, `[${missing.join(', ')}]`) : [];
        }
        case 'record': {
          if (!this.nameMatches(reader, writer)) return this.issue('NAME_MISMATCH', `${path}/name`, field, `expected: ${writer.name}`);
          const out: AvroIssue[] = [];
          (reader.fields ?? []).forEach((rf, i) => {
            const wf = (writer.fields ?? []).find((f) => f.name === rf.name) ?? rf.aliases.map((a) => (writer.fields ?? []).find((f) => f.name === a)).find((f) => f !== undefined);
            const name = field ? `${field}.${rf.name}` : rf.name;
            if (!wf) {
              if (rf.defaultValue() === undefined) out.push(...this.issue('READER_FIELD_MISSING_DEFAULT_VALUE', `${path}/fields/${i}`, name, rf.name));
            } else {
              out.push(...this.check(rf.type, wf.type, `${path}/fields/${i}/type`, name));
            }
          });
          return out;
        }
        case 'union': {
          // Every branch the writer may have written must be readable by the reader union.
          const out: AvroIssue[] = [];
          (writer.types ?? []).forEach((wb, i) => {
            if (this.check(reader, wb, path, field).length > 0) out.push(...this.issue('MISSING_UNION_BRANCH', `${path}/${i}`, field, `reader union lacking writer type: ${typeWord(wb)}`));
          });
          return out;
        }
      }
    }
    // Different types. A writer union: each of its branches must be readable.
    if (wk === 'union') {
      const out: AvroIssue[] = [];
      for (const wb of writer.types ?? []) out.push(...this.check(reader, wb, path, field));
      return out;
    }
    const mismatch = () => this.issue('TYPE_MISMATCH', path, field, `reader type: ${typeWord(reader)} not compatible with writer type: ${typeWord(writer)}`);
    switch (rk) {
      case 'long':
        return wk === 'int' ? [] : mismatch();
      case 'float':
        return wk === 'int' || wk === 'long' ? [] : mismatch();
      case 'double':
        return wk === 'int' || wk === 'long' || wk === 'float' ? [] : mismatch();
      case 'bytes':
        return wk === 'string' ? [] : mismatch();
      case 'string':
        return wk === 'bytes' ? [] : mismatch();
      case 'union': {
        for (const rb of reader.types ?? []) if (this.check(rb, writer, path, field).length === 0) return [];
        return this.issue('MISSING_UNION_BRANCH', path, field, `reader union lacking writer type: ${typeWord(writer)}`);
      }
      default:
        return mismatch();
    }
  }
}

/** What stops `reader` from reading records written with `writer` (empty: it can). */
export function avroReaderWriterIssues(reader: AvroType, writer: AvroType): AvroIssue[] {
  return new Checker().check(reader, writer, '', undefined);
}
