// Rules → the runtime's hooks, interpreted: what the simulator and scenario evaluation run.
// (The export writes the same rules as TypeScript instead; both follow the semantics here:
// the first outcome whose guard holds wins, an empty guard is "otherwise", no guard holding
// rejects the command; decimal state rounds to its scale after every update.)
import type { ComputedField, Expr, ExprType, RuleValue } from '../../model';
import { compileRule, defaultValue, displayValueOf, evaluate, exprTypeOfComputed, exprTypeOfField, payloadValueOf, RuleError } from '../../model';
import type { AggregateRules, RuleDecision } from '../runtime/aggregate';
import { CommandRejectedError } from '../runtime/aggregate';
import type { CommandEnvelope, EventEnvelope, Payload } from '../runtime/messages';
import type { ProjectorColumns } from '../runtime/projector';
import type { AggregateSpec, EventSpec, FieldSpec, PolicySpec, ProjectorSpec, Topology } from '../types';
import { commandRejection } from './rejection';
import { commonFields, computedValues, conditionScope, guardScope, payloadValues, updateScope, updateType, withBareNames } from './scopes';

function compiled(text: string, scope: Map<string, ExprType>, expected: ExprType): Expr {
  const c = compileRule(text, scope, expected);
  if (!c.ok) throw c.error;
  return c.expr;
}

/** A computed value after an update, kept to its type (decimals rounded to their scale). */
function settle(f: ComputedField, v: RuleValue): RuleValue {
  if (f.type === 'decimal' && typeof v === 'number') return Number(v.toFixed(f.scale ?? 2));
  if (f.type === 'list' && Array.isArray(v) && v.length > 1000) return v.slice(v.length - 1000);
  return v;
}

function initialOf(f: ComputedField): RuleValue {
  return f.initial.trim() ? settle(f, evaluate(compiled(f.initial, new Map(), exprTypeOfComputed(f.type)), new Map())) : defaultValue(f.type);
}

interface CompiledUpdate {
  field: ComputedField;
  op: 'set' | 'add' | 'subtract' | 'append';
  expr: Expr;
}

/** Per event type: the updates it applies, compiled once. */
function compileUpdates(t: Topology, fields: readonly ComputedField[], prefix: 'state' | 'row', eventIds: readonly string[]): Map<string, { event: EventSpec; updates: CompiledUpdate[] }> {
  const byType = new Map<string, { event: EventSpec; updates: CompiledUpdate[] }>();
  for (const f of fields) {
    for (const u of f.updates) {
      const event = t.events.find((e) => e.elementId === u.eventId);
      if (!event || !eventIds.includes(u.eventId)) continue;
      const entry = byType.get(event.typeName) ?? { event, updates: [] };
      entry.updates.push({ field: f, op: u.op, expr: compiled(u.expr, updateScope(event.fields, fields, prefix), updateType(f, u.op)) });
      byType.set(event.typeName, entry);
    }
  }
  return byType;
}

function applyUpdates(fields: readonly ComputedField[], prefix: 'state' | 'row', entry: { event: EventSpec; updates: CompiledUpdate[] } | undefined, current: Readonly<Payload>, payload: Payload): Record<string, RuleValue> {
  const next: Record<string, RuleValue> = {};
  for (const f of fields) next[f.name] = readComputed(f, current[f.name]);
  if (!entry) return next;
  // Every update of one event reads the values from before the event.
  const env = new Map<string, RuleValue>();
  payloadValues('event', entry.event.fields, payload, env);
  computedValues(prefix, fields, next, env);
  withBareNames(env, ['event', prefix]);
  for (const u of entry.updates) {
    const v = evaluate(u.expr, env);
    const old = next[u.field.name]!;
    let value: RuleValue;
    if (u.op === 'set') value = v;
    else if (u.op === 'append') value = [...(Array.isArray(old) ? old : []), v];
    else {
      if (typeof v !== 'number' || typeof old !== 'number') throw new RuleError(`${u.field.name} is not a number`, 'RULE_EVAL', u.expr.start, u.expr.end);
      value = u.op === 'add' ? old + v : old - v;
    }
    next[u.field.name] = settle(u.field, value);
  }
  return next;
}

