// One consumer group's coordinator, as Kafka's GroupCoordinator runs it: members join; a join,
// leave, expiry or subscription change moves the group to PreparingRebalance; once every member
// has rejoined (or the rebalance timeout removed the laggards) the generation advances, the
// leader's assignor computes the assignment and SyncGroup hands it out. With the cooperative
// protocol the first round withholds partitions still owned elsewhere; their owners revoke them
// and rejoin, and a second round hands them over. Committed offsets are checked against the
// generation, so a removed member's late commit fails and its partitions are consumed again.
import { assignPartitions, cooperativeFirstRound, stickyAssign, tpKey, type Assignment, type AssignorName, type TopicPartitionTuple } from '../assignors';
import type { DeliveryLease, FetchedRecord, GroupsContext } from './groupsContext';
import type { ConsumerMember } from './consumerMember';
import { LagSeries } from './lagSeries';
import { PauseTracker } from './pauseTracker';

export type GroupPhase = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable';

interface Delivered {
  upTo: number;
  maxId: number;
}

export class GroupCoordinator {
  phase: GroupPhase = 'Empty';
  generation = 0;
  leaderId: string | null = null;
  readonly members = new Map<string, ConsumerMember>();
  private readonly joined = new Set<string>();
  readonly committed = new Map<string, number>();
  readonly pauses = new PauseTracker();
  readonly lag: LagSeries;
  private readonly delivered = new Map<string, Delivered>();
  private round = 0;
  private initialDelayUntil = 0;
  /** Partition counts of subscribed topics when the last assignment was made. */
  private countsAtAssignment = new Map<string, number>();
  failedCommits = 0;
  private syncing = false;

  constructor(
    readonly id: string,
    private readonly ctx: GroupsContext,
  ) {
    this.lag = new LagSeries(ctx.options.lagSamplesKept);
  }

  get protocol(): 'eager' | 'cooperative' {
    const ms = [...this.members.values()];
    return ms.length > 0 && ms.every((m) => m.opts.assignor === 'cooperative-sticky') ? 'cooperative' : 'eager';
  }

  get assignor(): AssignorName {
    return [...this.members.values()][0]?.opts.assignor ?? 'range';
  }

  subscribedTopics(): string[] {
    return [...new Set([...this.members.values()].flatMap((m) => m.topics))].sort();
  }

  hasJoined(memberId: string): boolean {
    return this.joined.has(memberId);
  }

  join(member: ConsumerMember, reason: string): void {
    if (!this.members.has(member.id) && this.replaceStatic(member)) return;
    if (!this.members.has(member.id)) {
      this.members.set(member.id, member);
      this.ctx.feed.push({ type: 'member-joined', group: this.id, member: member.id });
      this.ctx.scheduleExpiry(this, member);
    }
    this.joined.add(member.id);
    if (this.phase === 'CompletingRebalance' && !this.syncing) this.phase = 'PreparingRebalance';
    if (this.phase !== 'PreparingRebalance') this.startRebalance(reason);
    this.maybeCompleteJoin();
  }

  /**
   * Static membership (KIP-345): a member rejoining with a known group.instance.id takes the old
   * member's place and assignment without a rebalance, if its subscription is unchanged.
   */
  private replaceStatic(member: ConsumerMember): boolean {
    const instance = member.opts.groupInstanceId;
    if (!instance) return false;
    const old = [...this.members.values()].find((m) => m.opts.groupInstanceId === instance);
    if (!old) return false;
    const sameTopics = old.topics.length === member.topics.length && old.topics.every((t) => member.topics.includes(t));
    this.members.delete(old.id);
    this.joined.delete(old.id);
    old.onRemoved();
    this.members.set(member.id, member);
    if (this.leaderId === old.id) this.leaderId = member.id;
    this.ctx.feed.push({ type: 'member-joined', group: this.id, member: member.id, reason: `static member ${instance} replaced ${old.id}` });
    this.ctx.scheduleExpiry(this, member);
    if (this.phase === 'Stable' && sameTopics) {
      member.onAssignment(old.lastAssignment, this.generation);
      return true;
    }
    this.joined.add(member.id);
    if (this.phase !== 'PreparingRebalance') this.startRebalance(`static member ${instance} changed its subscription`);
    this.maybeCompleteJoin();
    return true;
  }

