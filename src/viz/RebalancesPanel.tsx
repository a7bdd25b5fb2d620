// Rebalance history per consumer group: a swimlane of which member owned each partition when
// (one row per partition, one colour per member, rebalances as shaded bands) and a table of the
// rebalances with their trigger, protocol and the pause each caused, so eager and cooperative
// rebalancing can be compared on the same load.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore, type GroupRebalanceHistory, type RebalanceView } from '../store/simStore';
import { laneSpan, memberLabel, MEMBER_COLOURS, tickStep } from './rebalanceLanes';

const ROW_PX = 20;
const LABEL_PX = 130;
const AXIS_PX = 22;

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(400, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

function Lanes({ g, now, width }: { g: GroupRebalanceHistory; now: number; width: number }) {
  const span = laneSpan(g, now);
  const plot = width - LABEL_PX - 10;
  const x = (t: number) => LABEL_PX + ((t - span.from) / (span.to - span.from)) * plot;
  const colour = (m: string) => MEMBER_COLOURS[Math.max(0, g.members.indexOf(m)) % MEMBER_COLOURS.length]!;
  const step = tickStep(span.to - span.from);
  const ticks: number[] = [];
  for (let t = Math.ceil(span.from / step) * step; t <= span.to; t += step) ticks.push(t);
  const height = AXIS_PX + g.partitions.length * ROW_PX + 4;
  const row = new Map(g.partitions.map((p, i) => [p, i]));
  // One topic: rows are named by partition number (the topic is said above the lanes).
  const topics = new Set(g.partitions.map((p) => p.slice(0, p.lastIndexOf('-'))));
  const rowLabel = (p: string) => (topics.size === 1 ? `partition ${p.slice(p.lastIndexOf('-') + 1)}` : p.length > 30 ? `…${p.slice(-29)}` : p);
  return (
    <svg role="img" aria-label={`Ownership of ${g.groupId}`} width={width} height={height} className="sb-lanes">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={AXIS_PX - 4} y2={height} className="sb-lanes-grid" />
          <text x={x(t)} y={14} textAnchor="middle" className="sb-lanes-axis">
            {Math.round(t / 100) / 10} s
          </text>
        </g>
      ))}
      {g.partitions.map((p, i) => (
        <text key={p} x={LABEL_PX - 6} y={AXIS_PX + i * ROW_PX + 14} textAnchor="end" className="sb-lanes-label">
          <title>{p}</title>
          {rowLabel(p)}
        </text>
      ))}
      {g.segments.map((s) => {
        const r = row.get(s.partition);
        if (r === undefined) return null;
        const x0 = x(s.from);
        const w = Math.max(1, x(s.to ?? now) - x0);
        const name = memberLabel(s.member);
        return (
          <g key={`${s.partition}@${s.from}`}>
            <rect x={x0} y={AXIS_PX + r * ROW_PX + 2} width={w} height={ROW_PX - 4} rx={2} fill={colour(s.member)}>
              <title>
                {s.partition}: {s.member} from {(s.from / 1000).toFixed(2)} s{s.to === null ? '' : ` to ${(s.to / 1000).toFixed(2)} s`}
              </title>
            </rect>
            {w > name.length * 7.5 + 8 ? (
              <text x={x0 + 4} y={AXIS_PX + r * ROW_PX + 14} className="sb-lanes-seg">
                {name}
              </text>
            ) : null}
          </g>
        );
      })}
      {g.rebalances.map((b, i) => {
        const x0 = x(b.startedAt);
        return (
          <g key={b.startedAt}>
            <rect x={x0} y={AXIS_PX - 4} width={Math.max(2, x(b.finishedAt ?? now) - x0)} height={height - AXIS_PX + 4} className="sb-lanes-rebalance">
              <title>
                Rebalance {i + 1}: {b.trigger} ({b.protocol})
              </title>
            </rect>
          </g>
        );
      })}
    </svg>
  );
}

