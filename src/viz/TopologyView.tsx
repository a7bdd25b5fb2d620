// The topology of the run, laid out automatically: actors, services around their consumer
// groups (role, members, state and handled rate), topics with one cell per partition coloured
// by its leader broker and their write rate; edges thicken with the volume and animate while
// records flow. Boxes are sized to their text (14 px, topologyLayout.ts), rates sit inside the
// boxes rather than on the edges, so no label overlaps another; each group shows its lag health
// (Burrow's status, and an outline when it is WARN or ERR); the dock gives the view the
// board's place while this tab is open.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore, type GroupLagStatus } from '../store/simStore';
import { healthClass } from './lagHealthText';
import { readersText, topicReaders } from './topicReaders';
import { LINE_PX, MAX_BOX_PX, PAD_PX, TOPO_FONT_PX, layoutTopology, textWidth, type PlacedNode, type TopologyLayout } from './topologyLayout';

const BROKER_COLOURS = ['#2f6fde', '#e8590c', '#2b8a3e', '#ae3ec9', '#1098ad', '#f08c00', '#5c7cfa', '#c2255c', '#495057'];
const NO_FLOW = { topicRates: {} as Record<string, number>, groupRates: {} as Record<string, number> };
const brokerColour = (b: number | null) => (b === null ? '#c92a2a' : BROKER_COLOURS[(b - 1) % BROKER_COLOURS.length]!);

const MAX_INSTANCE_CELLS = 24;
const CELL_PX = 12;

/** A line cut to the box's width, with an ellipsis (the whole text is the box's tooltip). */
function fit(text: string, width: number, bold = false): string {
  const room = width - 2 * PAD_PX;
  if (textWidth(text, bold) <= room) return text;
  let n = text.length;
  while (n > 1 && textWidth(`${text.slice(0, n)}…`, bold) > room) n--;
  return `${text.slice(0, n)}…`;
}

const rateText = (r: number) => `${Math.round(r).toLocaleString('en-US')}/s`;
const lineY = (n: PlacedNode, line: number) => n.y + PAD_PX + line * LINE_PX + TOPO_FONT_PX - 1;

function Partitions({ node, rate, readers }: { node: PlacedNode; rate: number; readers: string }) {
  const perInstance = node.perInstance === true;
  const topic = node.label;
  // A per-instance prefix shows its instance topics (one partition each), the first few of them.
  const leaders = useSimStore(
    useShallow((s) => (s.snapshot?.partitions ?? []).filter((p) => (perInstance ? p.topic.startsWith(`${topic}.`) : p.topic === topic)).map((p) => p.leader)),
  );
  const count = perInstance ? Math.min(MAX_INSTANCE_CELLS, leaders.length) : (node.partitions ?? 0);
  const cell = Math.max(4, Math.min(CELL_PX, (node.width - 2 * PAD_PX) / Math.max(1, count) - 2));
  const cellsY = node.y + PAD_PX + LINE_PX + 3;
  return (
    <g>
      {Array.from({ length: count }, (_, i) => (
        <rect key={i} x={node.x + PAD_PX + i * (cell + 2)} y={cellsY} width={cell} height={CELL_PX} rx={1.5} fill={brokerColour(leaders[i] ?? null)}>
          <title>
            {perInstance ? `instance topic ${i + 1}` : `${topic}-${i}`}: leader {leaders[i] ?? 'none'}
          </title>
        </rect>
      ))}
      <text x={node.x + PAD_PX} y={lineY(node, 2)} className="sb-topo-sub">
        {rate > 0 ? `${rateText(rate)} written` : 'idle'}
        {perInstance ? ` · ${leaders.length} instance topics` : ''}
      </text>
      <text x={node.x + PAD_PX} y={lineY(node, 3)} className="sb-topo-sub">
        read by {readers}
      </text>
    </g>
  );
}