  startRebalance(reason: string): void {
    if (this.phase === 'PreparingRebalance') return;
    const now = this.ctx.clock.now();
    const wasEmpty = this.phase === 'Empty';
    this.phase = 'PreparingRebalance';
    const round = ++this.round;
    this.pauses.begin(now, reason, this.protocol);
    this.ctx.feed.push({ type: 'rebalance-started', group: this.id, generation: this.generation, protocol: this.protocol, reason });
    this.initialDelayUntil = wasEmpty ? now + this.ctx.options.initialRebalanceDelayMs : now;
    if (wasEmpty && this.ctx.options.initialRebalanceDelayMs > 0) {
      this.ctx.clock.setTimeout(() => round === this.round && this.maybeCompleteJoin(), this.ctx.options.initialRebalanceDelayMs);
    }
    const timeout = Math.max(0, ...[...this.members.values()].map((m) => m.opts.maxPollIntervalMs));
    this.ctx.clock.setTimeout(() => round === this.round && this.phase === 'PreparingRebalance' && this.completeJoin(), timeout);
  }

  private maybeCompleteJoin(): void {
    if (this.phase !== 'PreparingRebalance' || this.ctx.clock.now() < this.initialDelayUntil) return;
    for (const id of this.members.keys()) if (!this.joined.has(id)) return;
    const latency = this.ctx.options.joinSyncLatencyMs;
    if (latency <= 0) return this.completeJoin();
    // JoinGroup answers, the leader assigns, SyncGroup answers: the members wait meanwhile.
    this.phase = 'CompletingRebalance';
    const round = this.round;
    this.ctx.clock.setTimeout(() => round === this.round && this.phase === 'CompletingRebalance' && this.completeJoin(), latency);
  }

  /** Removes a member (left, expired, poll timeout, rebalance timeout); its partitions are released uncommitted. */
  remove(member: ConsumerMember, type: 'member-left' | 'member-expired', reason: string): void {
    if (!this.drop(member, type, reason)) return;
    if (this.members.size === 0) {
      this.phase = 'Empty';
      this.round++;
      this.generation++;
      this.finishEpisode();
      return;
    }
    if (this.phase === 'CompletingRebalance') this.phase = 'PreparingRebalance';
    if (this.phase === 'PreparingRebalance') this.maybeCompleteJoin();
    else this.startRebalance(reason);
  }

  private drop(member: ConsumerMember, type: 'member-left' | 'member-expired', reason: string): boolean {
    if (!this.members.delete(member.id)) return false;
    this.joined.delete(member.id);
    const now = this.ctx.clock.now();
    for (const k of member.ownedKeys()) this.pauses.released(k, now);
    member.onRemoved();
    this.ctx.feed.push({ type, group: this.id, member: member.id, reason });
    if (this.leaderId === member.id) this.leaderId = null;
    return true;
  }

  private completeJoin(): void {
    for (const m of [...this.members.values()]) if (!this.joined.has(m.id)) this.drop(m, 'member-expired', 'did not rejoin within the rebalance timeout');
    if (this.members.size === 0) {
      this.phase = 'Empty';
      this.round++;
      this.finishEpisode();
      return;
    }
    this.generation++;
    this.round++;
    if (!this.leaderId || !this.members.has(this.leaderId)) this.leaderId = [...this.joined][0] ?? null;
    this.joined.clear();
    this.syncing = true;
    const assignment = this.computeAssignment();
    // SyncGroup: every member receives its part of the leader's assignment.
    this.phase = 'Stable';
    this.syncing = false;
    if (this.pauses.current) this.pauses.current.rounds++;
    let followUp = false;
    for (const m of [...this.members.values()]) {
      if (m.onAssignment(assignment[m.id] ?? [], this.generation)) followUp = true;
    }
    if (followUp) this.startRebalance('cooperative follow-up: revoked partitions can now be assigned');
    else this.finishEpisode();
  }

