// A sticky's scenarios at a glance: green with the count when every one passes, red with the
// failing count when any fails or cannot run, grey while they have not run yet (just added or
// edited, before the worker's next compile answers).
import type { ElementId } from '../../model';
import { useBoardStore } from '../../store/boardStore';

export function ScenarioBadge({ id }: { id: ElementId }) {
  const scenarioIds = useBoardStore((s) => {
    const el = s.elementsById.get(id);
    return el && (el.kind === 'command' || el.kind === 'policy' || el.kind === 'readModel') ? el.scenarios : undefined;
  });
  const results = useBoardStore((s) => s.scenarioResults[id]);
  if (!scenarioIds || scenarioIds.length === 0) return null;
  let pass = 0;
  let fail = 0;
  let grey = 0;
  for (const sc of scenarioIds) {
    const r = results?.find((x) => x.scenarioId === sc.id && x.name === sc.name);
    if (!r) grey++;
    else if (r.status === 'pass') pass++;
    else fail++;
  }
  const state = fail > 0 ? 'fail' : grey > 0 ? 'grey' : 'pass';
  const label = `Scenarios: ${pass} passing, ${fail} failing${grey ? `, ${grey} not run yet` : ''}`;
  return (
    <span className={`sb-scenario-badge sb-scenario-${state}`} role="img" aria-label={label} title={label}>
      {fail > 0 ? `✗ ${fail}` : grey > 0 ? `… ${grey}` : `✓ ${pass}`}
    </span>
  );
}
