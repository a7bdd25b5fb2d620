// Consumer groups and the services behind them: start, stop, crash or restart an instance of a
// service and watch each of its groups rebalance; per group a table of its partitions (member,
// committed, log end, lag), as kafka-consumer-groups --describe prints them; choose the
// assignor and eager vs cooperative rebalancing (applied by a rolling restart).
import { useShallow } from 'zustand/react/shallow';
import { ASSIGNOR_NAMES, useReplaying, useSimStore, type AssignorName, type GroupView } from '../store/simStore';
import { assignmentRows } from './assignmentRows';
import { ASSIGNMENT_COLUMN_HELP, type AssignmentColumn } from './simHelp';
import { LagHealthLine } from './LagHealthLine';
import { healthClass, PARTITION_STATUS_HELP } from './lagHealthText';

/** The member list says how many partitions each member owns; the table below says which. */
function assignmentText(list: readonly string[]): string {
  if (list.length === 0) return 'nothing';
  return `${list.length} partition${list.length === 1 ? '' : 's'}`;
}

const EAGER: readonly AssignorName[] = ASSIGNOR_NAMES.filter((a) => a !== 'cooperative-sticky');

/** Rows shown per group (a per-instance topic strategy gives a group hundreds of partitions). */
const MAX_ROWS = 60;
const COLUMNS: AssignmentColumn[] = ['Member', 'Partition', 'Committed', 'Log end', 'Lag', 'Health'];

function AssignmentTable({ g }: { g: GroupView }) {
  const partitions = useSimStore((s) => s.snapshot?.partitions);
  const rows = assignmentRows(g, partitions ?? []);
  return (
    <div className="sb-assign-wrap">
      <table className="sb-table sb-assign" aria-label={`Partitions of ${g.groupId}`}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" title={ASSIGNMENT_COLUMN_HELP[c]}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map((r) => (
            <tr key={r.partition} className={r.member === null ? 'sb-unassigned' : undefined}>
              <td>{r.member ?? 'unassigned'}</td>
              <th scope="row">{r.partition}</th>
              <td>{r.committed ?? '—'}</td>
              <td>{r.logEnd ?? '—'}</td>
              <td className={r.lag > 0 ? 'sb-lagging' : undefined}>{r.lag}</td>
              <HealthCell status={g.health?.partitions[r.partition]} />
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS ? <p className="sb-muted">… and {rows.length - MAX_ROWS} more partitions</p> : null}
    </div>
  );
}

function HealthCell({ status }: { status: keyof typeof PARTITION_STATUS_HELP | undefined }) {
  if (!status) return <td className="sb-muted">—</td>;
  return (
    <td className={healthClass(status)} title={PARTITION_STATUS_HELP[status]}>
      {status}
    </td>
  );
}

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
      <LagHealthLine g={g} />
      <ul className="sb-members" aria-label={`Members of ${g.groupId}`}>
        {g.members.map((m) => (
          <li key={m.id}>
            <code>{m.id}</code> <span className="sb-muted">{m.state}</span> → <span className="sb-assignment" title={m.assignment.join('\n')}>
              {assignmentText(m.assignment)}
            </span>
          </li>
        ))}
      </ul>
      <AssignmentTable g={g} />
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
  const restart = useSimStore((s) => s.restartInstance);
  const setAssignor = useSimStore((s) => s.setAssignor);
  const cooperative = assignor === 'cooperative-sticky';
  const replaying = useReplaying();
  return (
    <section className="sb-groups" aria-label="Consumer groups">
      <div className="sb-row">
        <label>
          Assignor{' '}
          <select disabled={replaying} value={cooperative ? 'cooperative-sticky' : assignor} onChange={(e) => setAssignor(e.target.value as AssignorName)}>
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
            <input type="radio" name="sb-protocol" disabled={replaying} checked={!cooperative} onChange={() => setAssignor(EAGER.includes(assignor) ? assignor : 'sticky')} /> Eager
          </label>
          <label>
            <input type="radio" name="sb-protocol" disabled={replaying} checked={cooperative} onChange={() => setAssignor('cooperative-sticky')} /> Cooperative
          </label>
        </fieldset>
        <span className="sb-muted sb-small-text">Changing either restarts every instance, one after the other.</span>
      </div>
      {services.map((s) => (
        <div key={s.id} className="sb-service" role="group" aria-label={`Service ${s.name}`}>
          <div className="sb-service-head">
            <strong>{s.label || s.name}</strong> <code>{s.name}</code>
            <button type="button" className="sb-button sb-small" disabled={replaying} onClick={() => instance('add', s.id)}>
              Add instance of {s.name}
            </button>
          </div>
          <ul className="sb-instances">
            {s.instances.map((i) => (
              <li key={i.id}>
                <code>{i.id}</code> <span className={i.state === 'crashed' ? 'sb-bad' : 'sb-muted'}>{i.state}</span>
                {i.state === 'crashed' ? (
                  <button type="button" className="sb-button sb-small" disabled={replaying} onClick={() => restart(i.id, s.id)} title="Start a new instance of the service in place of the crashed one">
                    Restart {i.id}
                  </button>
                ) : (
                  <button type="button" className="sb-button sb-small" disabled={replaying} onClick={() => instance('crash', i.id)}>
                    Crash {i.id}
                  </button>
                )}
                <button type="button" className="sb-button sb-small" disabled={replaying} onClick={() => instance('remove', i.id)}>
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
