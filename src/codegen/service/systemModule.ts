// services/<svc>/src/systems/<name>.ts: an external system as a source of events (report)
// and a sink of commands (the adapter that would call it).
import type { ExternalSystemSpec } from '../../topology';
import { externalSystemDefinition, SCHEMA_VERSION } from '../../topology';
import { commentText, ident, literal, str } from '../emit/escape';
import type { GenContext } from '../genContext';
import { ROOT_FROM_ELEMENT as R } from './paths';

export function systemModule(gen: GenContext, system: ExternalSystemSpec): string {
  const reported = system.emits.map((id) => gen.event(id));
  const union = reported.length
    ? reported.map((e) => `\n  | { readonly type: ${str(e.typeName)}; readonly payload: _msg.${ident(e.typeName)} }`).join('')
    : ' never';
  const topicCases = reported
    .filter((e) => e.topicId !== null)
    .map((e) => `    case ${str(e.typeName)}:\n      return ${str(gen.topic(e.topicId!).name)};`)
    .join('\n');
  const keyCases = reported
    .map((e) => `    case ${str(e.typeName)}:\n      return ${e.keyField ? `String(event.payload.${ident(e.keyField)} ?? '')` : "''"};`)
    .join('\n');
  return `// External system ${commentText(system.label)}: reports events into the flow and receives commands.
import * as _ext from '${R}/src/runtime/externalSystem.js';
import type * as _rt from '${R}/src/runtime/messages.js';
import { eventToRecord } from '${R}/src/runtime/wire.js';
import type { Transport } from '${R}/src/platform/transport.js';
import type * as _msg from '../messages.js';

export const systemName = ${str(system.label)};
/** What the system receives and how it answers (events weighted as on the board). */
export const definition: _ext.ExternalSystemDefinition = ${literal(externalSystemDefinition(gen.t, system), 2)};
/** Consumer group of the adapter that delivers commands to the system (null: none). */
export const groupId: string | null = ${system.groupId === null ? 'null' : str(system.groupId)};
export const sinkTopic: string | null = ${system.sinkTopicId === null ? 'null' : str(gen.topic(system.sinkTopicId).name)};

export type ReportedEvent =${union};

function topicOf(event: ReportedEvent): string {
  switch (event.type) {
${topicCases || '    default:\n      break;'}
  }
  throw new Error('this system reports no events');
}

function keyOf(event: ReportedEvent): string {
  switch (event.type) {
${keyCases || '    default:\n      break;'}
  }
  return '';
}

/** Publishes an event the system reports (its key is the event's id field, if any). */
export async function report(transport: Transport, event: ReportedEvent, timestamp = Date.now()): Promise<void> {
  const aggregateId = keyOf(event);
  const envelope: _rt.EventEnvelope = {
    type: event.type,
    aggregateType: definition.name,
    aggregateId,
    version: 0,
    schemaVersion: ${SCHEMA_VERSION},
    timestamp,
    payload: event.payload,
  };
  await transport.send(topicOf(event), [{ ...eventToRecord(envelope, false), key: aggregateId || null }]);
}

/**
 * Delivers a command to the system. Stand-in: answers as the simulator does, with one of the
 * events the system reports (weighted as on the board). Replace with the call to the real system.
 */
export async function deliver(transport: Transport, command: _rt.CommandEnvelope, env: _rt.HandlerEnv): Promise<void> {
  const event = _ext.answer(definition, command, env);
  if (event === null) return;
  await transport.send(topicOf({ type: event.type, payload: event.payload } as ReportedEvent), [eventToRecord(event, false)]);
}
`;
}
