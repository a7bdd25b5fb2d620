// Events as contracts in a run: when a run starts, every event type of the board is registered
// in the cluster's schema registry (Avro, the same schema the export writes; subjects by
// TopicRecordNameStrategy, since one topic per aggregate carries several event types) — first
// the versions registered on the board, under the event's compatibility level, then the
// board's current fields. Event producers serialise payloads with it in Confluent's wire
// format; consumers and the event store decode with the writer's schema resolved to this run's
// version of the event. A payload that does not match its schema is refused
// (SchemaMismatchError) before anything is written. Values that are not in the wire format (a
// message produced by hand in the Topics tab) read as the text they are.
//
// Old and new producers side by side (options.oldProducers): for an event with an earlier
// version, every other event is written with that version, as a producer not yet upgraded
// would write it, and each delivered event is also read the way an old consumer (the earlier
// version's reader) would read it — the faxNumber → email demonstration.
import type { Board, ElementId, PayloadField } from '../model';
import { avroSchemaForFields, eventAvroSchema, runtime, type Topology } from '../topology';
import { subjectName, utf8, MAGIC_BYTE, WIRE_HEADER_BYTES, type Cluster, type SchemaRegistry } from './engineApi';

interface Registered {
  subject: string;
  id: number;
  /** The version before the current one, for old producers and consumers. */
  old?: { id: number; fields: readonly PayloadField[] };
  /** A renamed field's current name by its earlier names (the current fields' aliases). */
  renamedFrom: Map<string, string>;
}

export interface EventSchemaOptions {
  /** Write every other event of a type with its earlier version (options.oldProducers). */
  oldProducers?: boolean;
  /** Called for each event an old producer wrote. */
  onOldWrite?: () => void;
}

const writerId = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1, false);
const isWire = (bytes: Uint8Array) => bytes.length >= WIRE_HEADER_BYTES && bytes[0] === MAGIC_BYTE;

/** A value an old producer fills a required field it has, and the new one does not, with. */
function placeholder(f: PayloadField): unknown {
  switch (f.type) {
    case 'int':
    case 'long':
    case 'timestamp':
    case 'double':
      return 0;
    case 'boolean':
      return false;
    case 'uuid':
      return '00000000-0000-0000-0000-000000000000';
    case 'enum':
      return f.symbols?.[0] ?? '';
    case 'decimal':
      return '0';
    case 'string':
      return '';
  }
}

/** The payload as a producer on the earlier version writes it: its own fields, a renamed one under its old name. */
function asOldProducer(payload: runtime.Payload, oldFields: readonly PayloadField[], renamedFrom: ReadonlyMap<string, string>): runtime.Payload {
  const out: Record<string, unknown> = {};
  for (const f of oldFields) {
    const current = f.name in payload ? f.name : renamedFrom.get(f.name);
    if (current !== undefined && current in payload) out[f.name] = payload[current];
    else if (!f.optional) out[f.name] = placeholder(f);
  }
  return out as runtime.Payload;
}

export class EventSchemas {
  private readonly byType = new Map<string, Registered>();
  /** Writer id → the id this run reads it as (the latest version of the writer's subject). */
  private readonly readerOf = new Map<number, number>();
  /** Writer id → the earlier version's id (what an old consumer reads with). */
  private readonly oldReaderOf = new Map<number, number>();
  private readonly turns = new Map<string, number>();

  private constructor(
    private readonly registry: SchemaRegistry,
    private readonly options: EventSchemaOptions,
  ) {}

