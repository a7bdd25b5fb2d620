// The static shape of a run for the topology view: actors, services with their consumer
// groups, topics with their partition counts, and who writes to or reads from each topic.
// Sent once per run; live volumes come with every snapshot, keyed by topic and group.
import type { Topology } from '../topology';
import type { GroupRole } from './groupRoles';

export interface StructureNode {
  id: string;
  kind: 'actors' | 'service' | 'group' | 'topic';
  label: string;
  /** Groups sit inside their service. */
  parent?: string;
  partitions?: number;
  role?: string;
  /** A per-instance topic prefix: one single-partition topic per aggregate id. */
  perInstance?: boolean;
}

export interface StructureEdge {
  id: string;
  source: string;
  target: string;
  /** The edge's volume is this topic's write rate (writers) … */
  topic?: string;
  /** … or this group's handling rate (readers). */
  group?: string;
}

export interface SimStructure {
  nodes: StructureNode[];
  edges: StructureEdge[];
}

export function buildStructure(t: Topology, roles: readonly GroupRole[], entryTopics: readonly string[]): SimStructure {
  const nodes: StructureNode[] = [{ id: 'actors', kind: 'actors', label: 'Actors' }];
  const edges: StructureEdge[] = [];
  const topicNode = (name: string) => `topic:${name}`;
  for (const s of t.services) nodes.push({ id: `service:${s.id}`, kind: 'service', label: s.label || s.name });
  for (const topic of t.topics) {
    nodes.push({ id: topicNode(topic.name), kind: 'topic', label: topic.name, partitions: topic.partitions, role: topic.role, ...(topic.perInstance ? { perInstance: true } : {}) });
  }
  const nameOf = new Map(t.topics.map((x) => [x.id, x.name]));
  for (const r of roles) {
    const id = `group:${r.groupId}`;
    nodes.push({ id, kind: 'group', label: r.label, parent: `service:${r.serviceId}`, role: r.kind });
    for (const topic of r.topics) edges.push({ id: `${topic}->${r.groupId}`, source: topicNode(topic), target: id, group: r.groupId });
  }
  const writes = (groupId: string, topicId: string | null) => {
    const name = topicId ? nameOf.get(topicId) : undefined;
    if (name) edges.push({ id: `${groupId}=>${name}`, source: `group:${groupId}`, target: topicNode(name), topic: name });
  };
  for (const a of t.aggregates) writes(a.groupId, a.eventTopicId);
  for (const p of t.policies) for (const c of p.commands) writes(p.groupId, t.commands.find((x) => x.elementId === c)?.topicId ?? null);
  for (const p of t.projectors) writes(p.groupId, p.tableTopicId);
  for (const e of t.externalSystems) if (e.groupId) writes(e.groupId, e.sourceTopicId);
  for (const name of new Set(entryTopics)) edges.push({ id: `actors=>${name}`, source: 'actors', target: topicNode(name), topic: name });
  // Drop duplicate edges (two policy commands to one topic).
  const seen = new Set<string>();
  return { nodes, edges: edges.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true))) };
}
