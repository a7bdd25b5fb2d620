// Shared handler runtime: an external system answering a command with one of the events it
// reports, chosen by the board's link weights, its payload filled from the command. This is
// how the simulator plays the system, and the exported adapter's stand-in until the real
// system is called. Embedded verbatim in exported projects; imports nothing outside this folder.
import { pickOutcome } from './aggregate.js';
import type { CommandEnvelope, EventEnvelope, HandlerEnv, RuntimeField } from './messages.js';
import { fillPayload, idFromPayload } from './messages.js';

export interface ExternalAnswer {
  readonly event: string;
  readonly weight: number;
  readonly fields: readonly RuntimeField[];
  readonly keyField: string | null;
  readonly schemaVersion: number;
}

export interface ExternalSystemDefinition {
  /** Type name of the system; the aggregate-type of the events it reports. */
  readonly name: string;
  /** Command types the system receives. */
  readonly handles: readonly string[];
  /** Events it can answer with. */
  readonly answers: readonly ExternalAnswer[];
}

/** The event the system answers `command` with, or null when it does not answer it. */
export function answer(def: ExternalSystemDefinition, command: CommandEnvelope, env: HandlerEnv): EventEnvelope | null {
  if (!def.handles.includes(command.type) || def.answers.length === 0) return null;
  const choice = def.answers[pickOutcome(def.answers, env.random())]!;
  const payload = fillPayload(choice.fields, [command.payload], {}, env);
  return {
    type: choice.event,
    aggregateType: def.name,
    aggregateId: idFromPayload(payload, choice.keyField) ?? command.aggregateId,
    version: 0,
    schemaVersion: choice.schemaVersion,
    timestamp: env.now(),
    payload,
  };
}
