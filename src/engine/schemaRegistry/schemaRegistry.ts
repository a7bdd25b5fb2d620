// cluster.schemaRegistry: subjects, versions, global ids and compatibility levels, shaped like
// Confluent's Schema Registry and @kafkajs/confluent-schema-registry. Like Confluent's, it
// keeps its state in a compacted topic (here the internal __schemas: the engine treats "__"
// topics as internal), one record per registered version and per compatibility setting, keyed
// as Confluent keys them; a cluster reopened from IndexedDB reads it back on first use.
// Registrations are serialised, so ids and versions are handed out in order.
import { encodeBatches } from '../codec/recordBatch';
import type { Engine } from '../broker/engine';
import { IncompatibleSchemaError, InvalidCompatibilityLevelError, SchemaNotFoundError } from '../errors';
import { checkCompatibility, type VersionedSchema } from './compatibility';
import { parseSchema, type ParsedSchema } from './schemaFormats';
import { COMPATIBILITY_LEVELS, DEFAULT_COMPATIBILITY, type CompatibilityLevel, type CompatibilityVerdict, type RegisteredSchema, type SchemaInput, type SchemaType } from './types';
import { unframe } from './wireFormat';

export const SCHEMAS_TOPIC = '__schemas';

interface Subject {
  /** Schema id of each version, version n at index n − 1. */
  ids: number[];
  level?: CompatibilityLevel;
}

type SchemaKey = { keytype: 'SCHEMA'; subject: string; version: number; magic: 1 } | { keytype: 'CONFIG'; subject: string | null; magic: 0 };

