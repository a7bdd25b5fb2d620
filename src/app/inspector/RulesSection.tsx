// The rules and scenarios of the inspected sticky, by kind: a command's outcome rules and
// scenarios, an aggregate's state, a policy's condition and scenarios, a read model's computed
// columns and scenarios.
import type { BoardElement } from '../../model';
import { conditionScope } from '../../topology';
import { useBoardStore } from '../../store/boardStore';
import { CommitField } from './CommitField';
import { ComputedFieldsEditor } from './ComputedFieldsEditor';
import { update } from './Inspector';
import { OutcomeRulesEditor } from './OutcomeRulesEditor';
import { ScenariosEditor } from './ScenariosEditor';
import { ruleProblem, useTopology } from './useRuleContext';

export function RulesSection({ element }: { element: BoardElement }) {
  switch (element.kind) {
    case 'command':
      return (
        <>
          <OutcomeRulesEditor element={element} />
          <ScenariosEditor owner={element} />
        </>
      );
    case 'policy':
      return (
        <>
          <PolicyCondition id={element.id} when={element.when ?? ''} />
          <ScenariosEditor owner={element} />
        </>
      );
    case 'readModel':
      return (
        <>
          <ReadModelColumns id={element.id} />
          <ScenariosEditor owner={element} />
        </>
      );
    case 'aggregate':
      return <AggregateState id={element.id} />;
    default:
      return null;
  }
}

function PolicyCondition({ id, when }: { id: BoardElement['id']; when: string }) {
  const t = useTopology();
  const policy = t?.policies.find((p) => p.elementId === id);
  const triggers = t && policy ? t.events.filter((e) => policy.triggers.includes(e.elementId)) : [];
  return (
    <section aria-label="Condition">
      <h3>Condition</h3>
      <CommitField
        label="Issue the commands only when"
        value={when}
        placeholder="always"
        validate={(text) => ruleProblem(text, conditionScope(triggers), 'boolean', true)}
        onCommit={(text) => update(id, { when: text.trim() || undefined })}
        hint={when ? undefined : `Empty: always. Over the fields of ${triggers.map((e) => e.label).join(', ') || 'the triggering event'}, e.g. balance < 0.`}
      />
    </section>
  );
}

function AggregateState({ id }: { id: BoardElement['id'] }) {
  const t = useTopology();
  const board = useBoardStore((s) => s.board);
  const agg = t?.aggregates.find((a) => a.elementId === id) ?? t?.aggregates.find((a) => board?.elements.some((e) => e.id === id && e.kind === 'aggregate' && e.text.trim().toLowerCase() === a.label.trim().toLowerCase()));
  const el = board?.elements.find((e) => e.id === id);
  if (!t || !agg || el?.kind !== 'aggregate') return null;
  // Every sticky of this aggregate (same name) holds the same state.
  const owners = board!.elements.filter((e) => e.kind === 'aggregate' && e.text.replace(/\s+/g, ' ').trim().toLowerCase() === el.text.replace(/\s+/g, ' ').trim().toLowerCase()).map((e) => e.id);
  return <ComputedFieldsEditor title="State" what="state field" ownerIds={owners} patchKey="state" fields={el.state ?? agg.state} eventIds={agg.events} prefix="state" />;
}

function ReadModelColumns({ id }: { id: BoardElement['id'] }) {
  const t = useTopology();
  const board = useBoardStore((s) => s.board);
  const el = board?.elements.find((e) => e.id === id);
  const projector = t?.projectors.find((p) => p.elementId === id);
  if (!t || !projector || el?.kind !== 'readModel') return null;
  return <ComputedFieldsEditor title="Computed fields" what="computed field" ownerIds={[id]} patchKey="columns" fields={el.columns ?? []} eventIds={projector.events} prefix="row" />;
}
