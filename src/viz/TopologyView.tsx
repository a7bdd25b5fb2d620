// The topology of the run, laid out automatically: actors, services around their consumer
// groups (with member counts), topics with one cell per partition coloured by its leader
// broker, and the brokers; edges carry the live volume (records per simulated second) and
// animate while records flow.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../store/simStore';
import { layoutTopology, type TopologyLayout } from './topologyLayout';

const BROKER_COLOURS = ['#2f6fde', '#e8590c', '#2b8a3e', '#ae3ec9', '#1098ad', '#f08c00', '#5c7cfa', '#c2255c', '#495057'];
const NO_FLOW = { topicRates: {} as Record<string, number>, groupRates: {} as Record<string, number> };
const brokerColour = (b: number | null) => (b === null ? '#c92a2a' : BROKER_COLOURS[(b - 1) % BROKER_COLOURS.length]!);

const MAX_INSTANCE_CELLS = 24;

function Partitions({ topic, x, y, width, count, perInstance }: { topic: string; x: number; y: number; width: number; count: number; perInstance: boolean }) {
  // A per-instance prefix shows its instance topics (one partition each), the first few of them.
  const leaders = useSimStore(
    useShallow((s) => (s.snapshot?.partitions ?? []).filter((p) => (perInstance ? p.topic.startsWith(`${topic}.`) : p.topic === topic)).map((p) => p.leader)),
  );
  if (perInstance) count = Math.min(MAX_INSTANCE_CELLS, leaders.length);
  const cell = Math.max(3, Math.min(12, (width - 12) / Math.max(1, count) - 2));
  return (
    <g>
      {perInstance ? (
        <text x={x + 6} y={y + 21} className="sb-topo-sub">
          {leaders.length} instance topics
        </text>
      ) : null}
      {Array.from({ length: count }, (_, i) => (
        <rect key={i} x={x + 6 + i * (cell + 2)} y={y} width={cell} height={10} rx={1.5} fill={brokerColour(leaders[i] ?? null)}>
          <title>
            {perInstance ? `instance topic ${i + 1}` : `${topic}-${i}`}: leader {leaders[i] ?? 'none'}
          </title>
        </rect>
      ))}
    </g>
  );
}

export function TopologyView() {
  const structure = useSimStore((s) => s.structure);
  const rates = useSimStore((s) => s.snapshot?.flow) ?? NO_FLOW;
  const members = useSimStore(useShallow((s) => Object.fromEntries((s.snapshot?.groups ?? []).map((g) => [`group:${g.groupId}`, `${g.members.length} member${g.members.length === 1 ? '' : 's'} · ${g.state}`]))));
  const brokers = useSimStore(useShallow((s) => s.snapshot?.brokers ?? []));
  const [layout, setLayout] = useState<TopologyLayout | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!structure) return;
    let live = true;
    layoutTopology(structure).then(
      (l) => live && setLayout(l),
      (e: unknown) => live && setError(`The layout failed: ${String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [structure]);
  if (!structure) return <p className="sb-muted">Run the simulation to see its topology.</p>;
  if (error) return <p role="alert">{error}</p>;
  if (!layout) return <p className="sb-muted">Laying out the topology…</p>;
  return (
    <div className="sb-topology">
      <div className="sb-topology-brokers" aria-label="Broker colours">
        {brokers.map((b) => (
          <span key={b.id} className="sb-broker-chip" style={{ background: brokerColour(b.id), opacity: b.status === 'running' ? 1 : 0.35 }}>
            broker {b.id} {b.status !== 'running' ? `(${b.status})` : ''}
          </span>
        ))}
        <span className="sb-muted sb-small-text">partition cells show their leader; red = offline</span>
      </div>
      <svg role="img" aria-label="Topology" style={{ width: layout.width + 20, maxWidth: 'none' }} viewBox={`-10 -10 ${layout.width + 20} ${layout.height + 20}`}>
        <defs>
          <marker id="sb-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
          </marker>
        </defs>
        {layout.nodes
          .filter((n) => n.kind === 'service')
          .map((n) => (
            <g key={n.id}>
              <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={8} className="sb-topo-service" />
              <text x={n.x + 10} y={n.y + 18} className="sb-topo-title">
                {n.label}
              </text>
            </g>
          ))}
        {layout.edges.map((e) => {
          const rate = e.topic ? (rates.topicRates[e.topic] ?? 0) : e.group ? (rates.groupRates[e.group] ?? 0) : 0;
          const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
          const mid = e.points[Math.floor(e.points.length / 2)]!;
          return (
            <g key={e.id} className="sb-topo-edge">
              <path d={d} fill="none" strokeWidth={1 + Math.min(5, Math.log10(1 + rate) * 1.6)} className={rate > 0 ? 'sb-flowing' : undefined} markerEnd="url(#sb-arrow)" />
              {rate > 0 ? (
                <text x={mid.x + 3} y={mid.y - 3} className="sb-topo-rate">
                  {Math.round(rate)}/s
                </text>
              ) : null}
            </g>
          );
        })}
        {layout.nodes
          .filter((n) => n.kind !== 'service')
          .map((n) => (
            <g key={n.id}>
              <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={n.kind === 'topic' ? 3 : 6} className={`sb-topo-${n.kind}`} />
              <text x={n.x + 6} y={n.y + 15} className="sb-topo-label">
                {n.label.length > 30 ? `${n.label.slice(0, 28)}…` : n.label}
              </text>
              {n.kind === 'group' ? (
                <text x={n.x + 6} y={n.y + 32} className="sb-topo-sub">
                  {n.role} · {members[n.id] ?? ''}
                </text>
              ) : null}
              {n.kind === 'topic' && n.partitions ? <Partitions topic={n.label} x={n.x} y={n.y + 26} width={n.width} count={n.partitions} perInstance={n.perInstance === true} /> : null}
            </g>
          ))}
      </svg>
    </div>
  );
}
