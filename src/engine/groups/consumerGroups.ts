// The consumer-group layer: the one group coordinator per group (broker side) and the one member
// implementation (ConsumerMember, which the kafkajs-shaped Consumer drives). It runs members'
// poll loops and heartbeat threads on the cluster's clock, expires members after
// session.timeout.ms, samples lag, and gives the group part of snapshot(). It reaches the
// cluster only through a GroupsPort (the engine's: cluster/groupsPort.ts).
import { tpKey } from '../assignors';
import type { Clock, TimerId } from '../../lib/clock';
import type { Rng } from '../../lib/rng';
import type { EventFeed } from '../replication/eventFeed';
import type { Ledger } from '../replication/ledger';
import { ConsumerMember } from './consumerMember';
import { UnknownMemberIdError } from '../errors';
import { GroupCoordinator } from './groupCoordinator';
import type { CommitListener, DeliveryListener, FetchResult, GroupsContext } from './groupsContext';
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

/** What the groups need from the cluster they run on. */
export interface GroupsPort {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly feed: EventFeed;
  readonly ledger: Ledger;
  partitionCount(topic: string): number;
  offsets(topic: string, partition: number): { low: number; high: number } | null;
  fetch(topic: string, partition: number, offset: number, max: number): FetchResult | Promise<FetchResult>;
  /** Async work (fetches from storage) the virtual clock must wait for. */
  track?(work: Promise<unknown>): void;
  persistCommit?(groupId: string, offsets: ReadonlyMap<string, number>): void;
}

/** A member's next poll: whether one is scheduled, its timer, when it is due, and the order it was scheduled in. */
interface NextPoll {
  readonly id: string;
  pending: boolean;
  timer: TimerId | null;
  at: number;
  seq: number;
}

const bySeq = (a: NextPoll, b: NextPoll): number => a.seq - b.seq;

export class ConsumerGroups {
  private readonly groups = new Map<string, GroupCoordinator>();
  private readonly members = new Map<string, ConsumerMember>();
  private readonly ctx: GroupsContext;
  private readonly port: GroupsPort;
  private seq = 0;
  private stopped = false;
  private readonly rng;
  /**
   * Per member: its next poll's timer and due time, so new data can wake an idle member early;
   * `seq` orders the entries as the map does (each is a new entry).
   */
  private readonly nextPoll = new Map<string, NextPoll>();
  private nextPollSeq = 0;
  /** Per partition (tpKey), the members owning it. */
  private readonly owners = new Map<string, Set<string>>();

