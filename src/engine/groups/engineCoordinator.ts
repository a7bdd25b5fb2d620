// Multi-member consumer groups for the engine's kafkajs-shaped consumers, behind the engine's
// GroupCoordinator seam. The engine's consumer joins once and re-reads its assignment on every
// fetch loop, so rebalances are driven here: a member that reads its assignment has seen the
// revocation. Eager: every member's partitions are revoked, and the new assignment (Kafka's
// assignors) is handed out once every previous owner has seen the revocation, or after the
// rebalance timeout. Cooperative (all members cooperative-sticky): the first round keeps
// unmoved partitions, the second hands over the moved ones once their old owners let go.
// Members not seen for session.timeout.ms are removed. Offsets live in __consumer_offsets.
import type { Engine } from '../broker/engine';
import type { CommittedOffset, GroupCoordinator, GroupDescription, JoinRequest, JoinResult, TopicPartitions } from '../coordinator/groupCoordinator';
import { OffsetStore } from '../coordinator/offsetStore';
import { assignPartitions, cooperativeFirstRound, stickyAssign, tpKey, type Assignment, type AssignorName, type TopicPartitionTuple } from '../assignors';
import type { GroupSnapshot } from './consumerGroups';
import { LagSeries, type LagSample } from './lagSeries';

interface Member {
  readonly id: string;
  clientId: string;
  topics: string[];
  assigners: AssignorName[];
  groupInstanceId?: string;
  sessionTimeout: number;
  rebalanceTimeout: number;
  lastSeen: number;
  /** What the member may consume now. */
  owned: TopicPartitionTuple[];
  /** Generation in which `owned` was handed out (sticky assignors' ownership claims). */
  generation: number;
}

interface Pending {
  target: Assignment;
  waitingFor: Set<string>;
  round: number;
}

interface Group {
  readonly id: string;
  /** Committed offsets as this coordinator wrote or read them (a synchronous mirror for snapshots). */
  readonly committed: Map<string, number>;
  readonly lag: LagSeries;
  generation: number;
  members: Map<string, Member>;
  pending: Pending | null;
  round: number;
  rebalances: number;
  failedCommits: number;
}

export interface EngineCoordinatorOptions {
  /** JoinGroup + SyncGroup round trips before a computed assignment is handed out. */
  joinSyncLatencyMs?: number;
  /**
   * How often members' liveness is checked; 0 turns expiry off. Expiry needs consumers that run
   * while time passes (a real clock): a virtual clock moved far in one step would expire members
   * whose loops had no chance to run.
   */
  sessionCheckIntervalMs?: number;
  /** Lag sampling period for the lag series; 0 turns sampling off. */
  lagSampleIntervalMs?: number;
}

/** kafkajs / Java assignor names to ours. */
export function assignorFromName(name: string): AssignorName {
  const n = name.toLowerCase();
  if (n.includes('cooperative')) return 'cooperative-sticky';
  if (n.includes('sticky')) return 'sticky';
  if (n.includes('range')) return 'range';
  return 'roundrobin';
}

const toTopicPartitions = (list: readonly TopicPartitionTuple[]): TopicPartitions[] => {
  const byTopic = new Map<string, number[]>();
  for (const [t, p] of list) byTopic.set(t, [...(byTopic.get(t) ?? []), p]);
  return [...byTopic.keys()].sort().map((topic) => ({ topic, partitions: byTopic.get(topic)!.sort((a, b) => a - b) }));
};

export class EngineGroupCoordinator implements GroupCoordinator {
  readonly offsets: OffsetStore;
  private readonly groups = new Map<string, Group>();
  private seq = 0;
  private readonly latency: number;

  constructor(
    private readonly engine: Engine,
    options: EngineCoordinatorOptions = {},
  ) {
    this.offsets = new OffsetStore(engine);
    this.latency = options.joinSyncLatencyMs ?? 0;
    const interval = options.sessionCheckIntervalMs ?? (engine.clock.kind === 'real' ? 1_000 : 0);
    const sweep = () => {
      if (engine.closed) return;
      this.expireSilentMembers();
      engine.clock.setTimeout(sweep, interval);
    };
    if (interval > 0) engine.clock.setTimeout(sweep, interval);
    const lagEvery = options.lagSampleIntervalMs ?? 1_000;
    const sample = () => {
      if (engine.closed) return;
      this.sampleLag();
      engine.clock.setTimeout(sample, lagEvery);
    };
    if (lagEvery > 0) engine.clock.setTimeout(sample, lagEvery);
    const topicsChanged = (topic: string) => {
      for (const g of this.groups.values()) if ([...g.members.values()].some((m) => m.topics.includes(topic))) this.rebalance(g);
    };
    engine.events.on('partitionsAdded', ({ topic }) => topicsChanged(topic));
    engine.events.on('topicCreated', ({ topic }) => topicsChanged(topic));
    engine.events.on('topicDeleted', ({ topic }) => topicsChanged(topic));
  }

