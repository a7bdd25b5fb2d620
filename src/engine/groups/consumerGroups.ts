// The consumer-group layer on top of the replicated cluster: creates groups and simulated
// members, drives their poll loops and heartbeat threads on the cluster's clock, expires members
// after session.timeout.ms, samples lag, and exposes the group part of snapshot().
import { tpKey } from '../assignors';
import type { ClusterSim } from '../replication/clusterSim';
import { ConsumerMember } from './consumerMember';
import { UnknownMemberIdError } from '../errors';
import { GroupCoordinator } from './groupCoordinator';
import type { DeliveryListener, GroupsContext } from './groupsContext';
import type { LagSample } from './lagSeries';
import type { RebalanceEpisode } from './pauseTracker';
import { GROUPS_DEFAULTS, MEMBER_DEFAULTS, type GroupsOptions, type MemberOptions, type ResolvedMemberOptions } from './types';

export interface GroupSnapshot {
  groupId: string;
  state: string;
  generation: number;
  protocol: 'eager' | 'cooperative';
  assignor: string;
  leader: string | null;
  members: { id: string; state: string; assignment: string[] }[];
  committed: Record<string, number>;
  lag: Record<string, number>;
  totalLag: number;
  rebalancing: boolean;
  lastRebalance: RebalanceEpisode | null;
  failedCommits: number;
}

export class ConsumerGroups {
  private readonly groups = new Map<string, GroupCoordinator>();
  private readonly members = new Map<string, ConsumerMember>();
  private readonly ctx: GroupsContext;
  private seq = 0;
  private stopped = false;
  private readonly rng;

