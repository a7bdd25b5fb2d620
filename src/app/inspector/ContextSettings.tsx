// A bounded context becomes a service: its name in the exported code and how many instances
// run in the simulation.
import type { BoundedContextElement } from '../../model';
import { CommitField } from './CommitField';
import { update } from './Inspector';
import { contextProblem, wholeNumber } from './rules';

export function ContextSettings({ element }: { element: BoundedContextElement }) {
  return (
    <>
      <h3>Service</h3>
      <CommitField
        label="Service name"
        value={element.serviceName}
        placeholder="derived from the context name"
        validate={(text) => contextProblem(element, { serviceName: text.trim() }, 'serviceName')}
        onCommit={(text) => update(element.id, { serviceName: text.trim() })}
      />
      <CommitField
        label="Instances"
        inputMode="numeric"
        value={String(element.instances)}
        validate={(text) => {
          const n = wholeNumber(text, 'Instances');
          return n.ok ? contextProblem(element, { instances: n.value }, 'instances') : n.message;
        }}
        onCommit={(text) => update(element.id, { instances: Number(text.trim()) })}
      />
    </>
  );
}
