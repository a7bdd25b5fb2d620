// Runs the board's Given-When-Then scenarios on the same runtime the simulator runs and the
// export embeds (decide/apply with the board's rules, react, project): pure and deterministic
// (a fixed clock and seed fill the fields a scenario leaves out). A command that chooses
// between outcomes without rules fails its scenarios with that reason: it would be random.
import type { Board, ElementId, ExprType, FieldExpr, RuleValue, Scenario } from '../../model';
import { compileRule, evaluate, exprTypeOfField, payloadValueOf, RuleError } from '../../model';
import { compileTopology } from '../compileTopology';
import * as runtime from '../runtime';
import { aggregateDefinition, policyDefinition, projectorDefinition, runtimeFields } from '../runtimeDefinitions';
import type { AggregateSpec, EventSpec, FieldSpec, Topology } from '../types';
import type { ScopePart } from '../rules/scopes';
import { fieldsPart, payloadValues, ruleName } from '../rules/scopes';
import type { ScenarioCounts, ScenarioDifference, ScenarioResult } from './types';

export const SCENARIO_NOW_MS = 1_700_000_000_000;
const SEED = 7;

/** Then cells name the When command's (or the Given event's) fields qualified only: When.amount. */
const qualified = (part: ScopePart) => new Map<string, ExprType>(part.entries.map(([name, type]) => [`${part.prefix}.${name}`, type]));
export const qualifiedScope = (prefix: string, fields: readonly FieldSpec[]) => qualified(fieldsPart(prefix, fields));

/** A cell's problem, said where it is ("Given 1, amount: …"). */
class CellError extends Error {}

function fieldOf(fields: readonly FieldSpec[], name: string): FieldSpec | undefined {
  return fields.find((f) => ruleName(f) === name || f.label === name || f.name === name);
}

function cellValue(where: string, cell: FieldExpr, type: ExprType, scope: Map<string, ExprType>, env: Map<string, RuleValue>): RuleValue {
  const c = compileRule(cell.expr, scope, type);
  if (!c.ok) throw new CellError(`${where}, ${cell.field}: ${c.error.message}`);
  try {
    return evaluate(c.expr, env);
  } catch (err) {
    throw new CellError(`${where}, ${cell.field}: ${err instanceof RuleError ? err.message : String(err)}`);
  }
}

