// The compiler's rules pass: gathers each aggregate's state fields (from every sticky of it),
// each command's outcome guards, each policy's condition and each read model's computed
// columns into the topology, and checks every rule against the fields it may name. A rule
// that does not parse or type-check is an error pinned to its sticky, with the rule's text
// and what is wrong; a command that chooses between outcomes without rules is noted (the
// simulator then draws by the link weights).
import type { ComputedField, ElementId, ExprType, OutcomeRule } from '../../model';
import { compileRule, exprTypeOfComputed, exprTypeOfField } from '../../model';
import type { CompileContext } from '../context';
import type { EventSpec } from '../types';
import { conditionScope, guardScope, updateScope, updateType } from './scopes';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function mergeComputed(lists: readonly (readonly ComputedField[] | undefined)[]): ComputedField[] {
  const out: ComputedField[] = [];
  for (const list of lists) for (const f of list ?? []) if (!out.some((o) => o.name === f.name)) out.push(f);
  return out;
}

function check(cx: CompileContext, owner: ElementId, where: string, text: string, scope: Map<string, ExprType>, expected: ExprType): void {
  const c = compileRule(text, scope, expected);
  if (!c.ok) cx.error('rule-invalid', `${where}: "${text.length > 60 ? `${text.slice(0, 60)}…` : text}" — ${c.error.message}.`, owner);
}

/** Checks computed fields (state or columns) and their updates. */
function checkComputed(cx: CompileContext, owner: ElementId, fields: readonly ComputedField[], prefix: 'state' | 'row', allowedEvents: readonly ElementId[], what: string): void {
  const seen = new Set<string>();
  for (const f of fields) {
    if (!IDENTIFIER.test(f.name)) {
      cx.error('rule-invalid', `${what} field "${f.name}" needs a name of letters, digits and "_" (e.g. "balance").`, owner);
      continue;
    }
    if (seen.has(f.name)) cx.error('rule-invalid', `${what} has two fields named "${f.name}".`, owner);
    seen.add(f.name);
    if (f.initial.trim()) check(cx, owner, `Start value of ${f.name}`, f.initial, new Map(), exprTypeOfComputed(f.type));
    for (const u of f.updates) {
      const event = cx.events.get(u.eventId);
      if (!event || !allowedEvents.includes(u.eventId)) {
        cx.error('rule-unknown-event', `${what} field "${f.name}" changes on an event that does not reach it${event ? ` (${cx.quote(u.eventId)})` : ''}: link the event, or remove the update.`, owner);
        continue;
      }
      const scope = updateScope(event.fields, fields, prefix);
      const type = exprTypeOfComputed(f.type);
      if ((u.op === 'add' || u.op === 'subtract') && type !== 'number')
        cx.error('rule-invalid', `${what} field "${f.name}" is ${f.type}: only numbers can be added to or subtracted from.`, owner);
      if (u.op === 'append' && f.type !== 'list') cx.error('rule-invalid', `${what} field "${f.name}" is ${f.type}: only lists can be appended to.`, owner);
      check(cx, owner, `On ${event.label}, ${u.op} ${f.name}`, u.expr, scope, updateType(f, u.op));
    }
  }
}

function checkOutcomes(cx: CompileContext, commandId: ElementId, rules: readonly OutcomeRule[], outcomeEvents: readonly ElementId[], state: readonly ComputedField[]): void {
  const command = cx.commands.get(commandId)!;
  const scope = guardScope(command.fields, state);
  for (const rule of rules) {
    const event: EventSpec | undefined = cx.events.get(rule.eventId);
    if (!event || !outcomeEvents.includes(rule.eventId)) {
      cx.error('rule-unknown-event', `Command ${cx.quote(commandId)} has a rule for ${event ? cx.quote(rule.eventId) : 'an event that is gone'}, which it does not lead to: link the event to its aggregate, or remove the rule.`, commandId);
      continue;
    }
    if (rule.when.trim()) check(cx, commandId, `Guard of ${event.label}`, rule.when, scope, 'boolean');
    for (const f of rule.fields) {
      const field = event.fields.find((x) => x.label === f.field || x.name === f.field);
      if (!field) {
        cx.error('rule-invalid', `Rule for ${cx.quote(rule.eventId)} sets "${f.field}", which is not a field of that event.`, commandId);
        continue;
      }
      check(cx, commandId, `${event.label}.${f.field}`, f.expr, scope, exprTypeOfField(field.type));
    }
  }
}

