// Given-When-Then scenarios of a command, a policy or a read model, each a small table: Given
// rows (events with field values), the When row (the command's values), Then rows (the events
// or commands expected, or the read model's row) or "expect a rejection". Named, reorderable,
// several per sticky; every cell is "field = value" with the fields suggested. Its result from
// the latest run (in the worker, a moment after each edit) shows beside the name.
import { useState } from 'react';
import type { ElementId, ExprType, FieldExpr, Scenario, ScenarioId, ScenarioStep } from '../../model';
import { exprTypeOfComputed } from '../../model';
import { newId } from '../../lib/ids';
import type { ScenarioResult, Topology } from '../../topology';
import { useBoardStore } from '../../store/boardStore';
import { AssignmentsEditor, namedTypes, type NamedType } from './AssignmentsEditor';
import { CommitField } from './CommitField';
import { update } from './Inspector';
import { useTopology } from './useRuleContext';

type Owner = { id: ElementId; kind: 'command' | 'policy' | 'readModel'; text: string; scenarios?: Scenario[] };

interface Choices {
  given: { id: ElementId; label: string }[];
  then: { id: ElementId; label: string }[];
  fieldsOf(id: ElementId): NamedType[];
  whenFields: NamedType[];
  thenScope: Map<string, ExprType>;
}

function choicesFor(t: Topology, owner: Owner): Choices {
  const events = t.events.map((e) => ({ id: e.elementId, label: e.label }));
  const eventFields = (id: ElementId) => namedTypes(t.events.find((e) => e.elementId === id)?.fields ?? []);
  const qualified = (prefix: string, fields: NamedType[]) => new Map(fields.map((f) => [`${prefix}.${f.name}`, f.type] as const));
  if (owner.kind === 'command') {
    const command = t.commands.find((c) => c.elementId === owner.id);
    const agg = command?.handler?.kind === 'aggregate' ? t.aggregates.find((a) => a.elementId === command.handler!.elementId) : undefined;
    const own = agg ? t.events.filter((e) => agg.events.includes(e.elementId)).map((e) => ({ id: e.elementId, label: e.label })) : events;
    const outcomes = agg?.commands.find((c) => c.commandId === owner.id)?.outcomes.map((o) => o.eventId) ?? [];
    const whenFields = namedTypes(command?.fields ?? []);
    return { given: own, then: own.filter((e) => outcomes.includes(e.id)), fieldsOf: eventFields, whenFields, thenScope: qualified('When', whenFields) };
  }
  if (owner.kind === 'policy') {
    const policy = t.policies.find((p) => p.elementId === owner.id);
    const triggers = events.filter((e) => policy?.triggers.includes(e.id));
    const commands = t.commands.filter((c) => policy?.commands.includes(c.elementId)).map((c) => ({ id: c.elementId, label: c.label }));
    const fieldsOf = (id: ElementId) => eventFields(id).concat(namedTypes(t.commands.find((c) => c.elementId === id)?.fields ?? []));
    const first = triggers[0];
    return { given: triggers, then: commands, fieldsOf, whenFields: [], thenScope: first ? qualified('Given', eventFields(first.id)) : new Map() };
  }
  const projector = t.projectors.find((p) => p.elementId === owner.id);
  const feeding = events.filter((e) => projector?.events.includes(e.id));
  const rowFields: NamedType[] = (projector?.columns ?? []).map((c) => ({ name: c.name, type: exprTypeOfComputed(c.type) }));
  for (const e of feeding) for (const f of eventFields(e.id)) if (!rowFields.some((r) => r.name === f.name)) rowFields.push(f);
  return { given: feeding, then: [{ id: owner.id, label: 'Row' }], fieldsOf: (id) => (id === owner.id ? rowFields : eventFields(id)), whenFields: [], thenScope: new Map() };
}

function newScenario(owner: Owner, choices: Choices): Scenario {
  const n = (owner.scenarios?.length ?? 0) + 1;
  const then = owner.kind === 'readModel' ? [{ elementId: owner.id, values: [] }] : choices.then[0] ? [{ elementId: choices.then[0].id, values: [] }] : [];
  return { id: newId('sc'), name: `Scenario ${n}`, given: [], when: [], then, rejected: false };
}