/** A payload for a message from a scenario row: the cells given, the key, generated values for the rest. */
function payloadOf(where: string, fields: readonly FieldSpec[], keyField: string | null, aggregateId: string, cells: readonly FieldExpr[], seed: number): runtime.Payload {
  const rf = runtimeFields(fields);
  const fixed: Record<string, unknown> = {};
  if (keyField) fixed[keyField] = runtime.keyValue(rf.find((f) => f.name === keyField), aggregateId);
  for (const cell of cells) {
    const spec = fieldOf(fields, cell.field);
    if (!spec) throw new CellError(`${where}: there is no field "${cell.field}" (fields: ${fields.map(ruleName).join(', ')})`);
    fixed[spec.name] = payloadValueOf(spec, cellValue(where, cell, exprTypeOfField(spec.type), new Map(), new Map()));
  }
  return runtime.fillPayload(rf, [], fixed, runtime.seededEnv(seed, SCENARIO_NOW_MS));
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const summary = (label: string, payload: runtime.Payload) =>
  `${label} { ${Object.entries(payload)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join(', ')} }`;

/** Compares a Then row's cells with an actual payload. */
function compareFields(label: string, step: number, fields: readonly FieldSpec[], cells: readonly FieldExpr[], payload: runtime.Payload, scope: Map<string, ExprType>, env: Map<string, RuleValue>, out: ScenarioDifference[]): void {
  for (const cell of cells) {
    const spec = fieldOf(fields, cell.field);
    if (!spec) throw new CellError(`Then ${step + 1}: ${label} has no field "${cell.field}"`);
    const expected = show(payloadValueOf(spec, cellValue(`Then ${step + 1}`, cell, exprTypeOfField(spec.type), scope, env)));
    const actual = payload[spec.name] === undefined ? '(none)' : show(payload[spec.name]);
    if (expected !== actual) out.push({ message: `${label}.${cell.field}: expected ${expected}, got ${actual}`, step, field: cell.field, expected, actual });
  }
}

interface Ctx {
  t: Topology;
  eventsById: Map<ElementId, EventSpec>;
}

function aggregateIdFor(agg: AggregateSpec | undefined, t: Topology): string {
  const command = agg?.commands[0] && t.commands.find((c) => c.elementId === agg.commands[0]!.commandId);
  const key = command?.fields.find((f) => f.name === command.keyField);
  return key ? String(runtime.generateValue(runtimeFields([key])[0]!, runtime.seededEnv(42, SCENARIO_NOW_MS))) : 'scenario-1';
}

/** The given events of a scenario as envelopes of one aggregate (version 1, 2, …). */
export function buildGiven(t: Topology, steps: Scenario['given'], aggregateId: string, aggregateType: string): runtime.EventEnvelope[] {
  return steps.map((step, i) => {
    const event = t.events.find((e) => e.elementId === step.elementId);
    if (!event) throw new CellError(`Given ${i + 1}: that event is no longer on the board`);
    return {
      type: event.typeName,
      aggregateType,
      aggregateId,
      version: i + 1,
      schemaVersion: 1,
      timestamp: SCENARIO_NOW_MS,
      payload: payloadOf(`Given ${i + 1} (${event.label})`, event.fields, event.keyField, aggregateId, step.values, SEED + i),
    };
  });
}

/** A command scenario's aggregate, given events and command, as the runtime takes them. */
export function buildCommandInput(t: Topology, commandId: ElementId, scenario: Scenario) {
  const command = t.commands.find((c) => c.elementId === commandId);
  const agg = command?.handler?.kind === 'aggregate' ? t.aggregates.find((a) => a.elementId === command.handler!.elementId) : undefined;
  const entry = agg?.commands.find((c) => c.commandId === commandId);
  if (!command || !agg || !entry) throw new CellError('This command is handled by no aggregate: link it to one');
  const aggregateId = aggregateIdFor(agg, t);
  const given = buildGiven(t, scenario.given, aggregateId, agg.typeName);
  const envelope: runtime.CommandEnvelope = { type: command.typeName, aggregateId, payload: payloadOf(`When (${command.label})`, command.fields, command.keyField, aggregateId, scenario.when, SEED + 100) };
  return { agg, entry, commandSpec: command, commandFields: command.fields, aggregateElementId: agg.elementId, given, command: envelope };
}

function runCommandScenario(cx: Ctx, commandId: ElementId, scenario: Scenario, diffs: ScenarioDifference[], actual: string[]): void {
  const { t } = cx;
  const input = buildCommandInput(t, commandId, scenario);
  const { agg, entry, commandSpec: command } = input;
  if (!entry.rules && entry.outcomes.length > 1) {
    diffs.push({ message: `No rule decides ${command.label}: the simulator picks ${entry.outcomes.map((o) => cx.eventsById.get(o.eventId)?.label ?? '?').join(' or ')} at random. Add a guard to each outcome.` });
    return;
  }
  const def = aggregateDefinition(t, agg);
  const given = input.given;
  const state = runtime.rehydrate(def, input.command.aggregateId, null, given);
  const envelope = input.command;
  let events: runtime.EventEnvelope[];
  try {
    events = runtime.decide(def, state, envelope, runtime.seededEnv(SEED, SCENARIO_NOW_MS));
  } catch (err) {
    if (err instanceof runtime.CommandRejectedError) {
      // The reason as the simulator and the exported service give it (rejectionReason).
      const reason = err.message.replace(/^.*? is rejected: /, '');
      actual.push(`Rejected: ${reason}`);
      if (!scenario.rejected) diffs.push({ message: `Expected ${scenario.then.map((s) => cx.eventsById.get(s.elementId)?.label ?? '?').join(', ') || 'events'}, but the command was rejected: ${reason}` });
      return;
    }
    throw err;
  }
  for (const e of events) actual.push(summary(t.events.find((x) => x.typeName === e.type)?.label ?? e.type, e.payload));
  const labels = events.map((e) => t.events.find((x) => x.typeName === e.type)?.label ?? e.type);
  if (scenario.rejected) {
    diffs.push({ message: `Expected a rejection, but the command led to ${labels.join(', ')}` });
    return;
  }
  const scope = qualified(fieldsPart('When', command.fields));
  const env = new Map<string, RuleValue>();
  payloadValues('When', command.fields, envelope.payload, env);
  compareEvents(cx, scenario, events, labels, scope, env, diffs);
}

function compareEvents(cx: Ctx, scenario: Scenario, events: readonly runtime.EventEnvelope[], labels: string[], scope: Map<string, ExprType>, env: Map<string, RuleValue>, diffs: ScenarioDifference[]): void {
  scenario.then.forEach((step, i) => {
    const want = cx.eventsById.get(step.elementId);
    const got = events[i];
    if (!want) throw new CellError(`Then ${i + 1}: that event is no longer on the board`);
    if (!got) return void diffs.push({ message: `Expected ${want.label}, got nothing`, step: i, expected: want.label, actual: '(nothing)' });
    if (got.type !== want.typeName) return void diffs.push({ message: `Expected ${want.label}, got ${labels[i]}`, step: i, expected: want.label, actual: labels[i] });
    compareFields(want.label, i, want.fields, step.values, got.payload, scope, env, diffs);
  });
  for (let i = scenario.then.length; i < events.length; i++) diffs.push({ message: `Did not expect ${labels[i]}`, step: i, actual: labels[i] });
}

function runPolicyScenario(cx: Ctx, policyId: ElementId, scenario: Scenario, diffs: ScenarioDifference[], actual: string[]): void {
  const { t } = cx;
  const policy = t.policies.find((p) => p.elementId === policyId);
  if (!policy) throw new CellError('This policy is not part of the topology yet: link its event and command');
  const trigger = scenario.given[0];
  const event = trigger && cx.eventsById.get(trigger.elementId);
  if (!trigger || !event) throw new CellError('Given: add the event that triggers the policy');
  const aggregateId = 'scenario-1';
  const [envelope] = buildGiven(t, [trigger], aggregateId, 'Scenario');
  const commands = runtime.react(policyDefinition(t, policy), envelope!, runtime.seededEnv(SEED, SCENARIO_NOW_MS));
  const labelOf = (type: string) => t.commands.find((c) => c.typeName === type)?.label ?? type;
  for (const c of commands) actual.push(summary(labelOf(c.type), c.payload));
  if (commands.length === 0) actual.push('no command (the condition does not hold)');
  const scope = qualified(fieldsPart('Given', event.fields));
  const env = new Map<string, RuleValue>();
  payloadValues('Given', event.fields, envelope!.payload, env);
  scenario.then.forEach((step, i) => {
    const want = t.commands.find((c) => c.elementId === step.elementId);
    const got = commands[i];
    if (!want) throw new CellError(`Then ${i + 1}: that command is no longer on the board`);
    if (!got) return void diffs.push({ message: `Expected ${want.label}, got no command`, step: i, expected: want.label, actual: '(nothing)' });
    if (got.type !== want.typeName) return void diffs.push({ message: `Expected ${want.label}, got ${labelOf(got.type)}`, step: i });
    compareFields(want.label, i, want.fields, step.values, got.payload, scope, env, diffs);
  });
  for (let i = scenario.then.length; i < commands.length; i++) diffs.push({ message: `Did not expect ${labelOf(commands[i]!.type)}`, step: i });
}

function runReadModelScenario(cx: Ctx, readModelId: ElementId, scenario: Scenario, diffs: ScenarioDifference[], actual: string[]): void {
  const { t } = cx;
  const projector = t.projectors.find((p) => p.elementId === readModelId) ?? t.projectors.find((p) => p.elementId === readModelId);
  if (!projector) throw new CellError('This read model is not part of the topology yet');
  const table = new runtime.ReadModelTable(projectorDefinition(t, projector));
  const events = buildGiven(t, scenario.given, 'scenario-1', 'Scenario');
  let row: runtime.ReadModelRow | undefined;
  for (const e of events) row = table.upsert(e) ?? row;
  actual.push(row ? summary('row', row.fields as runtime.Payload) : 'no row (no given event feeds this read model)');
  const columns = projector.columns;
  const fields: FieldSpec[] = [];
  for (const e of events) for (const f of cx.t.events.find((x) => x.typeName === e.type)?.fields ?? []) if (!fields.some((g) => g.name === f.name)) fields.push(f);
  scenario.then.forEach((step, i) => {
    for (const cell of step.values) {
      const column = columns.find((c) => c.name === cell.field);
      const spec = column ? undefined : fieldOf(fields, cell.field);
      if (!column && !spec) throw new CellError(`Then: the row has no field "${cell.field}"`);
      const type: ExprType = column ? (column.type === 'decimal' || column.type === 'number' ? 'number' : column.type === 'text' ? 'string' : column.type) : exprTypeOfField(spec!.type);
      const value = cellValue('Then', cell, type, new Map(), new Map());
      const expected = show(column ? (column.type === 'decimal' && typeof value === 'number' ? value.toFixed(column.scale ?? 2) : value) : payloadValueOf(spec!, value));
      const raw = row?.fields[column ? column.name : spec!.name];
      const got = raw === undefined ? '(none)' : show(raw);
      if (expected !== got) diffs.push({ message: `${projector.label}.${cell.field}: expected ${expected}, got ${got}`, step: i, field: cell.field, expected, actual: got });
    }
  });
}

/** Runs every scenario on the board; results in board order. */
export function runScenarios(board: Board, topology: Topology = compileTopology(board)): ScenarioResult[] {
  const cx: Ctx = { t: topology, eventsById: new Map(topology.events.map((e) => [e.elementId, e])) };
  const results: ScenarioResult[] = [];
  for (const el of board.elements) {
    if ((el.kind !== 'command' && el.kind !== 'policy' && el.kind !== 'readModel') || !el.scenarios) continue;
    for (const scenario of el.scenarios) {
      const differences: ScenarioDifference[] = [];
      const actual: string[] = [];
      let status: ScenarioResult['status'];
      try {
        if (el.kind === 'command') runCommandScenario(cx, el.id, scenario, differences, actual);
        else if (el.kind === 'policy') runPolicyScenario(cx, el.id, scenario, differences, actual);
        else runReadModelScenario(cx, el.id, scenario, differences, actual);
        status = differences.length ? 'fail' : 'pass';
      } catch (err) {
        status = 'error';
        differences.push({ message: err instanceof CellError ? err.message : err instanceof RuleError ? `A rule has an error: ${err.message}` : `Could not run: ${err instanceof Error ? err.message : String(err)}` });
      }
      results.push({ elementId: el.id, scenarioId: scenario.id, name: scenario.name, status, differences, actual });
    }
  }
  return results;
}

/** Pass / fail / error counts per sticky. */
export function countScenarios(results: readonly ScenarioResult[]): Map<ElementId, ScenarioCounts> {
  const out = new Map<ElementId, ScenarioCounts>();
  for (const r of results) {
    const c = out.get(r.elementId) ?? { pass: 0, fail: 0, error: 0 };
    c[r.status]++;
    out.set(r.elementId, c);
  }
  return out;
}
