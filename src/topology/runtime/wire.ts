// Shared handler runtime: how events and commands travel as Kafka records. The aggregate id is
// the record key (prefixed with the aggregate type on a shared topic), headers carry the
// message type and schema version, the value is the JSON payload. Embedded verbatim in
// exported projects; imports nothing outside this folder.
import type { CommandEnvelope, EventEnvelope, Payload } from './messages.js';

export interface WireRecord {
  readonly key: string | null;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestamp?: string;
}

export const HEADER = {
  eventType: 'event-type',
  commandType: 'command-type',
  schemaVersion: 'schema-version',
  aggregateType: 'aggregate-type',
  aggregateId: 'aggregate-id',
  aggregateVersion: 'aggregate-version',
  contentType: 'content-type',
  /** Id of a command, on the command and on the events it caused (set by the export's HTTP API). */
  commandId: 'command-id',
} as const;

const MAX_TOPIC = 249;

/** Record key of an aggregate's events: the id, or "<type>:<id>" on a topic shared by types. */
export function recordKey(aggregateType: string, aggregateId: string, prefixedByType: boolean): string {
  return prefixedByType ? `${aggregateType}:${aggregateId}` : aggregateId;
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * The topic of one aggregate instance (topic-per-instance strategy): prefix + "." + the id
 * cleaned to Kafka's alphabet; ids that needed cleaning or cutting get a hash so two ids
 * never share a topic.
 */
export function instanceTopicName(prefix: string, aggregateId: string): string {
  const clean = aggregateId.replace(/[^a-zA-Z0-9-]/g, '-');
  const exact = clean === aggregateId && clean.length > 0;
  let suffix = exact ? clean : `${clean.slice(0, 40)}-${hash(aggregateId)}`;
  const room = MAX_TOPIC - prefix.length - 1;
  if (suffix.length > room) suffix = `${suffix.slice(0, Math.max(0, room - 8))}-${hash(aggregateId)}`.slice(-room);
  return `${prefix}.${suffix}`;
}

export function eventToRecord(event: EventEnvelope, prefixedByType: boolean): WireRecord {
  return {
    key: recordKey(event.aggregateType, event.aggregateId, prefixedByType),
    value: JSON.stringify(event.payload),
    timestamp: String(event.timestamp),
    headers: eventHeaders(event),
  };
}

/** The headers of an event's record; `contentType` names its value's format (another serialiser's). */
export function eventHeaders(event: EventEnvelope, contentType = 'application/json'): Record<string, string> {
  return {
    [HEADER.eventType]: event.type,
    [HEADER.schemaVersion]: String(event.schemaVersion),
    [HEADER.aggregateType]: event.aggregateType,
    [HEADER.aggregateId]: event.aggregateId,
    [HEADER.aggregateVersion]: String(event.version),
    [HEADER.contentType]: contentType,
  };
}

const header = (r: WireRecord, name: string): string => {
  const v = Object.prototype.hasOwnProperty.call(r.headers, name) ? r.headers[name] : undefined;
  if (v === undefined) throw new Error(`record has no ${name} header`);
  return v;
};

/** The event a record holds; `payload`, when given, is its value already read (what parsing the value gives). */
export function recordToEvent(record: WireRecord, payload?: Payload): EventEnvelope {
  return {
    type: header(record, HEADER.eventType),
    aggregateType: header(record, HEADER.aggregateType),
    aggregateId: header(record, HEADER.aggregateId),
    version: Number(header(record, HEADER.aggregateVersion)),
    schemaVersion: Number(header(record, HEADER.schemaVersion)),
    timestamp: Number(record.timestamp ?? 0),
    payload: payload ?? (JSON.parse(record.value) as Payload),
  };
}

export function commandToRecord(command: CommandEnvelope): WireRecord {
  return {
    key: command.aggregateId,
    value: JSON.stringify(command.payload),
    headers: { [HEADER.commandType]: command.type, [HEADER.aggregateId]: command.aggregateId, [HEADER.contentType]: 'application/json' },
  };
}

export function recordToCommand(record: WireRecord): CommandEnvelope {
  return {
    type: header(record, HEADER.commandType),
    aggregateId: header(record, HEADER.aggregateId),
    payload: JSON.parse(record.value) as Payload,
  };
}