export class SchemaRegistry {
  private readonly subjectsByName = new Map<string, Subject>();
  private readonly byId = new Map<number, ParsedSchema>();
  private readonly idByText = new Map<string, number>();
  private globalLevel: CompatibilityLevel = DEFAULT_COMPATIBILITY;
  private loaded: Promise<void> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly engine: Engine) {}

  /** Reads __schemas once (after a reopen it holds what was registered before). */
  ready(): Promise<void> {
    return (this.loaded ??= this.load());
  }

  private async load(): Promise<void> {
    if (!this.engine.topics.get(SCHEMAS_TOPIC)) return;
    const log = this.engine.log(SCHEMAS_TOPIC, 0);
    for (let at = log.logStartOffset; at < log.highWatermark; ) {
      const recs = await log.read(at);
      if (recs.length === 0) break;
      for (const r of recs) if (r.key && r.value) this.apply(JSON.parse(r.key.toString()) as SchemaKey, JSON.parse(r.value.toString()) as Record<string, unknown>);
      at = recs[recs.length - 1]!.offset + 1;
    }
  }

  private apply(key: SchemaKey, value: Record<string, unknown>): void {
    if (key.keytype === 'CONFIG') {
      const level = value.compatibilityLevel as CompatibilityLevel;
      if (key.subject === null) this.globalLevel = level;
      else this.subject(key.subject).level = level;
      return;
    }
    const id = value.id as number;
    const parsed = parseSchema({ schemaType: value.schemaType as SchemaType, schema: value.schema as string });
    this.byId.set(id, parsed);
    this.idByText.set(`${parsed.schemaType}\u0000${parsed.canonical}`, id);
    this.subject(key.subject).ids[key.version - 1] = id;
  }

  private subject(name: string): Subject {
    let s = this.subjectsByName.get(name);
    if (!s) this.subjectsByName.set(name, (s = { ids: [] }));
    return s;
  }

  private async write(key: SchemaKey, value: Record<string, unknown>): Promise<void> {
    await this.engine.ensureInternalTopic(SCHEMAS_TOPIC, 1);
    const now = this.engine.clock.now();
    const batches = encodeBatches([{ key: JSON.stringify(key), value: JSON.stringify(value), timestamp: now }], {}, 60 * 1024);
    // acks=1: answered once the leader has it, so a registration on a virtual clock does not wait for time to move.
    await this.engine.appendToPartition(SCHEMAS_TOPIC, 0, batches, 1, {});
    this.apply(key, value);
  }

  /** One registration or config change at a time, each after the state is loaded. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.writes.then(() => this.ready()).then(fn);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private versionsOf(subject: string): VersionedSchema[] {
    const s = this.subjectsByName.get(subject);
    return (s?.ids ?? []).map((id, i) => ({ version: i + 1, schema: this.byId.get(id)! }));
  }

  private levelOf(subject: string): CompatibilityLevel {
    return this.subjectsByName.get(subject)?.level ?? this.globalLevel;
  }

  /** Registers `schema` under `subject`: the existing version when identical, else a new one if the level allows it. */
  register(subject: string, input: SchemaInput): Promise<{ id: number; version: number }> {
    return this.serial(async () => {
      const parsed = parseSchema(input);
      const text = `${parsed.schemaType}\u0000${parsed.canonical}`;
      const known = this.idByText.get(text);
      const s = this.subjectsByName.get(subject);
      const existing = known === undefined || !s ? -1 : s.ids.indexOf(known);
      if (existing >= 0) return { id: known!, version: existing + 1 };
      const level = this.levelOf(subject);
      const verdict = checkCompatibility(level, parsed, this.versionsOf(subject));
      if (!verdict.compatible) throw new IncompatibleSchemaError(subject, level, verdict.messages);
      const id = known ?? Math.max(0, ...this.byId.keys()) + 1;
      const version = (s?.ids.length ?? 0) + 1;
      await this.write({ keytype: 'SCHEMA', subject, version, magic: 1 }, { subject, version, id, schemaType: parsed.schemaType, schema: parsed.canonical });
      return { id, version };
    });
  }

  /** Sets a subject's level, or the global default with `subject` null. */
  setCompatibility(subject: string | null, level: CompatibilityLevel): Promise<void> {
    if (!COMPATIBILITY_LEVELS.includes(level)) return Promise.reject(new InvalidCompatibilityLevelError(String(level), COMPATIBILITY_LEVELS));
    return this.serial(() => this.write({ keytype: 'CONFIG', subject, magic: 0 }, { compatibilityLevel: level }));
  }

  /** The subject's level (its own, else the global default); the global default with no subject. */
  async getCompatibility(subject?: string | null): Promise<CompatibilityLevel> {
    await this.ready();
    return subject ? this.levelOf(subject) : this.globalLevel;
  }

  /** The subject's own level, or undefined when it follows the global default (Confluent's GET /config/{subject} answers 404 then). */
  async subjectCompatibility(subject: string): Promise<CompatibilityLevel | undefined> {
    await this.ready();
    return this.subjectsByName.get(subject)?.level;
  }

  /** The version of `subject` that holds exactly `input` (same canonical text), or undefined. */
  async lookup(subject: string, input: SchemaInput): Promise<RegisteredSchema | undefined> {
    await this.ready();
    const parsed = parseSchema(input);
    const id = this.idByText.get(`${parsed.schemaType}\u0000${parsed.canonical}`);
    const at = id === undefined ? -1 : (this.subjectsByName.get(subject)?.ids.indexOf(id) ?? -1);
    return at < 0 ? undefined : this.registered(subject, at + 1);
  }

  /** The verdict the subject's level would give `input`, without registering it. */
  async testCompatibility(subject: string, input: SchemaInput, level?: CompatibilityLevel): Promise<CompatibilityVerdict> {
    await this.ready();
    return checkCompatibility(level ?? this.levelOf(subject), parseSchema(input), this.versionsOf(subject));
  }

  async subjects(): Promise<string[]> {
    await this.ready();
    return [...this.subjectsByName].filter(([, s]) => s.ids.length > 0).map(([n]) => n).sort();
  }

  async versions(subject: string): Promise<number[]> {
    await this.ready();
    return this.versionsOf(this.known(subject)).map((v) => v.version);
  }

  private known(subject: string): string {
    if (!this.subjectsByName.get(subject)?.ids.length) throw new SchemaNotFoundError(`Subject "${subject}" not found: register a schema under it first.`, 'SUBJECT_NOT_FOUND', { subject });
    return subject;
  }

  private registered(subject: string, version: number): RegisteredSchema {
    const id = this.subjectsByName.get(subject)!.ids[version - 1];
    if (id === undefined) throw new SchemaNotFoundError(`Subject "${subject}" has no version ${version}.`, 'VERSION_NOT_FOUND', { subject, version });
    const p = this.byId.get(id)!;
    return { subject, version, id, schemaType: p.schemaType, schema: p.canonical };
  }

  async getLatest(subject: string): Promise<RegisteredSchema> {
    await this.ready();
    return this.registered(this.known(subject), this.subjectsByName.get(subject)!.ids.length);
  }

  async getVersion(subject: string, version: number): Promise<RegisteredSchema> {
    await this.ready();
    return this.registered(this.known(subject), version);
  }

  async getSchema(id: number): Promise<{ schemaType: SchemaType; schema: string }> {
    await this.ready();
    const p = this.parsed(id);
    return { schemaType: p.schemaType, schema: p.canonical };
  }

  private parsed(id: number): ParsedSchema {
    const p = this.byId.get(id);
    if (!p) throw new SchemaNotFoundError(`Schema id ${id} not found in this registry: the record was written with a schema registered elsewhere.`, 'SCHEMA_NOT_FOUND', { id });
    return p;
  }

  /** Serialises with the subject's latest schema in the wire format; refuses a value that does not match. */
  async encode(subject: string, value: unknown): Promise<Uint8Array> {
    const { id } = await this.getLatest(subject);
    return this.serialize(id, value);
  }

  /** Reads wire-format bytes with the writer's schema, resolved to `readerId`'s schema when given. */
  async decode(bytes: Uint8Array, options: { readerId?: number } = {}): Promise<unknown> {
    await this.ready();
    return this.deserialize(bytes, options.readerId);
  }

  // Synchronous forms for hot paths (the simulator's send and read), usable once ready().

  /** The latest schema id of a subject known to this registry, or undefined. */
  latestId(subject: string): number | undefined {
    const ids = this.subjectsByName.get(subject)?.ids;
    return ids?.[ids.length - 1];
  }

  serialize(id: number, value: unknown): Uint8Array {
    return this.parsed(id).encodeWire(id, value);
  }

  deserialize(bytes: Uint8Array, readerId?: number): unknown {
    const { id, payload } = unframe(bytes);
    const writer = this.parsed(id);
    return writer.decode(payload, readerId === undefined || readerId === id ? undefined : this.parsed(readerId));
  }
}