function readComputed(f: ComputedField, raw: unknown): RuleValue {
  if ((f.type === 'decimal' || f.type === 'number') && typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean' || Array.isArray(raw)) return raw as RuleValue;
  return initialOf(f);
}

interface CompiledOutcome {
  event: EventSpec;
  guard: Expr | null;
  fields: { spec: FieldSpec; expr: Expr }[];
}

/** The aggregate's rules as runtime hooks, or undefined when it has none. */
export function aggregateRules(t: Topology, agg: AggregateSpec): AggregateRules | undefined {
  const ruled = agg.commands.filter((c) => c.rules);
  if (agg.state.length === 0 && ruled.length === 0) return undefined;
  const updates = compileUpdates(t, agg.state, 'state', agg.events);
  const commands = new Map<string, { fields: FieldSpec[]; outcomes: CompiledOutcome[]; rejection: string }>();
  for (const c of ruled) {
    const command = t.commands.find((x) => x.elementId === c.commandId);
    if (!command) continue;
    const scope = guardScope(command.fields, agg.state);
    const outcomes: CompiledOutcome[] = [];
    for (const rule of c.rules!) {
      const event = t.events.find((e) => e.elementId === rule.eventId);
      if (!event || !c.outcomes.some((o) => o.eventId === rule.eventId)) continue;
      outcomes.push({
        event,
        guard: rule.when.trim() ? compiled(rule.when, scope, 'boolean') : null,
        fields: rule.fields.flatMap((f) => {
          const spec = event.fields.find((x) => x.label === f.field || x.name === f.field);
          return spec ? [{ spec, expr: compiled(f.expr, scope, exprTypeOfField(spec.type)) }] : [];
        }),
      });
    }
    commands.set(command.typeName, { fields: command.fields, outcomes, rejection: commandRejection(t, agg, c.commandId) });
  }
  return {
    initial: () => Object.fromEntries(agg.state.map((f) => [f.name, initialOf(f)])),
    evolve: (state, event: EventEnvelope) => applyUpdates(agg.state, 'state', updates.get(event.type), state, event.payload),
    decide(state, command: CommandEnvelope): RuleDecision | null {
      const rules = commands.get(command.type);
      if (!rules) return null;
      const env = new Map<string, RuleValue>();
      payloadValues('command', rules.fields, command.payload, env);
      computedValues('state', agg.state, state, env);
      withBareNames(env, ['command', 'state']);
      // Guards first, in order; the unguarded outcome ("otherwise") only when none holds.
      const chosen = rules.outcomes.find((o) => o.guard && evaluate(o.guard, env) === true) ?? rules.outcomes.find((o) => !o.guard);
      if (!chosen) throw new CommandRejectedError(rules.rejection);
      const fields: Payload = {};
      for (const f of chosen.fields) fields[f.spec.name] = payloadValueOf(f.spec, evaluate(f.expr, env));
      return { event: chosen.event.typeName, fields };
    },
  };
}

/** The read model's computed columns as runtime hooks, or undefined when it has none. */
export function projectorColumns(t: Topology, projector: ProjectorSpec): ProjectorColumns | undefined {
  if (projector.columns.length === 0) return undefined;
  const updates = compileUpdates(t, projector.columns, 'row', projector.events);
  const shown = (values: Record<string, RuleValue>): Payload =>
    Object.fromEntries(projector.columns.map((f) => [f.name, displayValueOf(f, values[f.name] ?? initialOf(f))]));
  return {
    initial: () => shown(Object.fromEntries(projector.columns.map((f) => [f.name, initialOf(f)]))),
    evolve: (current, event) => shown(applyUpdates(projector.columns, 'row', updates.get(event.type), current, event.payload)),
  };
}

/** The policy's condition as a predicate, or undefined when it has none. */
export function policyCondition(t: Topology, policy: PolicySpec): ((event: EventEnvelope) => boolean) | undefined {
  if (!policy.when) return undefined;
  const triggers = policy.triggers.map((id) => t.events.find((e) => e.elementId === id)).filter((e): e is EventSpec => !!e);
  const common = commonFields(triggers);
  const expr = compiled(policy.when, conditionScope(triggers), 'boolean');
  return (event) => {
    const spec = triggers.find((e) => e.typeName === event.type);
    const env = new Map<string, RuleValue>();
    payloadValues('event', spec?.fields ?? common, event.payload, env);
    withBareNames(env, ['event']);
    return evaluate(expr, env) === true;
  };
}
