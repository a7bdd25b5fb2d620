// services/<svc>/src/aggregates/<name>.ts: a typed wrapper around the shared event-sourced
// aggregate runtime, with the board's commands, events and outcome weights as data.
import type { AggregateSpec } from '../../topology';
import { aggregateDefinition } from '../../topology';
import { commentText, ident, literal, str } from '../emit/escape';
import type { GenContext } from '../genContext';
import { ROOT_FROM_ELEMENT as R } from './paths';
import { aggregateRulesCode } from './ruleCode';

const ENVELOPE = 'readonly aggregateType: string; readonly aggregateId: string; readonly version: number; readonly schemaVersion: number; readonly timestamp: number';

export function aggregateModule(gen: GenContext, agg: AggregateSpec): string {
  const def = aggregateDefinition(gen.t, agg, { withRules: false });
  const events = agg.events.map((id) => gen.event(id));
  const commands = agg.commands.map((c) => gen.command(c.commandId));
  const eventTopic = gen.topic(agg.eventTopicId);
  const commandTopic = gen.topic(agg.commandTopicId);
  const union = (members: string[]) => (members.length ? members.map((m) => `\n  | ${m}`).join('') : ' never');
  const rules = aggregateRulesCode(gen.t, agg);
  return `// Aggregate ${commentText(agg.label)}: decides its commands and rebuilds its state from its events.
// Behaviour comes from the shared runtime (src/runtime/aggregate.ts); this file adds the types.
import * as _agg from '${R}/src/runtime/aggregate.js';
import type * as _store from '${R}/src/runtime/eventStore.js';
import type * as _rt from '${R}/src/runtime/messages.js';
import { instanceTopicName } from '${R}/src/runtime/wire.js';
import type * as _msg from '../messages.js';
${rules ? `import * as _rules from '${R}/src/runtime/rules.js';

${rules.code}` : ''}
export const definition: _agg.AggregateDefinition = ${rules ? `{ ...${literal(def, 2)}, rules }` : literal(def, 2)};

/** Consumer group of this aggregate's command handler. */
export const groupId = ${str(agg.groupId)};
export const commandTopic = ${str(commandTopic.name)};
/** ${eventTopic.perInstance ? 'Prefix of the per-instance event topics.' : 'Event topic.'} */
export const eventTopic = ${str(eventTopic.name)};

export function eventTopicFor(aggregateId: string): string {
  return ${eventTopic.perInstance ? 'instanceTopicName(eventTopic, aggregateId)' : 'eventTopic'};
}

export type Command =${union(commands.map((c) => `{ readonly type: ${str(c.typeName)}; readonly aggregateId: string; readonly payload: _msg.${ident(c.typeName)} }`))};

export type Event =${union(events.map((e) => `{ readonly type: ${str(e.typeName)}; ${ENVELOPE}; readonly payload: _msg.${ident(e.typeName)} }`))};

export type State = _agg.AggregateState;

export function initialState(aggregateId: string): State {
  return _agg.initialState(aggregateId);
}

/** Validates the command and decides the event it leads to (by the board's rules; a command with one outcome, or none ruled in a board without rules, by the links' weights). */
export function decide(state: State, command: Command, env: _rt.HandlerEnv): Event[] {
  return _agg.decide(definition, state, command, env) as Event[];
}

export function apply(state: State, event: Event): State {
  return _agg.apply(definition, state, event);
}

/** Rebuilds the state by applying the aggregate's events in order. */
export function rehydrate(aggregateId: string, events: readonly Event[]): State {
  return _agg.rehydrate(definition, aggregateId, null, events);
}

/** Load, decide, append at the loaded version (optimistic concurrency), snapshot. */
export function handle(store: _store.EventStore, command: Command, env: _rt.HandlerEnv): Promise<_agg.HandleResult> {
  return _agg.handleCommand(definition, store, command, env);
}
`;
}
