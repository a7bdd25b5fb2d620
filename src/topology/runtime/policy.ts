// Shared handler runtime: a policy turns each triggering event into the commands it issues.
// Command payloads take same-named fields from the event; the target aggregate is the event's
// value of the command's key field, else the event's own aggregate id if it fits the key
// field's type, else a new generated id. Embedded verbatim in
// exported projects; imports nothing outside this folder.
import type { CommandEnvelope, EventEnvelope, HandlerEnv, RuntimeField } from './messages.js';
import { fillPayload, idFromPayload, keyValue } from './messages.js';

export interface PolicyCommand {
  readonly type: string;
  readonly fields: readonly RuntimeField[];
  readonly keyField: string | null;
}

export interface PolicyDefinition {
  readonly name: string;
  /** Event types that trigger the policy; others are ignored. */
  readonly triggers: readonly string[];
  readonly commands: readonly PolicyCommand[];
  /** The board's condition over the triggering event; absent: always. */
  readonly when?: (event: EventEnvelope) => boolean;
}

export function react(def: PolicyDefinition, event: EventEnvelope, env: HandlerEnv): CommandEnvelope[] {
  if (!def.triggers.includes(event.type)) return [];
  if (def.when && !def.when(event)) return [];
  return def.commands.map((cmd) => {
    const target = idFromPayload(event.payload, cmd.keyField) ?? event.aggregateId;
    const fixed: Record<string, unknown> = {};
    if (cmd.keyField !== null) fixed[cmd.keyField] = keyValue(cmd.fields.find((f) => f.name === cmd.keyField), target);
    // A target id that does not fit the key field's type (e.g. not a UUID) is replaced by a
    // generated one: the policy then starts a new aggregate, and the key follows the payload.
    const payload = fillPayload(cmd.fields, [event.payload], fixed, env);
    return { type: cmd.type, aggregateId: idFromPayload(payload, cmd.keyField) ?? target, payload };
  });
}
