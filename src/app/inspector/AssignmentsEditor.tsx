// Field values written as "field = expression", one input each, with the message's fields
// suggested as you type (a datalist) and every value checked against the field's type; an
// empty input at the end adds one, clearing an input removes it. Used for the event fields an
// outcome computes and for the cells of a scenario's rows.
import { useId } from 'react';
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
  const named: NamedType[] = fields.map((f) => ('label' in f ? { name: ruleName(f), type: exprTypeOfField(f.type) } : f));
  const check = (text: string): string | null => {
    if (text.trim() === '') return null;
    const a = splitAssignment(text);
    if (typeof a === 'string') return a;
    const field = named.find((f) => f.name === a.field);
    if (!field) return `There is no field "${a.field}" here; fields: ${named.map((f) => f.name).join(', ')}`;
    return ruleProblem(a.expr, scope, field.type);
  };
  const commit = (i: number, text: string) => {
    if (text.trim() === '') return onChange(values.filter((_, j) => j !== i));
    const a = splitAssignment(text);
    if (typeof a === 'string') return;
    onChange(i < values.length ? values.map((v, j) => (j === i ? a : v)) : [...values, a]);
  };
  return (
    <div className="sb-assignments" role="group" aria-label={label}>
      <datalist id={listId}>
        {named.map((f) => (
          <option key={f.name} value={`${f.name} = `} />
        ))}
      </datalist>
      {[...values, null].map((v, i) => (
        <CommitField
          key={`${i}-${values.length}`}
          label={v ? `${label}: ${v.field}` : `${label}: add a field`}
          value={v ? `${v.field} = ${v.expr}` : ''}
          placeholder={v ? undefined : '+ field = value'}
          list={listId}
          compact
          validate={check}
          onCommit={(text) => commit(i, text)}
        />
      ))}
    </div>
  );
}