export function ScenariosEditor({ owner }: { owner: Owner }) {
  const t = useTopology();
  const results = useBoardStore((s) => s.scenarioResults[owner.id]);
  // The scenario just added takes the focus (its name, selected), so it can be named and filled from the keyboard.
  const [added, setAdded] = useState<ScenarioId | null>(null);
  if (!t) return null;
  const choices = choicesFor(t, owner);
  const scenarios = owner.scenarios ?? [];
  const write = (next: Scenario[]) => update(owner.id, { scenarios: next.length ? next : undefined });
  const replace = (i: number, s: Scenario) => scenarios.map((x, j) => (j === i ? s : x));
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= scenarios.length) return;
    const next = [...scenarios];
    [next[i], next[j]] = [next[j]!, next[i]!];
    write(next);
  };
  return (
    <section aria-label="Scenarios" className="sb-scenarios">
      <h3>Scenarios</h3>
      {scenarios.length === 0 ? <p className="sb-field-hint">Say what must happen, by example: given these events, when this command, then these events. Scenarios run after every change.</p> : null}
      {scenarios.map((s, i) => (
        <ScenarioTable
          key={s.id}
          scenario={s}
          owner={owner}
          choices={choices}
          result={results?.find((r) => r.scenarioId === s.id && r.name === s.name)}
          justAdded={s.id === added}
          first={i === 0}
          last={i === scenarios.length - 1}
          onChange={(next) => write(replace(i, next))}
          onMove={(by) => move(i, by)}
          onRemove={() => write(scenarios.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        className="sb-button"
        onClick={() => {
          const scenario = newScenario(owner, choices);
          setAdded(scenario.id);
          write([...scenarios, scenario]);
        }}
      >
        + Add scenario
      </button>
    </section>
  );
}

function Status({ result }: { result: ScenarioResult | undefined }) {
  if (!result) return <p className="sb-scenario-status sb-scenario-status-grey" role="status">Not run yet</p>;
  if (result.status === 'pass') return <p className="sb-scenario-status sb-scenario-status-pass" role="status">✓ Passes</p>;
  return (
    <div className="sb-scenario-status sb-scenario-status-fail" role="status">
      <strong>{result.status === 'fail' ? '✗ Fails' : '✗ Cannot run'}</strong>
      <ul>
        {result.differences.map((d, i) => (
          <li key={i}>{d.message}</li>
        ))}
      </ul>
      {result.actual.length ? <p className="sb-field-hint">Actually: {result.actual.join('; ')}</p> : null}
    </div>
  );
}

function ScenarioTable(props: { scenario: Scenario; owner: Owner; choices: Choices; result: ScenarioResult | undefined; justAdded: boolean; first: boolean; last: boolean; onChange(s: Scenario): void; onMove(by: number): void; onRemove(): void }) {
  const { scenario: s, owner, choices, result, onChange } = props;
  const name = s.name || 'untitled';
  // A row added with "+ Given" / "+ Then" takes the focus (its event), so the keyboard goes on from there.
  const [addedRow, setAddedRow] = useState<string | null>(null);
  const stepRows = (role: 'Given' | 'Then', steps: ScenarioStep[], options: { id: ElementId; label: string }[], scope: Map<string, ExprType>) =>
    steps.map((step, k) => {
      const set = (next: ScenarioStep | null) => {
        const list = next ? steps.map((x, m) => (m === k ? next : x)) : steps.filter((_, m) => m !== k);
        onChange(role === 'Given' ? { ...s, given: list } : { ...s, then: list });
      };
      const fixed = owner.kind === 'readModel' && role === 'Then';
      return (
        <tr key={`${role}-${k}`}>
          <th scope="row">{k === 0 ? role : 'and'}</th>
          <td>
            {fixed ? (
              <span className="sb-step-name">{owner.text || 'Row'}</span>
            ) : (
              <select autoFocus={addedRow === `${role}-${k}`} aria-label={`${role} ${k + 1} of ${name}`} value={step.elementId} onChange={(e) => set({ elementId: e.target.value as ElementId, values: [] })}>
                {options.some((o) => o.id === step.elementId) ? null : <option value={step.elementId}>(not linked here)</option>}
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
            <AssignmentsEditor label={`${role} ${k + 1} of ${name}`} fields={choices.fieldsOf(step.elementId)} values={step.values} scope={scope} onChange={(values: FieldExpr[]) => set({ ...step, values })} />
          </td>
          <td>
            {fixed ? null : (
              <button type="button" className="sb-button sb-mini sb-danger" aria-label={`Remove ${role} ${k + 1} of ${name}`} onClick={() => set(null)}>
                ✕
              </button>
            )}
          </td>
        </tr>
      );
    });
  return (
    <div className={`sb-scenario sb-card-${result ? result.status : 'grey'}`} role="group" aria-label={`Scenario ${name}`}>
      <div className="sb-rule-head">
        <CommitField label="Scenario name" compact autoFocus={props.justAdded} value={s.name} validate={(text) => (text.trim() ? null : 'Give the scenario a name')} onCommit={(text) => onChange({ ...s, name: text.trim() })} />
        <button type="button" className="sb-button sb-mini" aria-label={`Move ${name} up`} disabled={props.first} onClick={() => props.onMove(-1)}>
          ↑
        </button>
        <button type="button" className="sb-button sb-mini" aria-label={`Move ${name} down`} disabled={props.last} onClick={() => props.onMove(1)}>
          ↓
        </button>
        <button type="button" className="sb-button sb-mini sb-danger" aria-label={`Remove ${name}`} onClick={props.onRemove}>
          ✕
        </button>
      </div>
      <table className="sb-scenario-table" aria-label={`Scenario ${name} steps`}>
        <tbody>
          {stepRows('Given', s.given, choices.given, new Map())}
          {owner.kind === 'command' ? (
            <tr>
              <th scope="row">When</th>
              <td>
                <span className="sb-step-name">{owner.text}</span>
                <AssignmentsEditor label={`When of ${name}`} fields={choices.whenFields} values={s.when} scope={new Map()} onChange={(when) => onChange({ ...s, when })} />
              </td>
              <td />
            </tr>
          ) : null}
          {s.rejected ? (
            <tr>
              <th scope="row">Then</th>
              <td colSpan={2}>the command is rejected</td>
            </tr>
          ) : s.then.length === 0 ? (
            // An empty Then expects nothing to follow: say so rather than show no row at all.
            <tr>
              <th scope="row">Then</th>
              <td colSpan={2}>{owner.kind === 'policy' ? 'no command is issued' : owner.kind === 'command' ? 'no event' : 'no row'}</td>
            </tr>
          ) : (
            stepRows('Then', s.then, choices.then, choices.thenScope)
          )}
        </tbody>
      </table>
      <div className="sb-rule-add">
        <button
          type="button"
          className="sb-button"
          disabled={choices.given.length === 0}
          onClick={() => {
            setAddedRow(`Given-${s.given.length}`);
            onChange({ ...s, given: [...s.given, { elementId: choices.given[0]!.id, values: [] }] });
          }}
        >
          + Given
        </button>
        {owner.kind !== 'readModel' && !s.rejected ? (
          <button
            type="button"
            className="sb-button"
            disabled={choices.then.length === 0}
            onClick={() => {
              setAddedRow(`Then-${s.then.length}`);
              onChange({ ...s, then: [...s.then, { elementId: choices.then[0]!.id, values: [] }] });
            }}
          >
            + Then
          </button>
        ) : null}
        {owner.kind === 'command' ? (
          <label className="sb-check">
            <input type="checkbox" checked={s.rejected} onChange={() => onChange({ ...s, rejected: !s.rejected })} />
            Expect a rejection
          </label>
        ) : null}
      </div>
      <Status result={result} />
    </div>
  );
}
