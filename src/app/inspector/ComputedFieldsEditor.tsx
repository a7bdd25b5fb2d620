// An aggregate's state fields or a read model's columns: each a name, a type and a start value,
// and how each event changes it (set, add, subtract, append an expression over the event's
// fields). An aggregate drawn several times is one aggregate: its state is written to every
// sticky of it at once (one undo step).
import type { ComputedField, ComputedType, ElementId, FieldUpdate, UpdateOp } from '../../model';
import { COMPUTED_TYPES, UPDATE_OPS } from '../../model';
import { updateScope, updateType } from '../../topology';
import { useBoardStore } from '../../store/boardStore';
import { useUiStore } from '../../store/uiStore';
import { CommitField } from './CommitField';
import { labelOf, ruleProblem, useTopology } from './useRuleContext';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Writes `patch` to every sticky in `ids` as one undo step. */
export function updateAll(ids: readonly ElementId[], patch: Record<string, unknown>): void {
  const doc = useBoardStore.getState().doc;
  if (!doc) return;
  try {
    doc.transact(() => {
      for (const id of ids) doc.updateElement(id, patch);
    });
  } catch (error) {
    useUiStore.getState().notify({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

export function ComputedFieldsEditor(props: { title: string; what: string; ownerIds: readonly ElementId[]; patchKey: 'state' | 'columns'; fields: readonly ComputedField[]; eventIds: readonly ElementId[]; prefix: 'state' | 'row' }) {
  const { title, what, ownerIds, patchKey, fields, eventIds, prefix } = props;
  const t = useTopology();
  const write = (next: ComputedField[]) => updateAll(ownerIds, { [patchKey]: next.length ? next : undefined });
  const replace = (i: number, f: ComputedField) => fields.map((x, j) => (j === i ? f : x));
  const events = t ? t.events.filter((e) => eventIds.includes(e.elementId)) : [];
  const newName = () => {
    for (let i = 1; ; i++) if (!fields.some((f) => f.name === `field${i}`)) return `field${i}`;
  };
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {fields.length === 0 ? <p className="sb-field-hint">No {what} yet: add one and say how each event changes it (e.g. balance: add amount on Money deposited).</p> : null}
      {fields.map((f, i) => (
        <div key={i} className="sb-rule" role="group" aria-label={`${what} ${f.name}`}>
          <div className="sb-field-row">
            <CommitField
              label="Name"
              value={f.name}
              validate={(text) => (IDENTIFIER.test(text.trim()) ? (fields.some((x, j) => j !== i && x.name === text.trim()) ? 'Another field has that name' : null) : 'Letters, digits and "_", not starting with a digit')}
              onCommit={(text) => write(replace(i, { ...f, name: text.trim() }))}
            />
            <div className="sb-field">
              <label htmlFor={`${ownerIds[0]}-${patchKey}-${i}-type`}>Type</label>
              <select id={`${ownerIds[0]}-${patchKey}-${i}-type`} value={f.type} onChange={(e) => write(replace(i, { ...f, type: e.target.value as ComputedType, ...(e.target.value === 'decimal' ? { scale: f.scale ?? 2 } : {}) }))}>
                {COMPUTED_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {type === 'decimal' ? 'money / decimal' : type}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <CommitField label={`Start value of ${f.name}`} value={f.initial} placeholder="0, empty or false" validate={(text) => ruleProblem(text, new Map(), f.type === 'decimal' || f.type === 'number' ? 'number' : f.type === 'text' ? 'string' : f.type, true)} onCommit={(text) => write(replace(i, { ...f, initial: text.trim() }))} />
          <div className="sb-updates" role="list" aria-label={`How events change ${f.name}`}>
              {f.updates.map((u, k) => {
                const event = events.find((e) => e.elementId === u.eventId);
                const set = (patch: Partial<FieldUpdate>) => write(replace(i, { ...f, updates: f.updates.map((x, m) => (m === k ? { ...x, ...patch } : x)) }));
                return (
                  <div key={k} className="sb-update" role="listitem">
                    <select className="sb-update-event" aria-label={`${f.name} update ${k + 1} event`} value={u.eventId} onChange={(e) => set({ eventId: e.target.value as ElementId })}>
                        {events.some((e) => e.elementId === u.eventId) ? null : <option value={u.eventId}>{t ? labelOf(t, u.eventId) : '…'}</option>}
                        {events.map((e) => (
                          <option key={e.elementId} value={e.elementId}>
                            {e.label}
                          </option>
                        ))}
                    </select>
                    <select aria-label={`${f.name} update ${k + 1} operation`} value={u.op} onChange={(e) => set({ op: e.target.value as UpdateOp })}>
                        {UPDATE_OPS.map((op) => (
                          <option key={op} value={op}>
                            {op}
                          </option>
                        ))}
                    </select>
                    <CommitField
                        label={`${f.name} update ${k + 1} value`}
                        compact
                        value={u.expr}
                        validate={(text) => (event ? ruleProblem(text, updateScope(event.fields, fields, prefix), updateType(f, u.op)) : null)}
                        onCommit={(text) => set({ expr: text.trim() })}
                      />
                    <button type="button" className="sb-button sb-mini sb-danger" aria-label={`Remove ${f.name} update ${k + 1}`} onClick={() => write(replace(i, { ...f, updates: f.updates.filter((_, m) => m !== k) }))}>
                        ✕
                    </button>
                  </div>
                );
              })}
          </div>
          <div className="sb-rule-add">
            <button type="button" className="sb-button" disabled={events.length === 0} onClick={() => write(replace(i, { ...f, updates: [...f.updates, { eventId: events[0]!.elementId, op: f.type === 'list' ? 'append' : 'set', expr: '' }] }))}>
              + On an event
            </button>
            <button type="button" className="sb-button sb-danger" aria-label={`Remove ${what} ${f.name}`} onClick={() => write(fields.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="sb-button" onClick={() => write([...fields, { name: newName(), type: 'decimal', scale: 2, initial: '', updates: [] }])}>
        + Add {what}
      </button>
    </section>
  );
}