export function TopologyView() {
  const structure = useSimStore((s) => s.structure);
  const rates = useSimStore((s) => s.snapshot?.flow) ?? NO_FLOW;
  const groups = useSimStore(
    useShallow((s) =>
      Object.fromEntries((s.snapshot?.groups ?? []).map((g) => [`group:${g.groupId}`, `${g.members.length} member${g.members.length === 1 ? '' : 's'}|${g.state}|${g.groupId}|${g.health?.status ?? ''}`])),
    ),
  );
  const brokers = useSimStore(useShallow((s) => s.snapshot?.brokers ?? []));
  const topicNames = structure?.nodes.filter((n) => n.kind === 'topic').map((n) => n.label) ?? [];
  const readers = useSimStore(useShallow((s) => Object.fromEntries(topicNames.map((t) => [t, readersText(topicReaders(s.snapshot?.groups ?? [], t))]))));
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
          <span key={b.id} className={`sb-broker-chip${b.status === 'running' ? '' : ' sb-broker-chip-down'}`} style={{ background: b.status === 'running' ? brokerColour(b.id) : undefined, borderColor: brokerColour(b.id) }}>
            broker {b.id} {b.status !== 'running' ? `(${b.status})` : ''}
          </span>
        ))}
        <span className="sb-muted sb-small-text">partition cells show their leader; red = offline; thicker edges carry more records; a group's lag health (Burrow's rules): orange outline WARN, red ERR</span>
      </div>
      <svg role="img" aria-label="Topology" style={{ width: layout.width + 20, maxWidth: 'none' }} viewBox={`-10 -10 ${layout.width + 20} ${layout.height + 20}`}>
        <defs>
          <marker id="sb-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
          </marker>
        </defs>
        {layout.nodes
          .filter((n) => n.kind === 'service')
          .map((n) => (
            <g key={n.id}>
              <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={8} className="sb-topo-service" />
              <text x={n.x + 10} y={n.y + 21} className="sb-topo-title">
                {fit(n.label, Math.min(n.width, MAX_BOX_PX), true)}
              </text>
            </g>
          ))}
        {layout.edges.map((e) => {
          const rate = e.topic ? (rates.topicRates[e.topic] ?? 0) : e.group ? (rates.groupRates[e.group] ?? 0) : 0;
          const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
          return (
            <g key={e.id} className="sb-topo-edge">
              <path d={d} fill="none" strokeWidth={1 + Math.min(5, Math.log10(1 + rate) * 1.6)} className={rate > 0 ? 'sb-flowing' : undefined} markerEnd="url(#sb-arrow)">
                <title>{rate > 0 ? `${rateText(rate)}` : 'no records now'}</title>
              </path>
            </g>
          );
        })}
        {layout.nodes
          .filter((n) => n.kind !== 'service')
          .map((n) => {
            const [members, state, groupId, health] = (groups[n.id] ?? '|||').split('|');
            const handled = groupId ? (rates.groupRates[groupId] ?? 0) : 0;
            return (
              <g key={n.id}>
                <title>{n.label}</title>
                <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={n.kind === 'topic' ? 3 : 6} className={`sb-topo-${n.kind}${n.kind === 'group' && health ? ` ${healthClass(health as GroupLagStatus)}` : ''}`} />
                <text x={n.x + PAD_PX} y={lineY(n, 0)} className="sb-topo-label">
                  {fit(n.label, n.width, true)}
                </text>
                {n.kind === 'group' ? (
                  <>
                    <text x={n.x + PAD_PX} y={lineY(n, 1)} className="sb-topo-sub">
                      {n.role} · {members}
                      {health ? (
                        <>
                          {' · lag '}
                          <tspan className={health === 'OK' ? undefined : `sb-topo-health-${health === 'WARN' ? 'warn' : 'err'}`}>{health}</tspan>
                        </>
                      ) : null}
                    </text>
                    <text x={n.x + PAD_PX} y={lineY(n, 2)} className="sb-topo-sub">
                      {state}
                      {handled > 0 ? ` · ${rateText(handled)} handled` : ''}
                    </text>
                  </>
                ) : null}
                {n.kind === 'topic' ? <Partitions node={n} rate={rates.topicRates[n.label] ?? 0} readers={readers[n.label] ?? 'no group'} /> : null}
              </g>
            );
          })}
      </svg>
    </div>
  );
}
