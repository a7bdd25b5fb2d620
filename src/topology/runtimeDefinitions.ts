// Topology → the runtime's definitions (what decide/apply, react and project need). The
// simulator builds its handlers from these, and the export writes the same objects into the
// generated code, so a board behaves the same in both.
import type { AggregateDefinition, CommandDefinition, EventDefinition } from './runtime/aggregate';
import type { RuntimeField } from './runtime/messages';
import type { ExternalSystemDefinition } from './runtime/externalSystem';
import type { PolicyDefinition } from './runtime/policy';
import type { ProjectorDefinition } from './runtime/projector';
import type { AggregateSpec, ExternalSystemSpec, FieldSpec, PolicySpec, ProjectorSpec, Topology } from './types';
import { aggregateRules, policyCondition, projectorColumns } from './rules/hooks';

/** `withRules: false` leaves the board's rules out (the export writes them as code instead). */
export interface DefinitionOptions {
  withRules?: boolean;
}

/** Schema version of every generated event; a board has one version of each message. */
export const SCHEMA_VERSION = 1;
/** Snapshot every this many events per aggregate. */
export const SNAPSHOT_EVERY = 50;

export function runtimeFields(fields: readonly FieldSpec[]): RuntimeField[] {
  return fields.map((f) => ({
    name: f.name,
    type: f.type,
    optional: f.optional,
    ...(f.symbols ? { symbols: [...f.symbols] } : {}),
    ...(f.precision !== undefined ? { precision: f.precision, scale: f.scale ?? 0 } : {}),
  }));
}

export function aggregateDefinition(t: Topology, agg: AggregateSpec, options: DefinitionOptions = {}): AggregateDefinition {
  const events: Record<string, EventDefinition> = {};
  for (const id of agg.events) {
    const e = t.events.find((x) => x.elementId === id);
    if (e) events[e.typeName] = { fields: runtimeFields(e.fields), keyField: e.keyField, schemaVersion: SCHEMA_VERSION };
  }
  const commands: Record<string, CommandDefinition> = {};
  for (const c of agg.commands) {
    const cmd = t.commands.find((x) => x.elementId === c.commandId);
    if (!cmd) continue;
    commands[cmd.typeName] = {
      fields: runtimeFields(cmd.fields),
      keyField: cmd.keyField,
      outcomes: c.outcomes.flatMap((o) => {
        const e = t.events.find((x) => x.elementId === o.eventId);
        return e ? [{ event: e.typeName, weight: o.weight }] : [];
      }),
    };
  }
  const rules = options.withRules === false ? undefined : aggregateRules(t, agg);
  return { type: agg.typeName, idField: agg.idField, commands, events, snapshotEvery: SNAPSHOT_EVERY, ...(rules ? { rules } : {}) };
}

export function policyDefinition(t: Topology, policy: PolicySpec, options: DefinitionOptions = {}): PolicyDefinition {
  const when = options.withRules === false ? undefined : policyCondition(t, policy);
  return {
    ...(when ? { when } : {}),
    name: policy.typeName,
    triggers: policy.triggers.flatMap((id) => t.events.filter((e) => e.elementId === id).map((e) => e.typeName)),
    commands: policy.commands.flatMap((id) =>
      t.commands.filter((c) => c.elementId === id).map((c) => ({ type: c.typeName, fields: runtimeFields(c.fields), keyField: c.keyField })),
    ),
  };
}

export function projectorDefinition(t: Topology, projector: ProjectorSpec, options: DefinitionOptions = {}): ProjectorDefinition {
  const columns = options.withRules === false ? undefined : projectorColumns(t, projector);
  return {
    ...(columns ? { columns } : {}),
    name: projector.typeName,
    events: projector.events.flatMap((id) => t.events.filter((e) => e.elementId === id).map((e) => e.typeName)),
  };
}

export function externalSystemDefinition(t: Topology, system: ExternalSystemSpec): ExternalSystemDefinition {
  return {
    name: system.typeName,
    handles: system.handles.flatMap((id) => t.commands.filter((c) => c.elementId === id).map((c) => c.typeName)),
    answers: system.outcomes.flatMap((o) =>
      t.events
        .filter((e) => e.elementId === o.eventId)
        .map((e) => ({ event: e.typeName, weight: o.weight, fields: runtimeFields(e.fields), keyField: e.keyField, schemaVersion: SCHEMA_VERSION })),
    ),
  };
}
