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

const SIZE: Record<string, [number, number]> = { actors: [90, 40], topic: [190, 54], group: [170, 44] };

export async function layoutTopology(s: SimStructure): Promise<TopologyLayout> {
  const elk = await loadElk();
  const byParent = new Map<string, ElkNode[]>();
  const roots: ElkNode[] = [];
  const meta = new Map(s.nodes.map((n) => [n.id, n]));
  for (const n of s.nodes) {
    if (n.kind === 'service') continue;
    const [width, height] = SIZE[n.kind] ?? [160, 44];
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
      layoutOptions: { 'elk.padding': '[top=28,left=12,bottom=12,right=12]', 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.spacing.nodeNode': '12' },
    });
  }
  const edges: ElkExtendedEdge[] = s.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '24',
      'elk.edgeRouting': 'POLYLINE',
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
