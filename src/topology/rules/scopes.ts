// What a rule may name, per place: an outcome's guard sees the command's fields and the
// aggregate's state; an event's update sees the event's fields and the state (or the row); a
// policy's condition sees the triggering event's fields. Names are the fields as typed on the
// board; qualified names (command.amount, state.balance, event.amount, row.balance) resolve a
// clash. Values are read from payloads by the fields' safe names.
import type { ComputedField, ExprType, RuleValue } from '../../model';
import { exprTypeOfComputed, exprTypeOfField, ruleValueOf } from '../../model';
import type { FieldSpec } from '../types';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The name a rule uses for a payload field: its label when that is a plain identifier. */
export function ruleName(f: FieldSpec): string {
  return IDENTIFIER.test(f.label) ? f.label : f.name;
}

export interface ScopePart {
  prefix: string;
  entries: [string, ExprType][];
}

export const fieldsPart = (prefix: string, fields: readonly FieldSpec[]): ScopePart => ({
  prefix,
  entries: fields.map((f) => [ruleName(f), exprTypeOfField(f.type)]),
});

export const computedPart = (prefix: string, fields: readonly ComputedField[]): ScopePart => ({
  prefix,
  entries: fields.filter((f) => IDENTIFIER.test(f.name)).map((f) => [f.name, exprTypeOfComputed(f.type)]),
});

/** A scope from parts, earlier parts winning bare names. */
export function buildScope(...parts: ScopePart[]): Map<string, ExprType> {
  const scope = new Map<string, ExprType>();
  for (const p of parts) for (const [name, type] of p.entries) scope.set(`${p.prefix}.${name}`, type);
  for (const p of parts) for (const [name, type] of p.entries) if (!scope.has(name)) scope.set(name, type);
  return scope;
}

/** Values of a payload under the names buildScope gives them. */
export function payloadValues(prefix: string, fields: readonly FieldSpec[], payload: Readonly<Record<string, unknown>>, into: Map<string, RuleValue>): void {
  for (const f of fields) {
    const v = Object.prototype.hasOwnProperty.call(payload, f.name) ? ruleValueOf(f, payload[f.name]) : undefined;
    if (v === undefined) continue;
    into.set(`${prefix}.${ruleName(f)}`, v);
  }
}

/** Values of computed fields (state or row) under their names. */
export function computedValues(prefix: string, fields: readonly ComputedField[], values: Readonly<Record<string, unknown>>, into: Map<string, RuleValue>): void {
  for (const f of fields) {
    if (!Object.prototype.hasOwnProperty.call(values, f.name)) continue;
    const raw = values[f.name];
    const v = f.type === 'decimal' || f.type === 'number' ? (typeof raw === 'string' ? Number(raw) : raw) : raw;
    if (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' || typeof v === 'boolean' || Array.isArray(v)) into.set(`${prefix}.${f.name}`, v as RuleValue);
  }
}

/** Adds bare names for qualified ones, earlier prefixes first (as buildScope does). */
export function withBareNames(values: Map<string, RuleValue>, prefixes: readonly string[]): Map<string, RuleValue> {
  for (const prefix of prefixes) {
    for (const [k, v] of [...values]) {
      if (!k.startsWith(`${prefix}.`)) continue;
      const bare = k.slice(prefix.length + 1);
      if (!values.has(bare)) values.set(bare, v);
    }
  }
  return values;
}

/** What an outcome's guard and computed event fields may name: the command, then the state. */
export function guardScope(commandFields: readonly FieldSpec[], state: readonly ComputedField[]): Map<string, ExprType> {
  return buildScope(fieldsPart('command', commandFields), computedPart('state', state));
}

/** What an update on an event may name: the event's fields, then the state or row fields. */
export function updateScope(eventFields: readonly FieldSpec[], computed: readonly ComputedField[], prefix: 'state' | 'row'): Map<string, ExprType> {
  return buildScope(fieldsPart('event', eventFields), computedPart(prefix, computed));
}

/** The fields every triggering event has, with one type: what a policy's condition may name. */
export function commonFields(triggers: readonly { fields: readonly FieldSpec[] }[]): FieldSpec[] {
  return triggers[0]?.fields.filter((f) => triggers.every((t) => t.fields.some((g) => g.label === f.label && g.type === f.type))) ?? [];
}

export function conditionScope(triggers: readonly { fields: readonly FieldSpec[] }[]): Map<string, ExprType> {
  return buildScope(fieldsPart('event', commonFields(triggers)));
}

/** The type a computed field's update must give. */
export function updateType(field: ComputedField, op: ComputedField['updates'][number]['op']): ExprType {
  return op === 'append' ? 'any' : op === 'set' ? exprTypeOfComputed(field.type) : 'number';
}
