// Business-level impact of faults: which commands, events, policies and read models of the
// board stall or go stale while brokers are down, and for how long. A sticky stalls when the
// topic it writes refuses writes (no leader, or fewer in-sync replicas than
// min.insync.replicas with acks=all), when a topic it reads has partitions without a leader,
// or when the consumer group that does its work is ERR by Burrow's rules; a read model goes
// stale on the same causes, or when its projector is falling behind (WARN).
import type { Topology } from '../topology';
import type { GroupView, PartitionView } from './simSnapshot';

export type ImpactState = 'stalled' | 'stale';

export interface StickyImpact {
  state: ImpactState;
  /** The first cause found, in words. */
  reason: string;
  /** Simulated ms since it began. */
  forMs: number;
}

export interface RecoveredImpact {
  state: ImpactState;
  reason: string;
  /** How long it lasted, and how long ago it ended (simulated ms). */
  lastedMs: number;
  agoMs: number;
}

/** A recovery stays on the board this long (simulated ms), so a workshop sees what the fault cost. */
export const RECOVERED_SHOWN_MS = 60_000;

interface TopicState {
  name: string;
  partitions: number;
  offline: number;
  refusing: number;
}

type Cause = { state: ImpactState; reason: string } | null;

function topicStates(t: Topology, partitions: readonly PartitionView[], acks: number): Map<string, TopicState> {
  const out = new Map<string, TopicState>();
  for (const spec of t.topics) {
    const s: TopicState = { name: spec.name, partitions: 0, offline: 0, refusing: 0 };
    for (const p of partitions) {
      if (!(p.topic === spec.name || (spec.perInstance && p.topic.startsWith(`${spec.name}.`)))) continue;
      s.partitions++;
      if (p.leader === null) s.offline++;
      else if (acks === -1 && p.minInsync !== undefined && p.isr.length < p.minInsync) s.refusing++;
    }
    out.set(spec.id, s);
  }
  return out;
}

/** What stops each sticky now (null: nothing), by element id. */
export function currentCauses(t: Topology, partitions: readonly PartitionView[], acks: number, groups: readonly Pick<GroupView, 'groupId' | 'label' | 'health'>[]): Map<string, Cause> {
  const topics = topicStates(t, partitions, acks);
  const group = new Map(groups.map((g) => [g.groupId, g]));
  const writes = (topicId: string | null, what: string): Cause => {
    const s = topicId ? topics.get(topicId) : undefined;
    if (!s || s.partitions === 0) return null;
    if (s.offline > 0) return { state: 'stalled', reason: `${what} cannot be written: ${s.offline} of ${s.partitions} partitions of ${s.name} have no leader` };
    if (s.refusing > 0) return { state: 'stalled', reason: `${what} refused on ${s.refusing} of ${s.partitions} partitions of ${s.name}: fewer in-sync replicas than min.insync.replicas` };
    return null;
  };
  const reads = (topicIds: readonly (string | null)[], state: ImpactState): Cause => {
    for (const id of topicIds) {
      const s = id ? topics.get(id) : undefined;
      if (s && s.offline > 0) return { state, reason: `cannot read ${s.offline} of ${s.partitions} partitions of ${s.name}: no leader` };
    }
    return null;
  };
  const worker = (groupId: string | null | undefined, state: ImpactState, staleOnWarn = false): Cause => {
    const g = groupId ? group.get(groupId) : undefined;
    const h = g?.health;
    if (!g || !h) return null;
    const e = h.settledError;
    if (h.status === 'ERR' && e) return { state, reason: `consumer group ${g.label} is ERR (${e.status} on ${e.topic}-${e.partition}, lag ${h.totalLag})` };
    if (staleOnWarn && h.status === 'WARN') return { state, reason: `consumer group ${g.label} is falling behind (lag ${h.totalLag})` };
    return null;
  };
  const first = (...causes: Cause[]): Cause => causes.find((c) => c !== null) ?? null;
  const out = new Map<string, Cause>();
  const aggregate = new Map(t.aggregates.map((a) => [a.elementId, a]));
  const external = new Map(t.externalSystems.map((e) => [e.elementId, e]));
  for (const c of t.commands) {
    const agg = c.handler?.kind === 'aggregate' ? aggregate.get(c.handler.elementId) : undefined;
    const sink = c.handler?.kind === 'externalSystem' ? external.get(c.handler.elementId) : undefined;
    out.set(c.elementId, first(writes(c.topicId, 'commands'), worker(agg?.groupId ?? sink?.groupId, 'stalled'), agg ? writes(agg.eventTopicId, 'its events') : null));
  }
  for (const e of t.events) out.set(e.elementId, writes(e.topicId, 'events'));
  for (const p of t.policies) out.set(p.elementId, first(reads(p.topicIds, 'stalled'), worker(p.groupId, 'stalled'), ...p.commands.map((c) => writes(t.commands.find((x) => x.elementId === c)?.topicId ?? null, 'its commands'))));
  const stale = (c: Cause): Cause => (c ? { state: 'stale', reason: c.reason } : null);
  for (const p of t.projectors) out.set(p.elementId, first(reads(p.topicIds, 'stale'), worker(p.groupId, 'stale', true), stale(writes(p.tableTopicId, 'rows'))));
  return out;
}

/** Remembers when each sticky's trouble began and how long the last one lasted. */
export class ImpactTracker {
  private readonly since = new Map<string, { state: ImpactState; reason: string; at: number }>();
  private readonly ended = new Map<string, { state: ImpactState; reason: string; lastedMs: number; at: number }>();

  update(now: number, causes: ReadonlyMap<string, Cause>): void {
    for (const [id, cause] of causes) {
      const open = this.since.get(id);
      if (cause) {
        if (!open || open.state !== cause.state) this.since.set(id, { state: cause.state, reason: cause.reason, at: open?.at ?? now });
        else open.reason = cause.reason;
      } else if (open) {
        this.since.delete(id);
        this.ended.set(id, { state: open.state, reason: open.reason, lastedMs: now - open.at, at: now });
      }
    }
  }

  impact(id: string, now: number): StickyImpact | null {
    const o = this.since.get(id);
    return o ? { state: o.state, reason: o.reason, forMs: now - o.at } : null;
  }

  recovered(id: string, now: number): RecoveredImpact | null {
    const e = this.ended.get(id);
    if (!e || now - e.at > RECOVERED_SHOWN_MS) return null;
    return { state: e.state, reason: e.reason, lastedMs: e.lastedMs, agoMs: now - e.at };
  }
}