const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function ProtocolSummary({ rebalances }: { rebalances: readonly RebalanceView[] }) {
  const done = rebalances.filter((r) => r.finishedAt !== null);
  const parts = (['eager', 'cooperative'] as const).flatMap((p) => {
    const rs = done.filter((r) => r.protocol === p);
    if (rs.length === 0) return [];
    return [`${p}: ${rs.length} rebalance${rs.length === 1 ? '' : 's'}, median longest pause ${median(rs.map((r) => r.maxPauseMs)).toLocaleString('en-US')} ms, median stall ${median(rs.map((r) => r.stallMs)).toLocaleString('en-US')} ms`];
  });
  return <p className="sb-muted">{parts.length > 0 ? parts.join(' · ') : 'No finished rebalance yet.'}</p>;
}

function RebalanceTable({ g }: { g: GroupRebalanceHistory }) {
  return (
    <table className="sb-table" aria-label={`Rebalances of ${g.groupId}`}>
      <thead>
        <tr>
          {['#', 'Started', 'Trigger', 'Protocol', 'Rounds', 'Longest pause', 'Partitions paused', 'Group stalled', 'Reason'].map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {g.rebalances
          .map((r, i) => ({ r, i }))
          .reverse()
          .map(({ r, i }) => (
            <tr key={r.startedAt}>
              <td>{i + 1}</td>
              <td>{(r.startedAt / 1000).toFixed(2)} s</td>
              <th scope="row">{r.trigger}</th>
              <td>{r.protocol}</td>
              <td>{r.finishedAt === null ? 'in progress' : r.rounds}</td>
              <td>{r.maxPauseMs.toLocaleString('en-US')} ms</td>
              <td>{r.pausedPartitions}</td>
              <td>{r.stallMs.toLocaleString('en-US')} ms</td>
              <td className="sb-muted">{r.reason}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

export function RebalancesPanel() {
  const history = useSimStore((s) => s.rebalances);
  const labels = useSimStore(useShallow((s) => (s.snapshot?.groups ?? []).map((g) => `${g.groupId}|${g.label} (${g.kind})`)));
  const [chosen, setChosen] = useState<string | null>(null);
  const [ref, width] = useWidth();
  const groupId = chosen ?? history?.groups[0]?.groupId ?? null;
  const g = history?.groups.find((x) => x.groupId === groupId) ?? null;
  return (
    <section className="sb-rebalances" aria-label="Rebalance history" ref={ref}>
      <div className="sb-row">
        <label>
          Group{' '}
          <select value={groupId ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {labels.map((l) => {
              const [id, text] = l.split('|');
              return (
                <option key={id} value={id}>
                  {text}
                </option>
              );
            })}
          </select>
        </label>
        <span className="sb-muted sb-small-text">Each row a partition, each colour a member; shaded bands are rebalances. Change the assignor on Consumer groups to compare eager and cooperative on the same load.</span>
      </div>
      {!history || !g ? (
        <p className="sb-muted">Run the simulation to see who owned what when.</p>
      ) : (
        <>
          <p className="sb-small-text">
            Topic{g.partitions.length > 0 && new Set(g.partitions.map((p) => p.slice(0, p.lastIndexOf('-')))).size > 1 ? 's' : ''}:{' '}
            <code>{[...new Set(g.partitions.map((p) => p.slice(0, p.lastIndexOf('-'))))].join(', ') || '—'}</code>
          </p>
          <ul className="sb-lanes-legend" aria-label={`Members of ${g.groupId} over time`}>
            {g.members.map((m, i) => (
              <li key={m}>
                <span className="sb-swatch" style={{ background: MEMBER_COLOURS[i % MEMBER_COLOURS.length] }} /> {m}
              </li>
            ))}
          </ul>
          <Lanes g={g} now={history.at} width={width - 4} />
          <ProtocolSummary rebalances={g.rebalances} />
          <RebalanceTable g={g} />
        </>
      )}
    </section>
  );
}
