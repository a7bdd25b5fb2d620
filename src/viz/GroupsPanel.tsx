// Consumer groups and the services behind them: start, stop or crash an instance of a service
// and watch each of its groups rebalance; choose the assignor and eager vs cooperative
// rebalancing (applied to running instances by a rolling restart).
import { useShallow } from 'zustand/react/shallow';
import { ASSIGNOR_NAMES, useSimStore, type AssignorName, type GroupView } from '../store/simStore';

const SHOWN = 8;

/** Long assignments (many partitions, or one topic per aggregate) are summarised. */
function assignmentText(list: readonly string[]): string {
  if (list.length === 0) return 'nothing';
  if (list.length <= SHOWN) return list.join(', ');
  return `${list.length} partitions: ${list.slice(0, SHOWN).join(', ')} … and ${list.length - SHOWN} more`;
}

const EAGER: readonly AssignorName[] = ASSIGNOR_NAMES.filter((a) => a !== 'cooperative-sticky');

function GroupCard({ g }: { g: GroupView }) {
  return (
    <div className="sb-group-card" role="group" aria-label={`Group ${g.groupId}`}>
      <div className="sb-group-head">
        <strong>{g.label}</strong> <span className="sb-muted">({g.kind})</span>
        <span className={`sb-pill ${g.rebalancing ? 'sb-pill-warn' : ''}`}>{g.state}</span>
        <span className="sb-muted">
          gen {g.generation} · {g.protocol} · {g.assignor} · lag {g.totalLag}
        </span>
      </div>
      <ul className="sb-members" aria-label={`Members of ${g.groupId}`}>
        {g.members.map((m) => (
          <li key={m.id}>
            <code>{m.id}</code> <span className="sb-muted">{m.state}</span> → <span className="sb-assignment" title={m.assignment.join('\n')}>
              {assignmentText(m.assignment)}
            </span>
          </li>
        ))}
      </ul>
      {g.lastRebalance ? (
        <div className="sb-muted sb-small-text">
          Last rebalance ({g.lastRebalance.protocol}): {g.lastRebalance.reason}; longest partition pause {g.lastRebalance.maxPauseMs} ms, whole group stalled {g.lastRebalance.stallMs} ms
        </div>
      ) : null}
    </div>
  );
}

export function GroupsPanel() {
  const services = useSimStore(useShallow((s) => s.snapshot?.services ?? []));
  const groups = useSimStore(useShallow((s) => s.snapshot?.groups ?? []));
  const assignor = useSimStore((s) => (s.snapshot?.assignor ?? s.options.assignor ?? 'range') as AssignorName);
  const instance = useSimStore((s) => s.instance);
  const setAssignor = useSimStore((s) => s.setAssignor);
  const cooperative = assignor === 'cooperative-sticky';
  return (
    <section className="sb-groups" aria-label="Consumer groups">
      <div className="sb-row">
        <label>
          Assignor{' '}
          <select value={cooperative ? 'cooperative-sticky' : assignor} onChange={(e) => setAssignor(e.target.value as AssignorName)}>
            {ASSIGNOR_NAMES.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="sb-inline">
          <legend>Rebalancing</legend>
          <label>
            <input type="radio" name="sb-protocol" checked={!cooperative} onChange={() => setAssignor(EAGER.includes(assignor) ? assignor : 'sticky')} /> Eager
          </label>
          <label>
            <input type="radio" name="sb-protocol" checked={cooperative} onChange={() => setAssignor('cooperative-sticky')} /> Cooperative
          </label>
        </fieldset>
        <span className="sb-muted sb-small-text">Changing either restarts every instance, one after the other.</span>
      </div>
      {services.map((s) => (
        <div key={s.id} className="sb-service" role="group" aria-label={`Service ${s.name}`}>
          <div className="sb-service-head">
            <strong>{s.label || s.name}</strong> <code>{s.name}</code>
            <button type="button" className="sb-button sb-small" onClick={() => instance('add', s.id)}>
              Add instance of {s.name}
            </button>
          </div>
          <ul className="sb-instances">
            {s.instances.map((i) => (
              <li key={i.id}>
                <code>{i.id}</code> <span className={i.state === 'crashed' ? 'sb-bad' : 'sb-muted'}>{i.state}</span>
                <button type="button" className="sb-button sb-small" disabled={i.state !== 'running'} onClick={() => instance('crash', i.id)}>
                  Crash {i.id}
                </button>
                <button type="button" className="sb-button sb-small" onClick={() => instance('remove', i.id)}>
                  Remove {i.id}
                </button>
              </li>
            ))}
          </ul>
          {groups
            .filter((g) => g.serviceId === s.id)
            .map((g) => (
              <GroupCard key={g.groupId} g={g} />
            ))}
        </div>
      ))}
    </section>
  );
}
