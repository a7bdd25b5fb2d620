// Payload fields of an event or a command: name, type (with enum symbols or decimal precision
// and scale), optional flag and documentation; fields can be added, removed and reordered.
// Each edit replaces the element's field list in one document operation (one undo step).
import type { CommandElement, EventElement, FieldType, PayloadField } from '../../model';
import { FIELD_TYPES, renameField } from '../../model';
import { CommitField } from './CommitField';
import { update } from './Inspector';
import { fieldProblem, wholeNumber } from './rules';

type WithFields = EventElement | CommandElement;

function withType(field: PayloadField, type: FieldType): PayloadField {
  const next: PayloadField = { name: field.name, type, optional: field.optional, doc: field.doc };
  if (type === 'enum') next.symbols = field.symbols?.length ? field.symbols : ['A', 'B'];
  if (type === 'decimal') {
    next.precision = field.precision ?? 10;
    next.scale = field.scale ?? 2;
  }
  return next;
}

function newFieldName(fields: readonly PayloadField[]): string {
  const names = new Set(fields.map((f) => f.name));
  for (let i = 1; ; i++) if (!names.has(`field${i}`)) return `field${i}`;
}

export function PayloadFieldsEditor({ element }: { element: WithFields }) {
  const fields = element.fields;
  const write = (next: PayloadField[]) => update(element.id, { fields: next });
  const replace = (i: number, field: PayloadField) => fields.map((f, j) => (j === i ? field : f));
  const check = (i: number, field: PayloadField, key: keyof PayloadField) => fieldProblem(fields, i, field, key);
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= fields.length) return;
    const next = [...fields];
    [next[i], next[j]] = [next[j]!, next[i]!];
    write(next);
  };
  return (
    <section aria-label="Payload fields">
      <h3>Payload fields</h3>
      {fields.length === 0 ? <p className="sb-field-hint">No fields yet. Add the data this {element.kind} carries.</p> : null}
      {fields.map((field, i) => (
        <div key={i} className="sb-payload-field" role="group" aria-label={`Field ${i + 1}: ${field.name}`}>
          <div className="sb-field-row sb-field-row-wide">
            <CommitField
              label="Field name"
              value={field.name}
              validate={(text) => check(i, { ...field, name: text.trim() }, 'name')}
              onCommit={(text) => write(element.kind === 'event' ? renameField(element, i, text.trim()) : replace(i, { ...field, name: text.trim() }))}
              hint={field.aliases?.length ? `Renamed from ${field.aliases.join(', ')} (alias: readers of older versions still find it)` : undefined}
            />
            <div className="sb-field">
              <label htmlFor={`${element.id}-f${i}-type`}>Type</label>
              <select id={`${element.id}-f${i}-type`} value={field.type} onChange={(e) => write(replace(i, withType(field, e.target.value as FieldType)))}>
                {FIELD_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {field.type === 'enum' ? (
            <CommitField
              label="Symbols (comma-separated)"
              value={(field.symbols ?? []).join(', ')}
              validate={(text) => check(i, { ...field, symbols: splitSymbols(text) }, 'symbols')}
              onCommit={(text) => write(replace(i, { ...field, symbols: splitSymbols(text) }))}
            />
          ) : null}
          {field.type === 'decimal' ? (
            <div className="sb-field-row">
              <CommitField
                label="Precision"
                inputMode="numeric"
                value={String(field.precision ?? '')}
                validate={(text) => {
                  const n = wholeNumber(text, 'Precision');
                  return n.ok ? check(i, { ...field, precision: n.value }, 'precision') ?? check(i, { ...field, precision: n.value }, 'scale') : n.message;
                }}
                onCommit={(text) => write(replace(i, { ...field, precision: Number(text.trim()) }))}
              />
              <CommitField
                label="Scale"
                inputMode="numeric"
                value={String(field.scale ?? '')}
                validate={(text) => {
                  const n = wholeNumber(text, 'Scale');
                  return n.ok ? check(i, { ...field, scale: n.value }, 'scale') : n.message;
                }}
                onCommit={(text) => write(replace(i, { ...field, scale: Number(text.trim()) }))}
              />
            </div>
          ) : null}
          <div className="sb-field-row sb-field-row-wide">
            <CommitField label="Doc" value={field.doc} onCommit={(doc) => write(replace(i, { ...field, doc }))} />
            <label className="sb-check" style={{ alignSelf: 'end', padding: '0.3rem 0' }}>
              <input type="checkbox" checked={field.optional} onChange={() => write(replace(i, { ...field, optional: !field.optional }))} />
              Optional
            </label>
          </div>
          <div className="sb-payload-field-actions">
            <button type="button" className="sb-button" aria-label={`Move ${field.name} up`} disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button type="button" className="sb-button" aria-label={`Move ${field.name} down`} disabled={i === fields.length - 1} onClick={() => move(i, 1)}>
              ↓
            </button>
            <button type="button" className="sb-button sb-danger" aria-label={`Remove ${field.name}`} onClick={() => write(fields.filter((_, j) => j !== i))}>
              ✕
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="sb-button" onClick={() => write([...fields, { name: newFieldName(fields), type: 'string', optional: false, doc: '' }])}>
        + Add field
      </button>
    </section>
  );
}

function splitSymbols(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
