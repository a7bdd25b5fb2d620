// A simulated consumer application in a group, doing what the Java consumer does on its poll
// loop and heartbeat thread: heartbeats every heartbeat.interval.ms (and learns of a rebalance
// from them), leaves when poll() has not been called for max.poll.interval.ms, fetches from its
// partitions up to max.poll.records, and commits by its commit mode. Eager members revoke every
// partition (committing first when auto-commit is on) before rejoining; cooperative members keep
// theirs and revoke only what the new assignment moves. Records whose handling the application
// finishes later are committed only once handled (at-least-once), and work queued for a partition
// the member no longer holds is told not to run.
import { parseTpKey, tpKey, type TopicPartitionTuple } from '../assignors';
import type { GroupCoordinator } from './groupCoordinator';
import type { DeliveryLease, FetchResult, GroupsContext } from './groupsContext';
import { InHandling } from './inHandling';
import { MemberLifecycle } from './memberLifecycle';
import type { ResolvedMemberOptions } from './types';

export class ConsumerMember {
  readonly lifecycle: MemberLifecycle;
  topics: string[];
  generation = -1;
  /** What the last SyncGroup gave (the eager sticky assignor's userData). */
  lastAssignment: TopicPartitionTuple[] = [];
  /**
   * Owned partitions → their topic, partition and next offset to read (null until resolved from
   * the committed offset): one entry per partition while owned, its position moved in place.
   */
  private readonly owned = new Map<string, OwnedPartition>();
  lastHeartbeatAt = 0;
  lastPollAt = 0;
  private lastAutoCommitAt = 0;
  private stalledUntil = 0;
  private rejoinReason: string | null = 'initial join';
  polls = 0;
  /** When each owned partition last returned records: the fetch order, least recently served first. */
  private readonly servedAt = new Map<string, number>();
  private serveSeq = 0;
  /**
   * The owned partitions in fetch order (servedAt ascending, ties in ownership order), kept
   * between polls: a poll moves the partitions it was served by to the end, as sorting again
   * would; a change of the owned set sorts afresh.
   */
  private fetchOrder: string[] = [];
  private fetchOrderStale = true;
  /** A poll waiting for storage holds the fetch order: the next change makes a new array. */
  private fetchOrderShared = false;
  /** Partitions served by the poll in progress, in serving order. */
  private servedThisPoll: string[] = [];
  /** Per owned partition, the lease of its current tenure (handed with every record of it). */
  private readonly leases = new Map<string, TenureLease>();
  delivered = 0;
  lastError: string | null = null;
  private readonly handling = new InHandling();
  /** Records of the current poll whose handling finishes later. */
  private handedOff = 0;
  /** Per owned partition, which tenure of it this is: a lease from an earlier one is stale. */
  private readonly tenure = new Map<string, number>();
  private tenureSeq = 0;

  constructor(
    readonly id: string,
    readonly opts: ResolvedMemberOptions,
    readonly group: GroupCoordinator,
    private readonly ctx: GroupsContext,
  ) {
    this.lifecycle = new MemberLifecycle(id);
    this.topics = [...opts.topics];
    const now = ctx.clock.now();
    this.lastHeartbeatAt = now;
    this.lastPollAt = now;
    this.lastAutoCommitAt = now;
  }

  ownedKeys(): string[] {
    return [...this.owned.keys()];
  }

  owns(k: string): boolean {
    return this.owned.has(k);
  }

  /** Partitions the application paused (kafkajs pause/resume): not fetched until resumed. */
  readonly paused = new Set<string>();

  /** The application's seek: the next fetch of the partition starts at `offset`; records in handling lapse. */
  seek(k: string, offset: number): void {
    if (!this.owned.has(k)) return;
    this.setOwned(k, offset);
    this.handling.drop(k);
    this.tenure.set(k, ++this.tenureSeq);
  }

  /** The first record of a partition still in handling, or its position when none is. */
  firstUnhandled(k: string): number | null {
    return this.handling.firstUnhandled(k) ?? this.owned.get(k)?.position ?? null;
  }

