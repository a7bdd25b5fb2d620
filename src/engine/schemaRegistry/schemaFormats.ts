// A parsed schema of either format with its codec: Avro through avsc (binary encoding, the
// writer's schema resolved to a reader's), JSON Schema through ajv (validated, then UTF-8
// JSON). Parsing refuses what Confluent's registry refuses as INVALID_SCHEMA; encoding refuses
// a value that does not match, naming the field, so nothing unmatched reaches a topic.
import avro, { type AvroType } from 'avsc/etc/browser/avsc-types.js';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { toBytes, utf8 } from '../codec/bytes';
import { InvalidSchemaError, SchemaMismatchError } from '../errors';
import { ByteSlab } from '../codec/byteSlab';
import { AvroDecimal, asAvroBuffer, avroBufferClass } from './avroDecimal';
import { frame, WIRE_HEADER_BYTES, writeHeader } from './wireFormat';
import type { SchemaInput, SchemaType } from './types';

export interface ParsedSchema {
  readonly schemaType: SchemaType;
  /** Canonical text: the parsed schema written back with JSON.stringify. */
  readonly canonical: string;
  readonly json: unknown;
  /** Avro: the record's full name; JSON: its title (TopicRecordNameStrategy's record name). */
  readonly recordName: string | undefined;
  readonly avro?: AvroType;
  /** Serialises a value (no wire-format header); throws SchemaMismatchError when it does not match. */
  encode(value: unknown): Uint8Array;
  /** The value in the wire format under schema id `id` (header + encode's bytes). */
  encodeWire(id: number, value: unknown): Uint8Array;
  /** Reads bytes written with this schema, as `reader` sees them when given (Avro resolution). */
  decode(bytes: Uint8Array, reader?: ParsedSchema): unknown;
}

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });

function parseJsonText(schema: SchemaInput['schema'], schemaType: SchemaType): unknown {
  if (typeof schema !== 'string') return schema;
  try {
    return JSON.parse(schema);
  } catch (e) {
    // An Avro schema may be a bare primitive name ("string").
    if (schemaType === 'AVRO' && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(schema.trim())) return schema.trim();
    throw new InvalidSchemaError(`The ${schemaType} schema is not valid JSON: ${(e as Error).message}`);
  }
}

export function parseSchema(input: SchemaInput): ParsedSchema {
  const schemaType = input.schemaType ?? 'AVRO';
  if (schemaType !== 'AVRO' && schemaType !== 'JSON') throw new InvalidSchemaError(`Unknown schema type "${String(schemaType)}": use AVRO or JSON.`);
  const json = parseJsonText(input.schema, schemaType);
  return schemaType === 'AVRO' ? avroSchema(json) : jsonSchema(json);
}

function avroSchema(json: unknown): ParsedSchema {
  let type: AvroType;
  try {
    type = avro.Type.forSchema(json, { logicalTypes: { decimal: AvroDecimal }, wrapUnions: 'auto' });
  } catch (e) {
    throw new InvalidSchemaError(`Invalid Avro schema: ${(e as Error).message}`);
  }
  const resolvers = new Map<AvroType, unknown>();
  return {
    schemaType: 'AVRO',
    canonical: JSON.stringify(json),
    json,
    recordName: type.typeName === 'record' ? type.name : undefined,
    avro: type,
    encode(value) {
      avroBufferClass(); // before toBuffer, never inside it (avroDecimal.ts)
      try {
        return type.toBuffer(value);
      } catch {
        throw mismatch(type, value);
      }
    },
    encodeWire(id, value) {
      let end: number;
      try {
        end = encodeAfterHeader(type, value);
      } catch {
        throw mismatch(type, value);
      }
      writeHeader(scratchBytes, id);
      return wireSlab.copy(scratchBytes, end);
    },
    decode(bytes, reader) {
      const buf = asAvroBuffer(bytes);
      if (!reader || reader === this) return type.fromBuffer(buf);
      const rt = reader.avro;
      if (!rt) throw new SchemaMismatchError('An Avro record can only be read with an Avro reader schema.');
      let resolver = resolvers.get(rt);
      if (!resolver) resolvers.set(rt, (resolver = rt.createResolver(type)));
      return rt.fromBuffer(buf, resolver);
    },
  };
}