  constructor(
    readonly sim: ClusterSim,
    options: GroupsOptions = {},
  ) {
    this.rng = sim.core.rng.fork('groups');
    const resolved = { ...GROUPS_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
    const core = sim.core;
    this.ctx = {
      clock: sim.clock,
      feed: core.feed,
      ledger: core.ledger,
      options: resolved,
      partitionCount: (t) => core.partitionsOfTopic(t).length,
      offsets: (t, p) => sim.offsets(t, p),
      fetch: (t, p, o, max) => sim.fetch(t, p, o, max),
      scheduleExpiry: (g, m) => this.scheduleExpiry(g, m),
    };
    const sample = () => {
      if (this.stopped) return;
      for (const g of this.groups.values()) if (g.members.size > 0 || g.committed.size > 0) g.sampleLag();
      sim.clock.setTimeout(sample, resolved.lagSampleIntervalMs);
    };
    sim.clock.setTimeout(sample, resolved.lagSampleIntervalMs);
  }

  /** Registers the handler of every record delivered to any group (applications, read-back checkers). */
  onDeliver(listener: DeliveryListener): void {
    this.ctx.onDeliver = listener;
  }

  group(groupId: string): GroupCoordinator {
    let g = this.groups.get(groupId);
    if (!g) this.groups.set(groupId, (g = new GroupCoordinator(groupId, this.ctx)));
    return g;
  }

  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  /** Starts a consumer: it joins on its first poll, then polls and heartbeats on its own. */
  addMember(options: MemberOptions & { clientId?: string }): string {
    const opts: ResolvedMemberOptions = { ...MEMBER_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as ResolvedMemberOptions;
    const id = `${options.clientId ?? options.groupId}-${++this.seq}`;
    const m = new ConsumerMember(id, opts, this.group(options.groupId), this.ctx);
    this.members.set(id, m);
    const clock = this.sim.clock;
    const pollLoop = () => {
      if (this.stopped) return;
      const next = m.poll();
      if (next >= 0) clock.setTimeout(pollLoop, next);
    };
    const heartbeatLoop = () => {
      if (this.stopped || !m.alive || m.isClosed()) return;
      m.heartbeat();
      clock.setTimeout(heartbeatLoop, opts.heartbeatIntervalMs);
    };
    clock.setTimeout(pollLoop, 0);
    // Members start their heartbeat threads at different moments (seeded), as real clients do.
    clock.setTimeout(heartbeatLoop, Math.max(1, Math.round(opts.heartbeatIntervalMs * (0.5 + this.rng.next() / 2))));
    return id;
  }

  member(id: string): ConsumerMember {
    const m = this.members.get(id);
    if (!m) throw new UnknownMemberIdError('?', id);
    return m;
  }

  /** Graceful close: commit (auto), revoke, LeaveGroup — an immediate rebalance. */
  closeMember(id: string): void {
    this.member(id).leave();
  }

  /** Closes a member and starts a new one with the same settings (a redeploy); returns the new id. */
  restartMember(id: string): string {
    const m = this.member(id);
    m.leave();
    return this.addMember({ ...m.opts, topics: m.topics, ...(m.opts.groupInstanceId ? { groupInstanceId: m.opts.groupInstanceId } : {}) });
  }

  /** The process dies: the coordinator notices after session.timeout.ms. */
  crashMember(id: string): void {
    this.member(id).crash();
  }

  /** The application blocks in processing for `ms` (no poll()): past max.poll.interval.ms it is removed. */
  stallMember(id: string, ms: number): void {
    this.member(id).stall(ms);
  }

  subscribe(id: string, topics: readonly string[]): void {
    this.member(id).subscribe(topics);
  }

  commitSync(id: string): boolean {
    return this.member(id).commitSync();
  }

  commitAsync(id: string): void {
    this.member(id).commitAsync();
  }

  private scheduleExpiry(g: GroupCoordinator, m: ConsumerMember): void {
    const check = () => {
      if (this.stopped || !g.members.has(m.id)) return;
      const due = m.lastHeartbeatAt + m.opts.sessionTimeoutMs;
      const now = this.sim.clock.now();
      if (now >= due) g.remove(m, 'member-expired', `no heartbeat for session.timeout.ms (${m.opts.sessionTimeoutMs} ms)`);
      else this.sim.clock.setTimeout(check, due - now);
    };
    this.sim.clock.setTimeout(check, m.opts.sessionTimeoutMs);
  }

  lagSeries(groupId: string): { partitions: readonly string[]; samples: readonly LagSample[] } {
    const g = this.group(groupId);
    return { partitions: g.lag.partitions, samples: g.lag.samples() };
  }

  rebalances(groupId: string): readonly RebalanceEpisode[] {
    return this.group(groupId).pauses.history;
  }

  snapshot(): GroupSnapshot[] {
    return [...this.groups.values()].map((g) => {
      const lag: Record<string, number> = {};
      let totalLag = 0;
      for (const t of g.subscribedTopics()) {
        for (let p = 0; p < this.ctx.partitionCount(t); p++) {
          const o = this.sim.offsets(t, p);
          if (!o) continue;
          const v = Math.max(0, o.high - (g.committed.get(tpKey(t, p)) ?? o.low));
          lag[`${t}-${p}`] = v;
          totalLag += v;
        }
      }
      const committed: Record<string, number> = {};
      for (const [k, v] of g.committed) committed[k.replace('\u0000', '-')] = v;
      return {
        groupId: g.id,
        state: g.phase,
        generation: g.generation,
        protocol: g.protocol,
        assignor: g.assignor,
        leader: g.leaderId,
        members: [...g.members.values()].map((m) => ({ id: m.id, state: m.lifecycle.state, assignment: m.ownedKeys().map((k) => k.replace('\u0000', '-')) })),
        committed,
        lag,
        totalLag,
        rebalancing: g.phase !== 'Stable' && g.phase !== 'Empty',
        lastRebalance: g.pauses.history[g.pauses.history.length - 1] ?? null,
        failedCommits: g.failedCommits,
      };
    });
  }

  shutdown(): void {
    this.stopped = true;
  }
}
