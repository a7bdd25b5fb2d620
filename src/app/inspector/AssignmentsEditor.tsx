// Field values written as "field = expression", one input each, with the message's fields
// suggested as you type (a datalist) and every value checked against the field's type; an
// empty input at the end adds one, clearing an input removes it. Used for the event fields an
// outcome computes and for the cells of a scenario's rows.
import { useId, useState } from 'react';
import type { ExprType, FieldExpr } from '../../model';
import { exprTypeOfField } from '../../model';
import { ruleName, type FieldSpec } from '../../topology';
import { CommitField } from './CommitField';
import { ruleProblem } from './useRuleContext';

export interface NamedType {
  name: string;
  type: ExprType;
}

export const namedTypes = (fields: readonly FieldSpec[]): NamedType[] => fields.map((f) => ({ name: ruleName(f), type: exprTypeOfField(f.type) }));

/** "amount = When.amount" → { field, expr }, or a message saying what is missing. */
export function splitAssignment(text: string): FieldExpr | string {
  const at = text.indexOf('=');
  if (at <= 0 || text[at + 1] === '=') return 'Write it as field = value, e.g. amount = 30.00';
  const field = text.slice(0, at).trim();
  const expr = text.slice(at + 1).trim();
  if (!expr) return `Give ${field} a value after "="`;
  return { field, expr };
}

export function AssignmentsEditor({ label, fields, values, scope, onChange }: { label: string; fields: readonly FieldSpec[] | readonly NamedType[]; values: readonly FieldExpr[]; scope: Map<string, ExprType>; onChange: (next: FieldExpr[]) => void }) {
  const listId = useId();
  // After a value is added with Enter, the next empty cell takes the focus, so several can be typed in a row;
  // one added by clicking elsewhere leaves the focus where the click put it.
  const [refocus, setRefocus] = useState(false);
  const named: NamedType[] = fields.map((f) => ('label' in f ? { name: ruleName(f), type: exprTypeOfField(f.type) } : f));
  const check = (text: string, i: number): string | null => {
    if (text.trim() === '') return null;
    const a = splitAssignment(text);
    if (typeof a === 'string') return a;
    const field = named.find((f) => f.name === a.field);
    if (!field) return `There is no field "${a.field}" here; fields: ${named.map((f) => f.name).join(', ')}`;
    if (values.some((v, j) => j !== i && v.field === a.field)) return `${a.field} already has a value here: change that one instead`;
    return ruleProblem(a.expr, scope, field.type);
  };
  const commit = (i: number, text: string, how: 'enter' | 'blur') => {
    if (text.trim() === '') return onChange(values.filter((_, j) => j !== i));
    const a = splitAssignment(text);
    if (typeof a === 'string') return;
    if (i >= values.length) setRefocus(how === 'enter');
    onChange(i < values.length ? values.map((v, j) => (j === i ? a : v)) : [...values, a]);
  };
  // A value's cell keeps its key (and the focus) while edited; the empty one is new after each addition.
  return (
    <div className="sb-assignments" role="group" aria-label={label}>
      <datalist id={listId}>
        {named.map((f) => (
          <option key={f.name} value={`${f.name} = `} />
        ))}
      </datalist>
      {[...values, null].map((v, i) => (
        <CommitField
          key={v ? `value-${i}` : `add-${values.length}`}
          autoFocus={!v && refocus}
          label={v ? `${label}: ${v.field}` : `${label}: add a field`}
          value={v ? `${v.field} = ${v.expr}` : ''}
          placeholder={v ? undefined : '+ field = value'}
          list={listId}
          compact
          validate={(text) => check(text, i)}
          onCommit={(text, how) => commit(i, text, how)}
        />
      ))}
    </div>
  );
}