  private group(id: string): Group {
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = { id, committed: new Map(), lag: new LagSeries(600), generation: 0, members: new Map(), pending: null, round: 0, rebalances: 0, failedCommits: 0 }));
    return g;
  }

  async join(req: JoinRequest): Promise<JoinResult> {
    const g = this.group(req.groupId);
    const now = this.engine.clock.now();
    let m = req.memberId ? g.members.get(req.memberId) : undefined;
    if (!m) {
      m = { id: `${req.clientId ?? 'consumer'}-${++this.seq}`, clientId: req.clientId ?? 'consumer', topics: [], assigners: [], sessionTimeout: 0, rebalanceTimeout: 0, lastSeen: now, owned: [], generation: -1 };
      g.members.set(m.id, m);
    }
    m.topics = [...req.topics];
    m.assigners = (req.assigners.length > 0 ? req.assigners : ['roundrobin']).map(assignorFromName);
    if (req.groupInstanceId) m.groupInstanceId = req.groupInstanceId;
    m.sessionTimeout = req.sessionTimeout;
    m.rebalanceTimeout = req.rebalanceTimeout;
    m.lastSeen = now;
    this.rebalance(g);
    return { memberId: m.id, generationId: g.generation, assignment: toTopicPartitions(m.owned) };
  }

  async leave(groupId: string, memberId: string): Promise<void> {
    const g = this.groups.get(groupId);
    if (g?.members.delete(memberId)) this.rebalance(g);
  }

  async heartbeat(groupId: string, memberId: string): Promise<void> {
    const m = this.groups.get(groupId)?.members.get(memberId);
    if (m) m.lastSeen = this.engine.clock.now();
  }

  assignment(groupId: string, memberId: string): TopicPartitions[] {
    const g = this.groups.get(groupId);
    const m = g?.members.get(memberId);
    if (!g || !m) return [];
    m.lastSeen = this.engine.clock.now();
    if (g.pending?.waitingFor.delete(memberId) && g.pending.waitingFor.size === 0) this.scheduleCompletion(g);
    return toTopicPartitions(m.owned);
  }

  /** Offsets for partitions the member no longer owns are dropped (its generation has passed). */
  async commit(groupId: string, offsets: { topic: string; partition: number; offset: string; metadata?: string | null }[], memberId?: string): Promise<void> {
    const g = this.groups.get(groupId);
    const m = memberId ? g?.members.get(memberId) : undefined;
    let accepted = offsets;
    if (g && memberId) {
      const mine = new Set((m?.owned ?? []).map(([t, p]) => tpKey(t, p)));
      accepted = offsets.filter((o) => mine.has(tpKey(o.topic, o.partition)));
      if (accepted.length < offsets.length) g.failedCommits++;
      if (m) m.lastSeen = this.engine.clock.now();
    }
    if (accepted.length > 0) await this.offsets.commit(groupId, accepted);
    const mirror = this.group(groupId).committed;
    for (const o of accepted) mirror.set(tpKey(o.topic, o.partition), Number(o.offset));
  }

  async fetchCommitted(groupId: string, topics?: string[]): Promise<CommittedOffset[]> {
    const out = await this.offsets.fetch(groupId, topics);
    const mirror = this.group(groupId).committed;
    for (const c of out) if (c.offset !== '-1') mirror.set(tpKey(c.topic, c.partition), Number(c.offset));
    return out;
  }

  /** Lag = high watermark − committed offset for every partition of the group's topics. */
  private lagOf(g: Group): Map<string, number> {
    const lags = new Map<string, number>();
    const topics = new Set([...g.members.values()].flatMap((m) => m.topics));
    for (const k of g.committed.keys()) topics.add(k.slice(0, k.indexOf('\u0000')));
    for (const t of topics) {
      const topic = this.engine.topics.get(t);
      if (!topic) continue;
      for (const p of topic.partitions) {
        const log = this.engine.log(t, p.partition);
        lags.set(tpKey(t, p.partition), Math.max(0, log.highWatermark - (g.committed.get(tpKey(t, p.partition)) ?? log.logStartOffset)));
      }
    }
    return lags;
  }

  /** Samples every group's lag into its bounded series (the "Consumer lag" chart). */
  sampleLag(): void {
    for (const g of this.groups.values()) g.lag.push(this.engine.clock.now(), this.lagOf(g));
  }

  lagSeries(groupId: string): { partitions: readonly string[]; samples: readonly LagSample[] } {
    const g = this.group(groupId);
    return { partitions: g.lag.partitions, samples: g.lag.samples() };
  }

  /** The groups part of the cluster snapshot, in the same shape the simulated groups use. */
  snapshot(): GroupSnapshot[] {
    const label = (k: string) => k.replace('\u0000', '-');
    return [...this.groups.values()].map((g) => {
      const lags = this.lagOf(g);
      const description = this.describe(g.id);
      return {
        groupId: g.id,
        state: description.state,
        generation: g.generation,
        protocol: this.strategy(g) === 'cooperative-sticky' ? 'cooperative' : 'eager',
        assignor: this.strategy(g),
        leader: [...g.members.keys()][0] ?? null,
        members: [...g.members.values()].map((m) => ({ id: m.id, state: g.pending ? 'joining' : 'stable', assignment: m.owned.map(([t, p]) => `${t}-${p}`) })),
        committed: Object.fromEntries([...g.committed].map(([k, v]) => [label(k), v])),
        lag: Object.fromEntries([...lags].map(([k, v]) => [label(k), v])),
        totalLag: [...lags.values()].reduce((a, b) => a + b, 0),
        rebalancing: g.pending !== null,
        lastRebalance: null,
        failedCommits: g.failedCommits,
      };
    });
  }

  describe(groupId: string): GroupDescription {
    const g = this.groups.get(groupId);
    if (!g) return { groupId, state: 'Dead', protocolType: 'consumer', protocol: '', members: [] };
    const state = g.members.size === 0 ? 'Empty' : g.pending ? (g.pending.waitingFor.size > 0 ? 'PreparingRebalance' : 'CompletingRebalance') : 'Stable';
    return {
      groupId,
      state,
      protocolType: 'consumer',
      protocol: this.strategy(g),
      members: [...g.members.values()].map((m) => ({ memberId: m.id, clientId: m.clientId, clientHost: '/engine', memberAssignment: toTopicPartitions(m.owned) })),
    };
  }

  listGroups(): string[] {
    return [...new Set([...this.groups.keys(), ...this.offsets.groups()])];
  }

  /** Rebalances so far and commits refused for partitions a member no longer owned. */
  stats(groupId: string): { generation: number; rebalances: number; failedCommits: number } {
    const g = this.group(groupId);
    return { generation: g.generation, rebalances: g.rebalances, failedCommits: g.failedCommits };
  }

  private strategy(g: Group): AssignorName {
    const ms = [...g.members.values()];
    const first = ms[0]?.assigners ?? ['roundrobin'];
    return first.find((a) => ms.every((m) => m.assigners.includes(a))) ?? first[0] ?? 'roundrobin';
  }

  private rebalance(g: Group): void {
    g.rebalances++;
    g.round++;
    if (g.members.size === 0) {
      g.pending = null;
      g.generation++;
      return;
    }
    const strategy = this.strategy(g);
    const topics: Record<string, number> = {};
    for (const m of g.members.values()) for (const t of m.topics) if (this.engine.topics.has(t)) topics[t] = this.engine.topic(t).partitions.length;
    const sticky = strategy === 'sticky' || strategy === 'cooperative-sticky';
    const members = [...g.members.values()].map((m) => ({
      id: m.id,
      topics: m.topics,
      ...(m.groupInstanceId ? { groupInstanceId: m.groupInstanceId } : {}),
      ...(sticky ? { owned: m.owned, generation: m.generation } : {}),
    }));
    const previousOwner = new Map<string, string>();
    for (const m of g.members.values()) for (const [t, p] of m.owned) previousOwner.set(tpKey(t, p), m.id);
    if (strategy === 'cooperative-sticky') {
      const outcome = stickyAssign({ topics, members });
      const first = cooperativeFirstRound(outcome);
      g.generation++;
      const waitingFor = new Set<string>();
      for (const m of g.members.values()) {
        m.owned = first[m.id] ?? [];
        m.generation = g.generation;
      }
      for (const k of outcome.transferring.keys()) {
        const owner = previousOwner.get(k);
        if (owner && g.members.has(owner)) waitingFor.add(owner);
      }
      g.pending = outcome.transferring.size > 0 ? { target: outcome.assignment, waitingFor, round: g.round } : null;
      if (g.pending && waitingFor.size === 0) this.scheduleCompletion(g);
      return;
    }
    const target = assignPartitions(strategy, { topics, members });
    const waitingFor = new Set([...g.members.values()].filter((m) => m.owned.length > 0).map((m) => m.id));
    for (const m of g.members.values()) m.owned = [];
    g.pending = { target, waitingFor, round: g.round };
    if (waitingFor.size === 0) this.complete(g);
    else {
      const round = g.round;
      const timeout = Math.max(0, ...[...g.members.values()].map((m) => m.rebalanceTimeout));
      this.engine.clock.setTimeout(() => g.pending?.round === round && this.complete(g), timeout);
    }
  }

  private scheduleCompletion(g: Group): void {
    if (this.latency <= 0) return this.complete(g);
    const round = g.pending?.round;
    this.engine.clock.setTimeout(() => g.pending?.round === round && this.complete(g), this.latency);
  }

  private complete(g: Group): void {
    const p = g.pending;
    if (!p) return;
    g.pending = null;
    g.generation++;
    for (const m of g.members.values()) {
      m.owned = p.target[m.id] ?? [];
      m.generation = g.generation;
    }
  }

  private expireSilentMembers(): void {
    const now = this.engine.clock.now();
    for (const g of this.groups.values()) {
      let changed = false;
      for (const m of [...g.members.values()]) {
        if (now - m.lastSeen > m.sessionTimeout) {
          g.members.delete(m.id);
          changed = true;
        }
      }
      if (changed) this.rebalance(g);
    }
  }
}
