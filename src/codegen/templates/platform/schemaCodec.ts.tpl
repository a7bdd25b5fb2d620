// Events as contracts on the wire: with SCHEMA_REGISTRY_URL set, the services register their
// events' Avro schemas at start-up (subjects by TopicRecordNameStrategy, each subject's
// compatibility level as on the board, the versions registered on the board first) and write
// events in Confluent's wire format (magic byte 0, the 4-byte schema id, Avro binary) through
// the registry client library of registryLibrary.ts; every record read that is in the wire
// format is decoded with its writer's schema. Without SCHEMA_REGISTRY_URL, events stay JSON.
import type { WireRecord } from '../runtime/wire.js';
import { EVENT_SCHEMAS, type EventSchema } from './eventSchemas.js';
import { createRegistryLibrary } from './registryLibrary.js';

/** What the platform needs from a registry client library (registryLibrary.ts implements it). */
export interface RegistryLibrary {
  /** The library's name, for logs. */
  readonly library: string;
  /** Registers `schema` (Avro, as text) under `subject` at `compatibility`; resolves to its id. */
  register(subject: string, schema: string, compatibility: string): Promise<number>;
  /** The value in the wire format, with the schema of `id`. */
  serialize(topic: string, subject: string, id: number, value: unknown): Promise<Buffer>;
  /** A wire-format value, read with its writer's schema. */
  deserialize(topic: string, bytes: Buffer): Promise<unknown>;
}

export type SchemaRegistryErrorCode = 'REGISTRY_UNREACHABLE' | 'SCHEMA_INCOMPATIBLE' | 'SCHEMA_REFUSED';

export class SchemaRegistryError extends Error {
  constructor(
    message: string,
    readonly code: SchemaRegistryErrorCode,
    readonly retriable: boolean,
  ) {
    super(message);
    this.name = 'SchemaRegistryError';
  }
}

/** The content-type header of an event in the wire format (Avro's media type for binary Avro). */
export const WIRE_CONTENT_TYPE = 'avro/binary';

const isWire = (bytes: Buffer) => bytes.length >= 5 && bytes[0] === 0;

function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Fails fast, naming the URL, when nothing answers there. */
async function reachable(url: string): Promise<void> {
  try {
    await fetch(new URL('/config', url), { signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? errorText(err);
    throw new SchemaRegistryError(
      `The schema registry at ${url} (SCHEMA_REGISTRY_URL) does not answer (${cause}). Start the registry, correct SCHEMA_REGISTRY_URL, or unset it to write events as JSON.`,
      'REGISTRY_UNREACHABLE',
      true,
    );
  }
}

function refused(url: string, e: EventSchema, version: number, err: unknown): SchemaRegistryError {
  const which = version < e.versions.length ? `version ${version} of ${e.eventType}'s schema (as registered on the board)` : `${e.eventType}'s current schema`;
  if (statusOf(err) === 409) {
    return new SchemaRegistryError(
      `The schema registry at ${url} refused ${which} for subject "${e.subject}" as incompatible with the versions it holds (level ${e.compatibility}): ${errorText(err)}. Make the change compatible on the board (a default for a new field, keep a removed field optional, rename through an alias) and export again, or change the subject's level in the registry.`,
      'SCHEMA_INCOMPATIBLE',
      false,
    );
  }
  return new SchemaRegistryError(`The schema registry at ${url} did not register ${which} for subject "${e.subject}": ${errorText(err)}`, 'SCHEMA_REFUSED', statusOf(err) === undefined || statusOf(err)! >= 500);
}

/** Avro writes an absent optional field as null; the services' payloads leave it out. */
function withoutNulls(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== null) out[k] = v;
  return out;
}

export class SchemaCodec {
  private constructor(
    private readonly registry: RegistryLibrary,
    readonly url: string,
    /** Event type → its subject, topic and registered id. */
    private readonly ids: ReadonlyMap<string, { subject: string; topic: string; perInstance: boolean; id: number }[]>,
  ) {}

  get library(): string {
    return this.registry.library;
  }

  /** Registers the events of `services` (every service when null) and returns the codec; SchemaRegistryError when it cannot. */
  static async start(url: string, services: readonly string[] | null): Promise<SchemaCodec> {
    await reachable(url);
    const registry = createRegistryLibrary(url);
    const ids = new Map<string, { subject: string; topic: string; perInstance: boolean; id: number }[]>();
    for (const e of EVENT_SCHEMAS) {
      if (services && !services.includes(e.service)) continue;
      let id = 0;
      for (const [i, schema] of e.versions.entries()) {
        try {
          id = await registry.register(e.subject, schema, e.compatibility);
        } catch (err) {
          throw refused(url, e, i + 1, err);
        }
      }
      ids.set(e.eventType, [...(ids.get(e.eventType) ?? []), { subject: e.subject, topic: e.topic, perInstance: e.perInstance, id }]);
    }
    return new SchemaCodec(registry, url, ids);
  }

  /** The record's value as written: an event of a registered type in the wire format, anything else as it is. */
  async encode(topic: string, record: WireRecord): Promise<{ value: Buffer | string; headers: Record<string, string> }> {
    const type = record.headers['event-type'];
    const entry = type === undefined ? undefined : this.ids.get(type)?.find((x) => x.topic === topic || (x.perInstance && topic.startsWith(`${x.topic}.`)));
    if (!entry) return { value: record.value, headers: { ...record.headers } };
    const value = await this.registry.serialize(topic, entry.subject, entry.id, JSON.parse(record.value) as unknown);
    return { value, headers: { ...record.headers, 'content-type': WIRE_CONTENT_TYPE } };
  }

  /** A record value as the services read it (JSON text): wire-format values decoded with their writer's schema. */
  async decode(topic: string, bytes: Buffer): Promise<string> {
    if (!isWire(bytes)) return bytes.toString();
    return JSON.stringify(withoutNulls(await this.registry.deserialize(topic, bytes)));
  }
}
