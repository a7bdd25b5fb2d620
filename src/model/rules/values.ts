// Between payloads and the rule language: a payload field's type as a rule type, a payload
// value as a rule value (decimals are strings on the wire and numbers in rules), a rule value
// written back into a field (a decimal to its scale), and a computed field's starting value.
import type { ComputedField, ComputedType, FieldType, PayloadField } from '../types';
import type { ExprType, RuleValue } from './ast';

export function exprTypeOfField(type: FieldType): ExprType {
  switch (type) {
    case 'int':
    case 'long':
    case 'double':
    case 'decimal':
    case 'timestamp':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

export function exprTypeOfComputed(type: ComputedType): ExprType {
  return type === 'decimal' ? 'number' : type === 'text' ? 'string' : type;
}

/** A payload value as the rules see it, or undefined when it has none of the right kind. */
export function ruleValueOf(field: Pick<PayloadField, 'type'>, value: unknown): RuleValue | undefined {
  if (value === undefined || value === null) return undefined;
  const want = exprTypeOfField(field.type);
  if (want === 'number') {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
  }
  if (want === 'boolean') return typeof value === 'boolean' ? value : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A rule value written into a payload field: decimals as strings of their scale, ints whole. */
export function payloadValueOf(field: Pick<PayloadField, 'type' | 'scale'>, value: RuleValue): unknown {
  switch (field.type) {
    case 'decimal':
      return typeof value === 'number' ? value.toFixed(field.scale ?? 0) : value;
    case 'int':
    case 'long':
    case 'timestamp':
      return typeof value === 'number' ? Math.round(value) : value;
    default:
      return value;
  }
}

/** The value a computed field starts from when its `initial` is empty. */
export function defaultValue(type: ComputedType): RuleValue {
  switch (type) {
    case 'decimal':
    case 'number':
      return 0;
    case 'text':
      return '';
    case 'boolean':
      return false;
    case 'list':
      return [];
  }
}

/** A computed field's value as a row or a state shows it: money rounded to its scale. */
export function displayValueOf(field: Pick<ComputedField, 'type' | 'scale'>, value: RuleValue): unknown {
  return field.type === 'decimal' && typeof value === 'number' ? value.toFixed(field.scale ?? 2) : value;
}