  private computeAssignment(): Assignment {
    const topics: Record<string, number> = {};
    this.countsAtAssignment = new Map();
    for (const t of this.subscribedTopics()) {
      const n = this.ctx.partitionCount(t);
      if (n > 0) {
        topics[t] = n;
        this.countsAtAssignment.set(t, n);
      }
    }
    const cooperative = this.protocol === 'cooperative';
    const sticky = this.assignor === 'sticky' || this.assignor === 'cooperative-sticky';
    const members = [...this.members.values()].map((m) => ({
      id: m.id,
      topics: m.topics,
      ...(m.opts.groupInstanceId ? { groupInstanceId: m.opts.groupInstanceId } : {}),
      ...(sticky ? { owned: (cooperative ? m.ownedTuples() : m.lastAssignment) as TopicPartitionTuple[], generation: m.generation } : {}),
    }));
    if (cooperative) return cooperativeFirstRound(stickyAssign({ topics, members }));
    return assignPartitions(this.assignor, { topics, members });
  }

  private finishEpisode(): void {
    const ep = this.pauses.end(this.ctx.clock.now());
    if (ep) this.ctx.feed.push({ type: 'rebalance-finished', group: this.id, generation: this.generation, pausedMs: ep.maxPauseMs, members: this.members.size });
  }

  /** The group leader's metadata check: a reason to rejoin when a subscribed topic gained partitions. */
  metadataChange(): string | null {
    if (this.phase !== 'Stable') return null;
    for (const [t, n] of this.countsAtAssignment) {
      const now = this.ctx.partitionCount(t);
      if (now !== n) return `topic ${t} now has ${now} partitions`;
    }
    return null;
  }

  /** OffsetCommit: accepted only from a current member of the current generation. */
  commit(member: ConsumerMember, generation: number, offsets: ReadonlyMap<string, number>): boolean {
    if (!this.members.has(member.id) || generation !== this.generation) {
      this.failedCommits++;
      return false;
    }
    let changed: Map<string, number> | null = null;
    for (const [k, o] of offsets) {
      if (this.committed.get(k) === o) continue;
      this.committed.set(k, o);
      (changed ??= new Map()).set(k, o);
    }
    // Only offsets that moved are written to __consumer_offsets (auto-commit runs every poll).
    if (changed) {
      this.ctx.persistCommit?.(this.id, changed);
      member.opts.onCommit?.(changed);
    }
    this.ctx.onCommitted?.(this.id, offsets, this.ctx.clock.now());
    return true;
  }

  taken(key: string): void {
    this.pauses.taken(key, this.ctx.clock.now());
  }

  released(key: string): void {
    this.pauses.released(key, this.ctx.clock.now());
  }

  /**
   * Counts a delivery (a record at an offset this group already passed is a duplicate) and hands
   * it to the application; returns the application's pending handling, if any. `k` is the
   * partition's key (tpKey), which the member already holds.
   */
  deliver(member: ConsumerMember, k: string, topic: string, partition: number, offset: number, record: FetchedRecord, lease: DeliveryLease): PromiseLike<unknown> | void {
    const id = record.id;
    let d = this.delivered.get(k);
    if (!d) this.delivered.set(k, (d = { upTo: 0, maxId: -1 }));
    this.ctx.ledger.consumed++;
    if (offset < d.upTo && id <= d.maxId) this.ctx.ledger.recordDuplicate({ group: this.id, topic, partition, offset, id });
    if (offset + 1 > d.upTo) d.upTo = offset + 1;
    if (id > d.maxId) d.maxId = id;
    const own = member.opts.onRecord;
    return own ? own(topic, partition, offset, record, lease) : this.ctx.onDeliver?.(this.id, topic, partition, offset, id, lease, record);
  }

  /** How far the group has delivered each partition (what tells a redelivery from a first delivery). */
  deliveries(): Record<string, { upTo: number; maxId: number }> {
    return Object.fromEntries([...this.delivered].map(([k, d]) => [k, { ...d }]));
  }

  /** A restored group remembers how far it had delivered, so what it reads again counts as duplicates. */
  restoreDeliveries(state: Record<string, { upTo: number; maxId: number }>): void {
    for (const [k, d] of Object.entries(state)) this.delivered.set(k, { upTo: d.upTo, maxId: d.maxId });
  }

  sampleLag(): void {
    const lags = new Map<string, number>();
    for (const t of this.subscribedTopics()) {
      for (let p = 0; p < this.ctx.partitionCount(t); p++) {
        const o = this.ctx.offsets(t, p);
        if (!o) continue;
        const k = tpKey(t, p);
        lags.set(k, Math.max(0, o.high - (this.committed.get(k) ?? o.low)));
      }
    }
    this.lag.push(this.ctx.clock.now(), lags);
  }
}
