// Lays out a run's structure with elkjs (layered, left to right, services as boxes around
// their consumer groups), loaded on first use: the library is large, and it runs in its own
// worker built from elk-worker.min.js (a worker bundled from elk.bundled never answers in Vite).
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { SimStructure } from '../store/simStore';

export interface PlacedNode {
  id: string;
  kind: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  partitions?: number;
  role?: string;
  perInstance?: boolean;
}

export interface PlacedEdge {
  id: string;
  points: { x: number; y: number }[];
  topic?: string;
  group?: string;
}

export interface TopologyLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

type ElkInstance = { layout(graph: ElkNode): Promise<ElkNode> };
let elkPromise: Promise<ElkInstance> | null = null;

function loadElk(): Promise<ElkInstance> {
  elkPromise ??= Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(([api, url]) => {
    const Elk = (api as unknown as { default: new (args: { workerFactory: () => Worker }) => ElkInstance }).default;
    return new Elk({ workerFactory: () => new Worker((url as { default: string }).default) });
  });
  return elkPromise;
}

/** Text in the topology view: 14 px, lines LINE_PX apart, PAD_PX inside each box. */
export const TOPO_FONT_PX = 14;
export const LINE_PX = 19;
export const PAD_PX = 8;
/** Boxes grow to their text up to this width; longer names end with an ellipsis. */
export const MAX_BOX_PX = 340;
/** Widest state and member count a group's lines must hold ("CompletingRebalance · 9,999/s handled"). */
const WIDEST_GROUP_LINES = ['CompletingRebalance · 9,999/s handled', 'projector · 99 members · lag WARN'];
const WIDEST_TOPIC_LINE = '9,999/s written';
/** The topic's readers line ("read by 2 groups · lag 1,234"). */
const WIDEST_READERS_LINE = 'read by 9 groups · lag 99,999';
const WIDEST_INSTANCE_TOPIC_LINE = '9,999/s written · 999 instance topics';

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** Width of a line of topology text in px (measured in the browser; estimated elsewhere). */
export function textWidth(text: string, bold = false): number {
  if (measureCtx === undefined) measureCtx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * TOPO_FONT_PX * (bold ? 0.62 : 0.56);
  measureCtx.font = `${bold ? '700 ' : ''}${TOPO_FONT_PX}px system-ui, sans-serif`;
  return measureCtx.measureText(text).width;
}

/** A box wide enough for its lines (the first one bold) and tall enough for `lines` lines. */
function boxSize(label: string, others: readonly string[], lines: number): [number, number] {
  const widest = Math.max(textWidth(label, true), ...others.map((o) => textWidth(o)));
  return [Math.min(MAX_BOX_PX, Math.max(110, Math.ceil(widest) + 2 * PAD_PX + 4)), 2 * PAD_PX + lines * LINE_PX];
}

function sizeOf(n: SimStructure['nodes'][number]): [number, number] {
  if (n.kind === 'topic') return boxSize(n.label, [n.perInstance ? WIDEST_INSTANCE_TOPIC_LINE : WIDEST_TOPIC_LINE, WIDEST_READERS_LINE, '▮▮'.repeat(n.partitions ?? 1)], 4);
  if (n.kind === 'group') return boxSize(n.label, WIDEST_GROUP_LINES, 3);
  return boxSize(n.label, [], 1);
}

/** One layout per run's structure: reopening the tab shows it at once instead of laying out again. */
const layouts = new WeakMap<SimStructure, Promise<TopologyLayout>>();

export function layoutTopology(s: SimStructure): Promise<TopologyLayout> {
  let p = layouts.get(s);
  if (!p) {
    p = computeLayout(s);
    layouts.set(s, p);
    p.catch(() => layouts.delete(s));
  }
  return p;
}

async function computeLayout(s: SimStructure): Promise<TopologyLayout> {
  const elk = await loadElk();
  const byParent = new Map<string, ElkNode[]>();
  const roots: ElkNode[] = [];
  const meta = new Map(s.nodes.map((n) => [n.id, n]));
  for (const n of s.nodes) {
    if (n.kind === 'service') continue;
    const [width, height] = sizeOf(n);
    const node: ElkNode = { id: n.id, width, height };
    if (n.parent) {
      const list = byParent.get(n.parent) ?? [];
      list.push(node);
      byParent.set(n.parent, list);
    } else roots.push(node);
  }
  for (const n of s.nodes) {
    if (n.kind !== 'service') continue;
    roots.push({
      id: n.id,
      children: byParent.get(n.id) ?? [],
      layoutOptions: { 'elk.padding': '[top=32,left=12,bottom=12,right=12]', 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.spacing.nodeNode': '14' },
    });
  }
  const edges: ElkExtendedEdge[] = s.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '22',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: roots,
    edges,
  };
  const out = await elk.layout(graph);
  const nodes: PlacedNode[] = [];
  const placed: PlacedEdge[] = [];
  const edgeMeta = new Map(s.edges.map((e) => [e.id, e]));
  const visit = (n: ElkNode, ox: number, oy: number) => {
    const x = ox + (n.x ?? 0);
    const y = oy + (n.y ?? 0);
    const m = meta.get(n.id);
    if (m) nodes.push({ id: n.id, kind: m.kind, label: m.label, x, y, width: n.width ?? 0, height: n.height ?? 0, ...(m.partitions ? { partitions: m.partitions } : {}), ...(m.role ? { role: m.role } : {}), ...(m.perInstance ? { perInstance: true } : {}) });
    for (const c of n.children ?? []) visit(c, x, y);
    for (const e of (n.edges ?? []) as ElkExtendedEdge[]) {
      const sec = e.sections?.[0];
      if (!sec) continue;
      const em = edgeMeta.get(e.id);
      placed.push({
        id: e.id,
        points: [sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint].map((p) => ({ x: p.x + x, y: p.y + y })),
        ...(em?.topic ? { topic: em.topic } : {}),
        ...(em?.group ? { group: em.group } : {}),
      });
    }
  };
  visit(out, -(out.x ?? 0), -(out.y ?? 0));
  return { width: out.width ?? 0, height: out.height ?? 0, nodes, edges: placed };
}