function mismatch(type: AvroType, value: unknown): SchemaMismatchError {
  return new SchemaMismatchError(`The value does not match the Avro schema${type.name ? ` ${type.name}` : ''}: ${avroProblems(type, value).join('; ')}.`, { problems: avroProblems(type, value) });
}

// Avro values are written into one scratch buffer and copied to a slab: toBuffer and framing
// would give every event two buffers of its own, and V8 allocates an ArrayBuffer's bytes
// outside its heap at several times the cost of a slab view (codec/byteSlab.ts). A value is
// copied into its record batch when sent, so a slab lives no longer than its last unsent value.
// The scratch bytes as avsc writes them (its Buffer) and as a plain Uint8Array: a Buffer's
// slice() is a view, not the copy a value needs.
let scratchAvro: Uint8Array | null = null;
let scratchBytes = new Uint8Array(0);
const wireSlab = new ByteSlab();

/** Encodes `value` at offset 5 of the scratch buffer (grown when short); returns where it ends. */
function encodeAfterHeader(type: AvroType, value: unknown): number {
  let avroView = scratchAvro ?? newScratch(4096);
  for (;;) {
    const end = type.encode(value, avroView, WIRE_HEADER_BYTES);
    if (end >= 0) return end;
    avroView = newScratch(2 * (scratchBytes.length - end));
  }
}

function newScratch(size: number): Uint8Array {
  const buffer = new ArrayBuffer(size);
  scratchBytes = new Uint8Array(buffer);
  scratchAvro = avroBufferClass().from(buffer, 0, size);
  return scratchAvro;
}

/** Which fields of `value` the Avro type refuses, as "field 'x' (value): expected type". */
function avroProblems(type: AvroType, value: unknown): string[] {
  const out: string[] = [];
  type.isValid(value, {
    errorHook(path, v, t) {
      const where = path.length ? `field '${path.join('.')}'` : 'the value';
      out.push(`${where} is ${v === undefined ? 'missing' : JSON.stringify(v)}, expected ${describeAvro(t)}`);
    },
  });
  return out.length ? out : ['it cannot be encoded'];
}

function describeAvro(t: AvroType): string {
  const s = t.schema();
  return typeof s === 'string' ? s : JSON.stringify(s);
}

function jsonSchema(json: unknown): ParsedSchema {
  if (typeof json !== 'object' && typeof json !== 'boolean') throw new InvalidSchemaError('A JSON Schema must be an object or a boolean.');
  let validate: ValidateFunction;
  try {
    // ajv's 2020-12 dialect; the "$schema" keyword is left out so draft-07 schemas compile too.
    const { $schema: _ignored, ...rest } = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    validate = ajv.compile(typeof json === 'boolean' ? json : rest);
  } catch (e) {
    throw new InvalidSchemaError(`Invalid JSON Schema: ${(e as Error).message}`);
  }
  const title = typeof json === 'object' && json !== null ? (json as { title?: unknown }).title : undefined;
  return {
    schemaType: 'JSON',
    canonical: JSON.stringify(json),
    json,
    recordName: typeof title === 'string' ? title : undefined,
    encode(value) {
      if (!validate(value)) {
        const problems = (validate.errors ?? []).map((e) => `${e.instancePath ? `field '${e.instancePath.slice(1).replace(/\//g, '.')}'` : 'the value'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` ('${String(e.params.additionalProperty)}')` : ''}`);
        throw new SchemaMismatchError(`The value does not match the JSON Schema${typeof title === 'string' ? ` ${title}` : ''}: ${problems.join('; ')}.`, { problems });
      }
      return toBytes(JSON.stringify(value));
    },
    encodeWire(id, value) {
      return frame(id, this.encode(value));
    },
    decode(bytes) {
      return JSON.parse(utf8(bytes)) as unknown;
    },
  };
}
