// A board's scenarios as concrete cases for the export's generated tests: the given events and
// the command as envelopes (the same ones scenario evaluation builds), and what each Then row
// expects as plain values (cells like `When.amount` already evaluated). A scenario whose cells
// cannot be evaluated is left out (the board shows it as an error).
import type { Board, ElementId, RuleValue } from '../../model';
import { compileRule, evaluate, exprTypeOfComputed, exprTypeOfField, payloadValueOf } from '../../model';
import { compileTopology } from '../compileTopology';
import type * as runtime from '../runtime';
import type { Topology } from '../types';
import { payloadValues, ruleName } from '../rules/scopes';
import { buildCommandInput, buildGiven, qualifiedScope } from './runScenarios';

export interface ExpectedMessage {
  /** Type name of the event or command. */
  type: string;
  /** Payload values the scenario names, by the fields' safe names. */
  fields: Record<string, unknown>;
}

export type ScenarioCase =
  | { kind: 'command'; elementId: ElementId; name: string; ownerLabel: string; aggregateId: ElementId; given: runtime.EventEnvelope[]; command: runtime.CommandEnvelope; rejected: boolean; expected: ExpectedMessage[] }
  | { kind: 'policy'; elementId: ElementId; name: string; ownerLabel: string; given: runtime.EventEnvelope[]; expected: ExpectedMessage[] }
  | { kind: 'readModel'; elementId: ElementId; name: string; ownerLabel: string; given: runtime.EventEnvelope[]; row: Record<string, unknown> };

function value(expr: string, type: ReturnType<typeof exprTypeOfField>, scope: Map<string, ReturnType<typeof exprTypeOfField>>, env: Map<string, RuleValue>): RuleValue {
  const c = compileRule(expr, scope, type);
  if (!c.ok) throw c.error;
  return evaluate(c.expr, env);
}

export function scenarioCases(board: Board, t: Topology = compileTopology(board)): ScenarioCase[] {
  const out: ScenarioCase[] = [];
  for (const el of board.elements) {
    if ((el.kind !== 'command' && el.kind !== 'policy' && el.kind !== 'readModel') || !el.scenarios) continue;
    for (const sc of el.scenarios) {
      try {
        if (el.kind === 'command') {
          const input = buildCommandInput(t, el.id, sc);
          const scope = qualifiedScope('When', input.commandFields);
          const env = new Map<string, RuleValue>();
          payloadValues('When', input.commandFields, input.command.payload, env);
          const expected = sc.then.map((step) => {
            const ev = t.events.find((e) => e.elementId === step.elementId)!;
            const fields: Record<string, unknown> = {};
            for (const cell of step.values) {
              const spec = ev.fields.find((f) => ruleName(f) === cell.field || f.label === cell.field || f.name === cell.field)!;
              fields[spec.name] = payloadValueOf(spec, value(cell.expr, exprTypeOfField(spec.type), scope, env));
            }
            return { type: ev.typeName, fields };
          });
          out.push({ kind: 'command', elementId: el.id, name: sc.name, ownerLabel: el.text, aggregateId: input.aggregateElementId, given: input.given, command: input.command, rejected: sc.rejected, expected });
        } else if (el.kind === 'policy') {
          const given = buildGiven(t, sc.given.slice(0, 1), 'scenario-1', 'Scenario');
          const trigger = t.events.find((e) => e.elementId === sc.given[0]?.elementId);
          if (!trigger || !given[0]) continue;
          const scope = qualifiedScope('Given', trigger.fields);
          const env = new Map<string, RuleValue>();
          payloadValues('Given', trigger.fields, given[0].payload, env);
          const expected = sc.then.map((step) => {
            const cmd = t.commands.find((c) => c.elementId === step.elementId)!;
            const fields: Record<string, unknown> = {};
            for (const cell of step.values) {
              const spec = cmd.fields.find((f) => ruleName(f) === cell.field || f.label === cell.field || f.name === cell.field)!;
              fields[spec.name] = payloadValueOf(spec, value(cell.expr, exprTypeOfField(spec.type), scope, env));
            }
            return { type: cmd.typeName, fields };
          });
          out.push({ kind: 'policy', elementId: el.id, name: sc.name, ownerLabel: el.text, given, expected });
        } else {
          const projector = t.projectors.find((p) => p.elementId === el.id);
          if (!projector) continue;
          const given = buildGiven(t, sc.given, 'scenario-1', 'Scenario');
          const row: Record<string, unknown> = {};
          for (const step of sc.then) {
            for (const cell of step.values) {
              const column = projector.columns.find((c) => c.name === cell.field);
              if (column) {
                const v = value(cell.expr, exprTypeOfComputed(column.type), new Map(), new Map());
                row[column.name] = column.type === 'decimal' && typeof v === 'number' ? v.toFixed(column.scale ?? 2) : v;
                continue;
              }
              const spec = t.events.filter((e) => projector.events.includes(e.elementId)).flatMap((e) => e.fields).find((f) => ruleName(f) === cell.field || f.label === cell.field);
              if (spec) row[spec.name] = payloadValueOf(spec, value(cell.expr, exprTypeOfField(spec.type), new Map(), new Map()));
            }
          }
          out.push({ kind: 'readModel', elementId: el.id, name: sc.name, ownerLabel: el.text, given, row });
        }
      } catch {
        // Cells or rules with errors: the board shows the scenario as "cannot run".
      }
    }
  }
  return out;
}