  /** The position (next offset to read) of each owned partition, once resolved. */
  positions_(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [k, o] of this.owned) if (o.position !== null) out.set(k, o.position);
    return out;
  }

  /** An explicit commit (kafkajs commitOffsets): false when the coordinator rejected it. */
  commitOffsets(offsets: ReadonlyMap<string, number>): boolean {
    if (!this.alive || offsets.size === 0) return offsets.size === 0;
    return this.group.commit(this, this.generation, offsets);
  }

  ownedTuples(): TopicPartitionTuple[] {
    return this.ownedKeys().map(parseTpKey);
  }

  get alive(): boolean {
    return !this.lifecycle.is('crashed');
  }

  // ---- heartbeat thread ----------------------------------------------------------------

  heartbeat(): void {
    if (!this.alive || this.lifecycle.is('left', 'unjoined')) return;
    const now = this.ctx.clock.now();
    if (now - this.lastPollAt > this.opts.maxPollIntervalMs) {
      // The heartbeat thread leaves the group on the application's behalf; nothing is committed.
      this.dropPartitions(false);
      this.lifecycle.to('left');
      this.rejoinReason = 'poll() called again after max.poll.interval.ms';
      this.group.remove(this, 'member-left', 'max.poll.interval.ms exceeded');
      return;
    }
    if (!this.group.members.has(this.id)) {
      // UNKNOWN_MEMBER_ID: partitions are lost (not revoked: no commit), rejoin as a new member.
      this.dropPartitions(false);
      this.lifecycle.to('unjoined');
      this.rejoinReason = 'removed from the group';
      return;
    }
    this.lastHeartbeatAt = now;
    if (this.group.phase === 'PreparingRebalance' && !this.group.hasJoined(this.id)) this.rejoin('rebalance in progress');
  }

  /** onJoinPrepare + JoinGroup. */
  private rejoin(reason: string): void {
    if (this.group.protocol === 'eager') this.dropPartitions(true);
    this.lifecycle.to('joining');
    this.lastHeartbeatAt = this.ctx.clock.now();
    this.group.join(this, reason);
  }

  /** Revokes (committing first under auto-commit) or loses every owned partition. */
  private dropPartitions(commitFirst: boolean): void {
    if (this.owned.size === 0) return;
    if (commitFirst && this.opts.commitMode === 'auto') this.commitNow([...this.owned.keys()]);
    const keys = [...this.owned.keys()];
    for (const k of keys) {
      this.group.released(k);
      this.forget(k);
    }
    this.clearOwned();
    this.ctx.feed.push({ type: 'partitions-revoked', group: this.group.id, member: this.id, partitions: keys.map(label) });
  }

  /** SyncGroup answer. Returns true when a cooperative member revoked partitions and must rejoin. */
  onAssignment(list: readonly TopicPartitionTuple[], generation: number): boolean {
    if (!this.alive) return false;
    this.lifecycle.to('stable');
    this.generation = generation;
    this.lastAssignment = [...list];
    const target = new Set(list.map(([t, p]) => tpKey(t, p)));
    const revoked = [...this.owned.keys()].filter((k) => !target.has(k));
    if (revoked.length > 0) {
      if (this.opts.commitMode === 'auto') this.commitNow(revoked);
      for (const k of revoked) {
        this.deleteOwned(k);
        this.group.released(k);
        this.forget(k);
      }
      this.ctx.feed.push({ type: 'partitions-revoked', group: this.group.id, member: this.id, partitions: revoked.map(label) });
    }
    const added = [...target].filter((k) => !this.owned.has(k));
    for (const k of added) {
      this.setOwned(k, null);
      this.tenure.set(k, ++this.tenureSeq);
      this.group.taken(k);
    }
    if (added.length > 0) this.ctx.feed.push({ type: 'partitions-assigned', group: this.group.id, member: this.id, partitions: added.map(label) });
    if (revoked.length > 0 && this.group.protocol === 'cooperative') {
      this.lifecycle.to('joining');
      this.group.join(this, 'cooperative follow-up');
      return true;
    }
    return false;
  }

  /**
   * Every change of the owned map goes through these three: a partition joining or leaving it
   * changes the fetch order, and the groups learn who owns what (new data wakes its owners).
   */
  private setOwned(k: string, position: number | null): void {
    const o = this.owned.get(k);
    if (o) {
      o.position = position;
      return;
    }
    this.fetchOrderStale = true;
    this.ctx.ownership?.(this, k, true);
    const [topic, partition] = this.tp(k);
    this.owned.set(k, { topic, partition, position });
  }

  private deleteOwned(k: string): void {
    if (!this.owned.delete(k)) return;
    this.fetchOrderStale = true;
    this.ctx.ownership?.(this, k, false);
  }

  private clearOwned(): void {
    for (const k of this.owned.keys()) this.ctx.ownership?.(this, k, false);
    this.owned.clear();
    this.fetchOrderStale = true;
  }

  /** The current tenure of a partition (undefined when not owned). */
  tenureOf(k: string): number | undefined {
    return this.tenure.get(k);
  }

  onRemoved(): void {
    this.generation = -1;
  }

  /** The partition is no longer this member's: records in handling are forgotten, leases lapse. */
  private forget(k: string): void {
    this.handling.drop(k);
    this.tenure.delete(k);
    this.leases.delete(k);
  }

  /** Records handed to the application and not handled yet. */
  get inHandling(): number {
    return this.handling.size;
  }

  // ---- application poll loop -----------------------------------------------------------

  /** One poll(); returns how long until the next one (later, when a fetch waits for storage). */
  poll(): number | Promise<number> {
    const now = this.ctx.clock.now();
    if (!this.alive || this.isClosed()) return -1;
    if (now < this.stalledUntil) return this.stalledUntil - now;
    // The application is still handling a full poll's worth of records: poll() is not called yet.
    const budget = this.opts.maxPollRecords - this.handling.size;
    if (budget <= 0 && this.lifecycle.is('stable')) return Math.max(1, this.opts.processingMsPerRecord);
    this.lastPollAt = now;
    this.polls++;
    if (this.lifecycle.is('left', 'unjoined')) {
      if (this.lifecycle.is('left')) this.lifecycle.to('unjoined');
      this.rejoin(this.rejoinReason ?? 'rejoin');
      this.rejoinReason = null;
      return this.opts.pollIntervalMs;
    }
    if (!this.lifecycle.is('stable')) return this.opts.pollIntervalMs;
    if (this.group.leaderId === this.id) {
      const change = this.group.metadataChange();
      if (change) {
        this.rejoin(change);
        return this.opts.pollIntervalMs;
      }
    }
    this.handedOff = 0;
    return this.fetchFrom(this.orderOfFetches(), 0, budget, 0, now);
  }

  /** Fetches the unpaused partitions of order[i..] until the budget is spent; goes async only when a fetch does. */
  private fetchFrom(order: readonly string[], i: number, budget: number, fetched: number, now: number): number | Promise<number> {
    for (; i < order.length; i++) {
      if (fetched >= budget) break;
      const k = order[i]!;
      if (this.paused.size > 0 && this.paused.has(k)) continue;
      const got = this.fetchPartition(k, budget - fetched);
      if (typeof got !== 'number') {
        this.fetchOrderShared = true;
        const next = i + 1;
        return got.then((n) => this.fetchFrom(order, next, budget, fetched + n, now));
      }
      fetched += got;
    }
    return this.finishPoll(now, fetched);
  }

  private finishPoll(now: number, fetched: number): number {
    this.delivered += fetched;
    this.afterBatch(now, fetched);
    if (fetched === 0) return this.opts.pollIntervalMs;
    // Records handled in the poll loop itself take processingMsPerRecord each before the next
    // poll; records whose handling finishes later take the time their handling really takes.
    const inLoop = fetched - this.handedOff;
    return Math.max(1, inLoop * this.opts.processingMsPerRecord);
  }

  /**
   * The owned partitions by servedAt, least recently served first (ties in ownership order):
   * the last order with the partitions served since moved to its end in serving order, which is
   * what sorting again gives, or sorted afresh when the owned set changed. Rearranged in place,
   * except after a poll that waited for storage (it may still walk the array it started with).
   */
  private orderOfFetches(): readonly string[] {
    const served = this.servedThisPoll;
    if (!this.fetchOrderStale) {
      if (served.length === 0) return this.fetchOrder;
      // In place, unless a poll that waited for storage may still be walking the array.
      const old = this.fetchOrder;
      const n = old.length;
      const order = this.fetchOrderShared ? [] : old;
      this.fetchOrderShared = false;
      let w = 0;
      for (let r = 0; r < n; r++) if (!served.includes(old[r]!)) order[w++] = old[r]!;
      // A partition served twice since counts once, at its last serving.
      for (let i = 0; i < served.length; i++) {
        const k = served[i]!;
        if (served.indexOf(k, i + 1) < 0) order[w++] = k;
      }
      served.length = 0;
      // Every served partition was in the order (the owned set has not changed): same length.
      if (w === n) return (this.fetchOrder = order);
    }
    served.length = 0;
    this.fetchOrderShared = false;
    this.fetchOrderStale = false;
    return (this.fetchOrder = [...this.owned.keys()].sort((x, y) => (this.servedAt.get(x) ?? 0) - (this.servedAt.get(y) ?? 0)));
  }

  /** Topic and partition of an owned partition's key, parsed once (every poll fetches each). */
  private tp(k: string): TopicPartitionTuple {
    let t = this.parsed.get(k);
    if (!t) this.parsed.set(k, (t = parseTpKey(k)));
    return t;
  }
  private readonly parsed = new Map<string, TopicPartitionTuple>();

  private fetchFailed(k: string, topic: string, partition: number, e: unknown): number {
    const code = (e as { code?: string }).code;
    this.lastError = code ?? String(e);
    if (code === 'OFFSET_OUT_OF_RANGE') this.setOwned(k, this.reset(topic, partition));
    return 0;
  }

  private fetchPartition(k: string, max: number): number | Promise<number> {
    // An owned partition's entry has its topic and partition; one no longer owned (given up by
    // a handler during this poll) is parsed from its key.
    const o = this.owned.get(k);
    const tp = o ? null : this.tp(k);
    const topic = o ? o.topic : tp![0];
    const partition = o ? o.partition : tp![1];
    let position = o ? o.position : null;
    if (position === null) {
      position = this.resolvePosition(topic, partition, k);
      if (position === null) return 0;
      this.setOwned(k, position);
    }
    let answer: FetchResult | Promise<FetchResult>;
    try {
      answer = this.ctx.fetch(topic, partition, position, max);
    } catch (e) {
      return this.fetchFailed(k, topic, partition, e);
    }
    if (!(answer instanceof Promise) && answer.records.length === 0) return 0;
    const from = position;
    const tenure = this.tenure.get(k);
    if (answer instanceof Promise) {
      // Answered later (storage): delivered only if the partition is still ours, unmoved.
      return answer.then(
        (a) => (this.tenure.get(k) === tenure && this.owned.get(k)?.position === from && this.alive ? this.deliverAll(k, topic, partition, from, tenure, a) : 0),
        (e: unknown) => this.fetchFailed(k, topic, partition, e),
      );
    }
    return this.deliverAll(k, topic, partition, from, tenure, answer);
  }

  /** The lease records of this tenure of the partition carry: one per tenure, not one per fetch. */
  private leaseOf(k: string, tenure: number | undefined): DeliveryLease {
    const l = this.leases.get(k);
    if (l && l.tenure === tenure) return l;
    const made = new TenureLease(this, k, tenure);
    this.leases.set(k, made);
    return made;
  }

  private deliverAll(k: string, topic: string, partition: number, from: number, tenure: number | undefined, answer: FetchResult): number {
    const lease = this.leaseOf(k, tenure);
    let position = from;
    const records = answer.records;
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      // A compacted log has gaps: the record's own offset, when it has one, moves the position.
      const offset = r.offset ?? position;
      position = offset + 1;
      const pending = this.group.deliver(this, k, topic, partition, offset, r, lease);
      if (!pending) continue;
      this.handedOff++;
      this.handling.add(k, offset);
      const handled = () => {
        if (this.tenure.get(k) === tenure) this.handling.finish(k, offset);
      };
      pending.then(handled, handled);
    }
    // Like the Java consumer's fetcher (SubscriptionState.movePartitionToEnd), a partition that
    // returned records goes to the back of the fetch order, so with max.poll.records smaller
    // than the backlog every owned partition gets its turn instead of the first few forever.
    if (answer.records.length > 0) {
      this.servedAt.set(k, ++this.serveSeq);
      this.servedThisPoll.push(k);
    }
    const o = this.owned.get(k);
    if (o && this.tenure.get(k) === tenure) o.position = position;
    return answer.records.length;
  }

  /** Committed offset, else auto.offset.reset. */
  private resolvePosition(topic: string, partition: number, k: string): number | null {
    const committed = this.group.committed.get(k);
    if (committed !== undefined) return committed;
    return this.reset(topic, partition);
  }

  private reset(topic: string, partition: number): number | null {
    const o = this.ctx.offsets(topic, partition);
    if (!o) return null;
    switch (this.opts.offsetResetFor?.(topic) ?? this.opts.autoOffsetReset) {
      case 'earliest':
        return o.low;
      case 'latest':
        return o.high;
      case 'none':
        this.lastError = 'NO_OFFSET_FOR_PARTITION';
        return null;
    }
  }

  private afterBatch(now: number, fetched: number): void {
    switch (this.opts.commitMode) {
      case 'auto':
        if (now - this.lastAutoCommitAt >= this.opts.autoCommitIntervalMs) {
          this.lastAutoCommitAt = now;
          this.commitNow([...this.owned.keys()]);
        }
        return;
      case 'sync':
        if (fetched > 0) this.commitSync();
        return;
      case 'async':
        if (fetched > 0) this.commitAsync();
        return;
      case 'manual':
        return;
    }
  }

  /** What a commit may cover: up to the first record still in handling, else the position. */
  private positions(keys: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const k of keys) {
      const p = this.owned.get(k)?.position;
      if (p !== undefined && p !== null) out.set(k, this.handling.firstUnhandled(k) ?? p);
    }
    return out;
  }

  private commitNow(keys: readonly string[]): boolean {
    const offsets = this.positions(keys);
    if (offsets.size === 0) return true;
    return this.group.commit(this, this.generation, offsets);
  }

  /** commitSync(): the current positions, now; false when the coordinator rejected it. */
  commitSync(): boolean {
    if (!this.alive) return false;
    return this.commitNow([...this.owned.keys()]);
  }

  /** commitAsync(): sent now, applied after the network delay, not retried if rejected. */
  commitAsync(): void {
    if (!this.alive) return;
    const offsets = this.positions([...this.owned.keys()]);
    const generation = this.generation;
    this.ctx.clock.setTimeout(() => this.alive && this.group.commit(this, generation, offsets), this.ctx.options.asyncCommitDelayMs);
  }

  // ---- faults and application actions -----------------------------------------------------

  crash(): void {
    if (!this.alive) return;
    this.lifecycle.to('crashed');
  }

  stall(ms: number): void {
    this.stalledUntil = Math.max(this.stalledUntil, this.ctx.clock.now() + ms);
  }

  /** close(): auto-commit, revoke, LeaveGroup — except a static member, which stays until its session expires (KIP-345). */
  leave(): void {
    if (!this.alive || this.lifecycle.is('left')) return;
    if (this.opts.groupInstanceId) {
      if (this.opts.commitMode === 'auto') this.commitNow([...this.owned.keys()]);
      for (const k of this.owned.keys()) {
        this.group.released(k);
        this.forget(k);
      }
      this.clearOwned();
      this.lifecycle.to('left');
      this.rejoinReason = null;
      return;
    }
    this.dropPartitions(true);
    this.lifecycle.to('left');
    this.rejoinReason = null;
    this.group.remove(this, 'member-left', 'consumer closed');
  }

  isClosed(): boolean {
    return this.lifecycle.is('left') && this.rejoinReason === null;
  }

  subscribe(topics: readonly string[]): void {
    this.topics = [...topics];
    if (this.lifecycle.is('stable', 'joining')) this.rejoin('subscription changed');
  }
}

interface OwnedPartition {
  readonly topic: string;
  readonly partition: number;
  position: number | null;
}

/** A member's lease on one tenure of a partition: current while the member lives and holds that tenure. */
class TenureLease implements DeliveryLease {
  readonly member: string;
  constructor(
    private readonly owner: ConsumerMember,
    readonly key: string,
    readonly tenure: number | undefined,
  ) {
    this.member = owner.id;
  }

  current(): boolean {
    return this.owner.alive && this.owner.tenureOf(this.key) === this.tenure;
  }
}

function label(k: string): string {
  const [t, p] = parseTpKey(k);
  return `${t}-${p}`;
}