/**
 * What rules leave out: an outcome with no rule never happens (a warning: likely a rule still
 * to write), and without an unguarded outcome ("otherwise") a command no guard admits is
 * rejected (a note, so the sticky can say so).
 */
function noteRuledOutcomes(cx: CompileContext, commandId: ElementId, rules: readonly OutcomeRule[], outcomeEvents: readonly ElementId[]): void {
  const ruled = rules.filter((r) => outcomeEvents.includes(r.eventId));
  for (const eventId of outcomeEvents.filter((id) => !ruled.some((r) => r.eventId === id)))
    cx.warning('outcome-without-rule', `Command ${cx.quote(commandId)} has rules, but none for ${cx.quote(eventId)}, so it never leads to it: give that outcome a rule (an empty guard means "otherwise"), or remove the link.`, commandId);
  if (ruled.length > 0 && ruled.every((r) => r.when.trim()))
    cx.info('command-may-reject', `Command ${cx.quote(commandId)} has no "otherwise" outcome: when none of its guards holds, the command is rejected and nothing is written.`, commandId);
}

export function compileRules(cx: CompileContext): void {
  const { ix } = cx;
  for (const agg of cx.aggregates.values()) {
    const members = cx.groups.members(agg.elementId).map((id) => ix.byId.get(id));
    agg.state = mergeComputed(members.map((m) => (m?.kind === 'aggregate' ? m.state : undefined)));
    checkComputed(cx, agg.elementId, agg.state, 'state', agg.events, `Aggregate ${cx.quote(agg.elementId)}`);
    for (const c of agg.commands) {
      const el = ix.byId.get(c.commandId);
      const rules = el?.kind === 'command' && el.outcomes && el.outcomes.length > 0 ? el.outcomes : null;
      c.rules = rules;
      if (rules) {
        checkOutcomes(cx, c.commandId, rules, c.outcomes.map((o) => o.eventId), agg.state);
        noteRuledOutcomes(cx, c.commandId, rules, c.outcomes.map((o) => o.eventId));
      } else if (c.outcomes.length > 1)
        cx.info(
          'command-without-rules',
          `Command ${cx.quote(c.commandId)} has no rules: the simulator picks ${c.outcomes.map((o) => `${cx.quote(o.eventId)} (weight ${o.weight})`).join(' or ')} at random. Give each outcome a guard to decide by the state.`,
          c.commandId,
        );
    }
  }
  for (const policy of cx.policies.values()) {
    const el = ix.byId.get(policy.elementId);
    policy.when = el?.kind === 'policy' ? (el.when ?? '').trim() : '';
    if (!policy.when) continue;
    const triggers = policy.triggers.map((id) => cx.events.get(id)).filter((e): e is EventSpec => !!e);
    // A condition may name the fields every triggering event has.
    check(cx, policy.elementId, 'Condition', policy.when, conditionScope(triggers), 'boolean');
  }
  for (const projector of cx.projectors.values()) {
    const members = cx.groups.members(projector.elementId).map((id) => ix.byId.get(id));
    projector.columns = mergeComputed(members.map((m) => (m?.kind === 'readModel' ? m.columns : undefined)));
    checkComputed(cx, projector.elementId, projector.columns, 'row', projector.events, `Read model ${cx.quote(projector.elementId)}`);
  }
}