  /** Registers the board's event schemas (a stored run's registry may hold them already). */
  static async register(cluster: Cluster, topology: Topology, board: Board, options: EventSchemaOptions = {}): Promise<EventSchemas> {
    const registry = cluster.schemaRegistry;
    const schemas = new EventSchemas(registry, options);
    const topics = new Map(topology.topics.map((t) => [t.id, t.name]));
    const elements = new Map(board.elements.map((el) => [el.id as ElementId, el]));
    for (const e of topology.events) {
      const topic = e.topicId === null ? undefined : topics.get(e.topicId);
      if (!topic) continue;
      const schema = eventAvroSchema(topology, e);
      const namespace = String(schema.namespace);
      const subject = subjectName('TopicRecordNameStrategy', topic, `${namespace}.${e.typeName}`);
      const el = elements.get(e.elementId);
      const history = el?.kind === 'event' ? (el.schemaVersions ?? []) : [];
      // The board's versions were checked when they were registered there (under the level of the
      // time): they go in as they are; the current fields are checked under the event's level.
      const ids: number[] = [];
      if (history.length > 0) await registry.setCompatibility(subject, 'NONE');
      for (const v of history) ids.push((await registry.register(subject, { schemaType: 'AVRO', schema: avroSchemaForFields(e.typeName, namespace, e.label, v.fields) })).id);
      await registry.setCompatibility(subject, (el?.kind === 'event' ? el.compatibility : undefined) ?? 'BACKWARD');
      const { id } = await registry.register(subject, { schemaType: 'AVRO', schema });
      // The earlier version: the last registered one that is not the current fields.
      let k = ids.length - 1;
      while (k >= 0 && ids[k] === id) k--;
      const old = k >= 0 ? { id: ids[k]!, fields: history[k]!.fields } : undefined;
      const renamedFrom = new Map<string, string>();
      for (const f of e.fields) for (const a of f.aliases ?? []) renamedFrom.set(a, f.name);
      schemas.byType.set(e.typeName, { subject, id, renamedFrom, ...(old ? { old } : {}) });
      for (const v of await registry.versions(subject)) {
        const vid = (await registry.getVersion(subject, v)).id;
        schemas.readerOf.set(vid, id);
        if (old) schemas.oldReaderOf.set(vid, old.id);
      }
    }
    return schemas;
  }

  /** The wire-format value of an event; throws SchemaMismatchError when its payload does not match. */
  encode(event: runtime.EventEnvelope): Uint8Array | string {
    const r = this.byType.get(event.type);
    if (!r) return JSON.stringify(event.payload);
    if (this.options.oldProducers && r.old) {
      const turn = (this.turns.get(event.type) ?? 0) + 1;
      this.turns.set(event.type, turn);
      if (turn % 2 === 0) {
        this.options.onOldWrite?.();
        return this.registry.serialize(r.old.id, asOldProducer(event.payload, r.old.fields, r.renamedFrom));
      }
    }
    return this.registry.serialize(r.id, event.payload);
  }

  /** The content-type header of an event value: Avro in the wire format, as the exported services label it, or JSON text. */
  static contentType(value: Uint8Array | string): string {
    return typeof value === 'string' ? 'application/json' : 'avro/binary';
  }

  /** A record value as the runtime reads it (JSON text): wire-format values decoded to this run's schema. */
  readonly valueText = (bytes: Uint8Array): string => {
    const fields = this.fields(bytes);
    return fields === undefined ? utf8(bytes) : JSON.stringify(fields);
  };

  /** A wire-format value's fields, decoded to this run's schema (undefined for a value not in the wire format). */
  readonly fields = (bytes: Uint8Array): Record<string, unknown> | undefined => {
    if (!isWire(bytes)) return undefined;
    const value = this.registry.deserialize(bytes, this.readerOf.get(writerId(bytes))) as Record<string, unknown>;
    // Avro writes an absent optional field as null; the runtime's payloads leave it out.
    const payload: Record<string, unknown> = {};
    for (const k of Object.keys(value)) if (value[k] !== null) payload[k] = value[k];
    return payload;
  };

  /** Whether an old consumer (the earlier version's reader) can read this event record; null when there is no earlier version. */
  readByOldConsumer(bytes: Uint8Array): boolean | null {
    if (!isWire(bytes)) return null;
    const old = this.oldReaderOf.get(writerId(bytes));
    if (old === undefined) return null;
    try {
      this.registry.deserialize(bytes, old);
      return true;
    } catch {
      return false;
    }
  }
}
