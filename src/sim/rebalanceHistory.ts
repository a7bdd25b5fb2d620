// Who owned which partition of each consumer group when, and each rebalance's trigger,
// protocol and the pause it caused: built from the cluster's event feed (partitions assigned and
// revoked, members leaving or expiring, rebalances starting and finishing) and the groups'
// pause measurements. Bounded: the newest segments and rebalances per group.
import type { RebalanceEpisode, StampedEvent } from './engineApi';

export type RebalanceTrigger = 'join' | 'leave' | 'crash' | 'timeout' | 'partition change' | 'subscription change';

/** One member owning one partition from `from` to `to` (null: still owns it). */
export interface OwnershipSegment {
  partition: string;
  member: string;
  from: number;
  to: number | null;
}

export interface RebalanceView {
  startedAt: number;
  finishedAt: number | null;
  trigger: RebalanceTrigger;
  reason: string;
  protocol: 'eager' | 'cooperative';
  /** Generation the rebalance ended in. */
  generation: number | null;
  /** SyncGroup rounds (cooperative rebalances that move partitions take two). */
  rounds: number;
  /** Longest time one partition went without a consuming owner, and the sum over partitions. */
  maxPauseMs: number;
  totalPauseMs: number;
  pausedPartitions: number;
  /** Time during which no partition of the group was consumed at all. */
  stallMs: number;
}

export interface GroupRebalanceHistory {
  groupId: string;
  /** Every partition seen, in topic and partition order. */
  partitions: string[];
  /** Members in the order they first owned something. */
  members: string[];
  segments: OwnershipSegment[];
  rebalances: RebalanceView[];
}

export interface RebalanceHistoryView {
  at: number;
  groups: GroupRebalanceHistory[];
}

const KEEP_SEGMENTS = 400;
const KEEP_REBALANCES = 50;

/** What set a rebalance off, from the reason the coordinator gave. */
export function triggerOf(reason: string): RebalanceTrigger {
  if (/^poll\(\) called again/.test(reason)) return 'join';
  if (/session\.timeout/.test(reason)) return 'crash';
  if (/max\.poll\.interval|rebalance timeout/.test(reason)) return 'timeout';
  if (/consumer closed|left the group/.test(reason)) return 'leave';
  if (/now has \d+ partitions/.test(reason)) return 'partition change';
  if (/subscription/.test(reason)) return 'subscription change';
  return 'join';
}

interface GroupState {
  open: Map<string, OwnershipSegment>;
  closed: OwnershipSegment[];
  partitions: Set<string>;
  members: string[];
  rebalances: RebalanceView[];
  current: RebalanceView | null;
}

function comparePartitions(a: string, b: string): number {
  const i = a.lastIndexOf('-');
  const j = b.lastIndexOf('-');
  const ta = a.slice(0, i);
  const tb = b.slice(0, j);
  return ta < tb ? -1 : ta > tb ? 1 : Number(a.slice(i + 1)) - Number(b.slice(j + 1));
}

export class RebalanceHistory {
  private readonly groups = new Map<string, GroupState>();
  /** Grows with every change: the worker sends the history only when it moved. */
  version = 0;

  constructor(readonly groupIds: readonly string[]) {
    for (const id of groupIds) this.state(id);
  }

  private state(groupId: string): GroupState {
    let g = this.groups.get(groupId);
    if (!g) this.groups.set(groupId, (g = { open: new Map(), closed: [], partitions: new Set(), members: [], rebalances: [], current: null }));
    return g;
  }

  onEvent(e: StampedEvent): void {
    if (!('group' in e)) return;
    const g = this.groups.get(e.group);
    if (!g) return;
    switch (e.type) {
      case 'partitions-assigned':
        if (!g.members.includes(e.member)) g.members.push(e.member);
        for (const p of e.partitions) {
          this.end(g, p, e.at);
          g.partitions.add(p);
          g.open.set(p, { partition: p, member: e.member, from: e.at, to: null });
        }
        break;
      case 'partitions-revoked':
        for (const p of e.partitions) if (g.open.get(p)?.member === e.member) this.end(g, p, e.at);
        break;
      case 'member-left':
      case 'member-expired':
        for (const [p, s] of [...g.open]) if (s.member === e.member) this.end(g, p, e.at);
        break;
      case 'rebalance-started':
        if (g.current) break; // a cooperative follow-up round of the same rebalance
        g.current = { startedAt: e.at, finishedAt: null, trigger: triggerOf(e.reason), reason: e.reason, protocol: e.protocol, generation: null, rounds: 0, maxPauseMs: 0, totalPauseMs: 0, pausedPartitions: 0, stallMs: 0 };
        g.rebalances.push(g.current);
        if (g.rebalances.length > KEEP_REBALANCES) g.rebalances.shift();
        break;
      case 'rebalance-finished':
        if (g.current) {
          g.current.finishedAt = e.at;
          g.current.generation = e.generation;
          g.current.maxPauseMs = e.pausedMs;
        }
        g.current = null;
        break;
      default:
        return;
    }
    this.version++;
  }

  private end(g: GroupState, partition: string, at: number): void {
    const s = g.open.get(partition);
    if (!s) return;
    g.open.delete(partition);
    s.to = at;
    g.closed.push(s);
    if (g.closed.length > KEEP_SEGMENTS) g.closed.shift();
  }

  /**
   * Plain data for the UI at `now`; `episodes` are the groups' own pause measurements
   * (rounds, pauses, stall), matched to the rebalances by start time.
   */
  view(now: number, episodes: (groupId: string) => readonly RebalanceEpisode[]): RebalanceHistoryView {
    const groups: GroupRebalanceHistory[] = [];
    for (const [groupId, g] of this.groups) {
      const byStart = new Map(episodes(groupId).map((ep) => [ep.startedAt, ep]));
      const rebalances = g.rebalances.map((r) => {
        const ep = byStart.get(r.startedAt);
        return ep ? { ...r, rounds: ep.rounds, maxPauseMs: ep.maxPauseMs, totalPauseMs: ep.totalPauseMs, pausedPartitions: ep.pausedPartitions, stallMs: ep.stallMs } : { ...r };
      });
      const segments = [...g.closed, ...g.open.values()].map((s) => ({ ...s }));
      const members = g.members.filter((m) => segments.some((s) => s.member === m));
      groups.push({ groupId, partitions: [...g.partitions].sort(comparePartitions), members, segments, rebalances });
    }
    return { at: now, groups };
  }

  /**
   * Back from a stored run's view: segments still open when it was stored end at `at` (the
   * members rejoin after a reload and are assigned again), rebalances under way are closed.
   */
  restore(stored: RebalanceHistoryView, at: number): void {
    for (const h of stored.groups) {
      const g = this.groups.get(h.groupId);
      if (!g) continue;
      for (const p of h.partitions) g.partitions.add(p);
      g.members.push(...h.members.filter((m) => !g.members.includes(m)));
      g.closed.push(...h.segments.map((s) => ({ ...s, to: s.to ?? at })));
      g.rebalances.push(...h.rebalances.map((r) => ({ ...r, finishedAt: r.finishedAt ?? at })));
    }
    this.version++;
  }
}
