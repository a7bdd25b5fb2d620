// Each event's subject in the schema registry and the Avro schemas registered under it, as the
// simulator registers them: TopicRecordNameStrategy (one topic per aggregate carries several
// event types), the versions registered on the board oldest first, then the board's current
// fields; the event's compatibility level. The export writes them as .avsc files with
// schemas/registry.json for people and tools, and as src/platform/eventSchemas.ts for the
// services, which register them at start-up when a registry is configured.
import type { EventElement } from '../../model';
import { avroNamespace, avroSchema, avroSchemaForFields, type Topology } from '../../topology';
import { commentText, literal } from '../emit/escape';

export interface EventSubject {
  readonly service: string;
  readonly eventType: string;
  readonly elementId: string;
  /** The event's topic; with perInstance, the prefix of every instance's topic. */
  readonly topic: string;
  readonly perInstance: boolean;
  readonly subject: string;
  readonly compatibility: string;
  /** Versions registered on the board, oldest first. */
  readonly registered: readonly Record<string, unknown>[];
  /** The board's current fields. */
  readonly current: Record<string, unknown>;
}

export function eventSubjects(t: Topology, events: ReadonlyMap<string, EventElement>): EventSubject[] {
  const out: EventSubject[] = [];
  for (const e of t.events) {
    const service = t.services.find((s) => s.id === e.serviceId);
    const topic = t.topics.find((x) => x.id === e.topicId);
    if (!service || !topic) continue;
    const namespace = avroNamespace(service.valueName);
    const element = events.get(e.elementId);
    out.push({
      service: service.name,
      eventType: e.typeName,
      elementId: e.elementId,
      topic: topic.name,
      perInstance: topic.perInstance,
      subject: `${topic.name}-${namespace}.${e.typeName}`,
      compatibility: element?.compatibility ?? 'BACKWARD',
      registered: (element?.schemaVersions ?? []).map((v) => avroSchemaForFields(e.typeName, namespace, e.label, v.fields)),
      current: avroSchema(e.typeName, namespace, e.label, e.fields),
    });
  }
  return out;
}

/** src/platform/eventSchemas.ts of the export. */
export function eventSchemasModule(t: Topology, subjects: readonly EventSubject[]): string {
  const entries = subjects.map((s) =>
    literal({
      service: s.service,
      eventType: s.eventType,
      topic: s.topic,
      perInstance: s.perInstance,
      subject: s.subject,
      compatibility: s.compatibility,
      versions: [...s.registered, s.current].map((x) => JSON.stringify(x)),
    }),
  );
  return `// The event schemas of ${commentText(t.boardName)} as the services register them (schemaCodec.ts): per event its
// subject (TopicRecordNameStrategy), its compatibility level, and its Avro schemas, the versions
// registered on the board first and the current fields last (the same as schemas/*.avsc).
export interface EventSchema {
  readonly service: string;
  readonly eventType: string;
  /** The event's topic; with perInstance, the prefix of every instance's topic. */
  readonly topic: string;
  readonly perInstance: boolean;
  readonly subject: string;
  readonly compatibility: string;
  /** Avro schemas as text, oldest first; the last is the one the services write with. */
  readonly versions: readonly string[];
}

export const EVENT_SCHEMAS: readonly EventSchema[] = [
${entries.map((e) => `  ${e},`).join('\n')}
];
`;
}
