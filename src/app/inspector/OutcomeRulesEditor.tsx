// A command's outcome rules: for each event it may lead to, a guard over the command's fields
// and the aggregate's state (empty: "otherwise"), and the event fields it computes
// ("balance = balance - amount"). Guards are tried in order, so rules can be reordered.
import type { CommandElement, OutcomeRule } from '../../model';
import { guardScope } from '../../topology';
import { CommitField } from './CommitField';
import { update } from './Inspector';
import { labelOf, ruleProblem, useTopology } from './useRuleContext';
import { AssignmentsEditor } from './AssignmentsEditor';

export function OutcomeRulesEditor({ element }: { element: CommandElement }) {
  const t = useTopology();
  const command = t?.commands.find((c) => c.elementId === element.id);
  const agg = command?.handler?.kind === 'aggregate' ? t!.aggregates.find((a) => a.elementId === command.handler!.elementId) : undefined;
  const entry = agg?.commands.find((c) => c.commandId === element.id);
  if (!t || !command || !agg || !entry) {
    return (
      <section aria-label="Outcome rules">
        <h3>Outcome rules</h3>
        <p className="sb-field-hint">Link this command to an aggregate, and the aggregate to the events it leads to, to give each outcome a rule.</p>
      </section>
    );
  }
  const rules = element.outcomes ?? [];
  const write = (next: OutcomeRule[]) => update(element.id, { outcomes: next.length ? next : undefined });
  const replace = (i: number, rule: OutcomeRule) => rules.map((r, j) => (j === i ? rule : r));
  const scope = guardScope(command.fields, agg.state);
  const missing = entry.outcomes.filter((o) => !rules.some((r) => r.eventId === o.eventId));
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= rules.length) return;
    const next = [...rules];
    [next[i], next[j]] = [next[j]!, next[i]!];
    write(next);
  };
  // The same decision the runtime makes (topology/rules/hooks.ts): guards in order, then the first unguarded outcome.
  const applicable = rules.filter((r) => entry.outcomes.some((o) => o.eventId === r.eventId));
  const otherwise = applicable.find((r) => !r.when.trim());
  const mode =
    rules.length === 0
      ? entry.outcomes.length > 1
        ? `No rules yet: the simulator draws the outcome by the link weights (${entry.outcomes.map((o) => `${labelOf(t, o.eventId)} ${o.weight}`).join(' : ')}).`
        : `No rules yet: every ${element.text || 'command'} leads to ${entry.outcomes[0] ? labelOf(t, entry.outcomes[0].eventId) : 'its event'}.`
      : otherwise
        ? `Rules decide: the first guard that holds wins; ${labelOf(t, otherwise.eventId)} otherwise.`
        : 'Rules decide: the first guard that holds wins; when none holds, the command is rejected (no outcome’s guard admits it) and nothing is written.';
  return (
    <section aria-label="Outcome rules">
      <h3>Outcome rules</h3>
      <p className="sb-rule-mode-text" role="note" aria-label="How the outcome is decided">
        {mode}
      </p>
      {rules.length === 0 ? (
        <p className="sb-field-hint">
          Give each outcome a guard over the command and the state (e.g. <code>amount &gt; balance</code>); the first that holds wins, an empty guard means “otherwise”.
        </p>
      ) : missing.length > 0 ? (
        <p className="sb-field-warning" role="note" aria-label="Outcomes without a rule">
          {missing.map((o) => labelOf(t, o.eventId)).join(' and ')} {missing.length === 1 ? 'has' : 'have'} no rule, so {element.text || 'this command'} never leads to {missing.length === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      {rules.map((rule, i) => {
        const event = t.events.find((e) => e.elementId === rule.eventId);
        const name = labelOf(t, rule.eventId);
        return (
          <div key={`${rule.eventId}-${i}`} className="sb-rule" role="group" aria-label={`Outcome ${name}`}>
            <div className="sb-rule-head">
              <strong>{name}</strong>
              <button type="button" className="sb-button sb-mini" aria-label={`Move rule for ${name} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" className="sb-button sb-mini" aria-label={`Move rule for ${name} down`} disabled={i === rules.length - 1} onClick={() => move(i, 1)}>
                ↓
              </button>
              <button type="button" className="sb-button sb-mini sb-danger" aria-label={`Remove rule for ${name}`} onClick={() => write(rules.filter((_, j) => j !== i))}>
                ✕
              </button>
            </div>
            <CommitField
              label={`Guard for ${name}`}
              value={rule.when}
              placeholder="otherwise"
              validate={(text) => ruleProblem(text, scope, 'boolean', true)}
              onCommit={(text) => write(replace(i, { ...rule, when: text.trim() }))}
              hint={rule.when ? undefined : 'Empty: when no other guard holds.'}
            />
            {event ? (
              <AssignmentsEditor
                label={`${name} fields`}
                fields={event.fields}
                values={rule.fields}
                scope={scope}
                onChange={(fields) => write(replace(i, { ...rule, fields }))}
              />
            ) : null}
          </div>
        );
      })}
      {missing.length > 0 ? (
        <div className="sb-rule-add">
          {missing.map((o) => (
            <button key={o.eventId} type="button" className="sb-button" onClick={() => write([...rules, { eventId: o.eventId, when: '', fields: [] }])}>
              + Rule for {labelOf(t, o.eventId)}
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