  constructor(port: GroupsPort, options: GroupsOptions = {}) {
    this.port = port;
    this.rng = port.rng.fork('groups');
    const resolved = { ...GROUPS_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
    this.ctx = {
      clock: port.clock,
      feed: port.feed,
      ledger: port.ledger,
      options: resolved,
      partitionCount: (t) => port.partitionCount(t),
      offsets: (t, p) => port.offsets(t, p),
      fetch: (t, p, o, max) => port.fetch(t, p, o, max),
      scheduleExpiry: (g, m) => this.scheduleExpiry(g, m),
      ownership: (m, k, owns) => this.ownership(m.id, k, owns),
      ...(port.persistCommit ? { persistCommit: port.persistCommit } : {}),
    };
    const sample = () => {
      if (this.stopped) return;
      for (const g of this.groups.values()) if (g.members.size > 0 || g.committed.size > 0) g.sampleLag();
      port.clock.setTimeout(sample, resolved.lagSampleIntervalMs);
    };
    port.clock.setTimeout(sample, resolved.lagSampleIntervalMs);
  }

  get clock(): Clock {
    return this.port.clock;
  }

  /** Registers the handler of every record delivered to any group (applications, read-back checkers). */
  onDeliver(listener: DeliveryListener): void {
    this.ctx.onDeliver = listener;
  }

  /** Registers the listener of every accepted offset commit (lag health reads the commits, as Burrow does). */
  onCommit(listener: CommitListener): void {
    this.ctx.onCommitted = listener;
  }

  group(groupId: string): GroupCoordinator {
    let g = this.groups.get(groupId);
    if (!g) this.groups.set(groupId, (g = new GroupCoordinator(groupId, this.ctx)));
    return g;
  }

  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  /** Per group and partition, how far it has delivered (for a stored run). */
  deliveries(): Record<string, Record<string, { upTo: number; maxId: number }>> {
    return Object.fromEntries([...this.groups].map(([id, g]) => [id, g.deliveries()]));
  }

  restoreDeliveries(state: Record<string, Record<string, { upTo: number; maxId: number }>>): void {
    for (const [id, d] of Object.entries(state)) this.group(id).restoreDeliveries(d);
  }

  /** Starts a consumer: it joins on its first poll, then polls and heartbeats on its own. */
  addMember(options: MemberOptions & { clientId?: string }): string {
    const opts: ResolvedMemberOptions = { ...MEMBER_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as ResolvedMemberOptions;
    const id = `${options.clientId ?? options.groupId}-${++this.seq}`;
    const m = new ConsumerMember(id, opts, this.group(options.groupId), this.ctx);
    this.members.set(id, m);
    const clock = this.port.clock;
    // The member's one schedule entry for its whole life, filled in again for every poll (not a
    // map entry made and dropped per poll).
    const entry: NextPoll = { id, pending: false, timer: null, at: 0, seq: 0 };
    this.nextPoll.set(id, entry);
    const schedule = (next: number) => {
      entry.pending = false;
      if (next < 0 || this.stopped) return;
      entry.timer = clock.setTimeout(pollLoop, next);
      entry.at = clock.now() + next;
      entry.seq = ++this.nextPollSeq;
      entry.pending = true;
    };
    const pollLoop = () => {
      entry.pending = false;
      if (this.stopped) return;
      const next = m.poll();
      if (typeof next === 'number') return schedule(next);
      // A fetch from paged-out storage: the next poll is scheduled once it answered.
      this.polling.add(id);
      const done = next.then(
        (n) => {
          this.polling.delete(id);
          schedule(n);
        },
        () => {
          this.polling.delete(id);
          schedule(m.opts.pollIntervalMs);
        },
      );
      this.port.track?.(done);
    };
    this.pollers.set(id, pollLoop);
    const heartbeatLoop = () => {
      if (this.stopped || !m.alive || m.isClosed() || !this.members.has(id)) return;
      m.heartbeat();
      clock.setTimeout(heartbeatLoop, opts.heartbeatIntervalMs);
    };
    clock.setTimeout(pollLoop, 0);
    // Members start their heartbeat threads at different moments (seeded), as real clients do.
    clock.setTimeout(heartbeatLoop, Math.max(1, Math.round(opts.heartbeatIntervalMs * (0.5 + this.rng.next() / 2))));
    return id;
  }

  private readonly polling = new Set<string>();

  /** Members whose poll waits for a fetch from storage (paged-out bytes): records will be delivered when it answers. */
  get fetchesInFlight(): number {
    return this.polling.size;
  }
  /** Per topic, each partition's key and when it last woke its members (no key built per wake). */
  private readonly wakeSlots = new Map<string, { keys: string[]; wokenAt: number[] }>();
  private readonly pollers = new Map<string, () => void>();

  /**
   * New records on a partition: members that own it and sleep until their next idle poll poll
   * now instead (a fetch parked on the broker answers when data arrives, as Kafka's fetch.max.wait does).
   */
  wake(topic: string, partition: number): void {
    let slots = this.wakeSlots.get(topic);
    if (!slots) this.wakeSlots.set(topic, (slots = { keys: [], wokenAt: [] }));
    const k = (slots.keys[partition] ??= tpKey(topic, partition));
    const now = this.port.clock.now();
    // One wake per partition per instant: the members it wakes poll at this instant anyway.
    if (slots.wokenAt[partition] === now) return;
    slots.wokenAt[partition] = now;
    const owners = this.owners.get(k);
    if (!owners) return;
    // Called on every high-watermark move: only the partition's owners are looked at.
    const due = this.due;
    for (const id of owners) {
      const next = this.nextPoll.get(id);
      if (next?.pending && next.at > now && this.members.has(id)) due.push(next);
    }
    if (due.length === 0) return;
    // In the order their polls were scheduled, as walking the schedule would give.
    if (due.length > 1) due.sort(bySeq);
    for (const next of due) {
      const id = next.id;
      if (next.timer) this.port.clock.clearTimeout(next.timer);
      next.pending = false;
      const poll = this.pollers.get(id);
      if (!poll) continue;
      next.timer = this.port.clock.setTimeout(poll, 0);
      next.at = now;
      next.seq = ++this.nextPollSeq;
      next.pending = true;
    }
    due.length = 0;
  }

  /** The members a wake moves (reused: a wake schedules timers only, nothing runs meanwhile). */
  private readonly due: NextPoll[] = [];

  private ownership(member: string, k: string, owns: boolean): void {
    let set = this.owners.get(k);
    if (owns) {
      if (!set) this.owners.set(k, (set = new Set()));
      set.add(member);
    } else if (set) {
      set.delete(member);
      if (set.size === 0) this.owners.delete(k);
    }
  }

  /** Whether a member exists and has not left or crashed. */
  isLive(id: string): boolean {
    const m = this.members.get(id);
    return !!m && m.alive && !m.isClosed();
  }

  /** Forgets a member that left or crashed (the Consumer face calls it on disconnect). */
  forget(id: string): void {
    const next = this.nextPoll.get(id);
    if (next?.pending && next.timer) this.port.clock.clearTimeout(next.timer);
    if (next) next.pending = false;
    this.nextPoll.delete(id);
    this.pollers.delete(id);
    this.members.delete(id);
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
      const now = this.port.clock.now();
      if (now >= due) g.remove(m, 'member-expired', `no heartbeat for session.timeout.ms (${m.opts.sessionTimeoutMs} ms)`);
      else this.port.clock.setTimeout(check, due - now);
    };
    this.port.clock.setTimeout(check, m.opts.sessionTimeoutMs);
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
      // As kafka-consumer-groups --describe: a group without members still has the lag of what it committed.
      const topics = new Set(g.subscribedTopics());
      for (const k of g.committed.keys()) topics.add(k.slice(0, k.lastIndexOf('\u0000')));
      for (const t of topics) {
        for (let p = 0; p < this.ctx.partitionCount(t); p++) {
          const o = this.port.offsets(t, p);
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
