// Events as contracts in a run: when a run starts, every event type of the board is registered
// in the cluster's schema registry (Avro, the same schema the export writes; subjects by
// TopicRecordNameStrategy, since one topic per aggregate carries several event types). Event
// producers serialise payloads with it in Confluent's wire format; consumers and the event
// store decode with the writer's schema resolved to this run's version of the event. A payload
// that does not match its schema is refused (SchemaMismatchError) before anything is written.
// Values that are not in the wire format (a message produced by hand in the Topics tab) read
// as the text they are.
import { eventAvroSchema, runtime, type Topology } from '../topology';
import { subjectName, utf8, MAGIC_BYTE, WIRE_HEADER_BYTES, type Cluster, type SchemaRegistry } from './engineApi';

interface Registered {
  subject: string;
  id: number;
}

export class EventSchemas {
  private readonly byType = new Map<string, Registered>();
  /** Writer id → the id this run reads it as (the latest version of the writer's subject). */
  private readonly readerOf = new Map<number, number>();

  private constructor(private readonly registry: SchemaRegistry) {}

  /** Registers the board's event schemas (a stored run's registry may hold earlier versions). */
  static async register(cluster: Cluster, topology: Topology): Promise<EventSchemas> {
    const schemas = new EventSchemas(cluster.schemaRegistry);
    const topics = new Map(topology.topics.map((t) => [t.id, t.name]));
    for (const e of topology.events) {
      const topic = e.topicId === null ? undefined : topics.get(e.topicId);
      if (!topic) continue;
      const schema = eventAvroSchema(topology, e);
      const subject = subjectName('TopicRecordNameStrategy', topic, `${String(schema.namespace)}.${e.typeName}`);
      const { id } = await cluster.schemaRegistry.register(subject, { schemaType: 'AVRO', schema });
      schemas.byType.set(e.typeName, { subject, id });
      for (const v of await cluster.schemaRegistry.versions(subject)) schemas.readerOf.set((await cluster.schemaRegistry.getVersion(subject, v)).id, id);
    }
    return schemas;
  }

  /** The subject and schema id events of this type are written with, if registered. */
  of(eventType: string): Registered | undefined {
    return this.byType.get(eventType);
  }

  /** The wire-format value of an event; throws SchemaMismatchError when its payload does not match. */
  encode(event: runtime.EventEnvelope): Uint8Array | string {
    const r = this.byType.get(event.type);
    return r ? this.registry.serialize(r.id, event.payload) : JSON.stringify(event.payload);
  }

  /** A record value as the runtime reads it (JSON text): wire-format values decoded to this run's schema. */
  readonly valueText = (bytes: Uint8Array): string => {
    if (bytes.length < WIRE_HEADER_BYTES || bytes[0] !== MAGIC_BYTE) return utf8(bytes);
    const writer = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1, false);
    const value = this.registry.deserialize(bytes, this.readerOf.get(writer)) as Record<string, unknown>;
    // Avro writes an absent optional field as null; the runtime's payloads leave it out.
    const payload: Record<string, unknown> = {};
    for (const k of Object.keys(value)) if (value[k] !== null) payload[k] = value[k];
    return JSON.stringify(payload);
  };
}
