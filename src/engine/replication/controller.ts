// The controller's decisions, as Kafka's (KRaft) controller makes them: leader election from the
// ISR in replica order, unclean election when the topic allows it, fencing a broker that stopped
// heartbeating, moving leadership away before a clean shutdown, ISR changes requested by leaders,
// and preferred-leader election. Each new leadership is pushed to the replicas it can reach.
import type { ClusterCore } from './clusterCore';
import type { PartitionState } from './partitionState';
import { reachable } from './brokerState';
import { forgetIdleFetches, truncateReplica } from './fetcher';

/** A broker the controller counts as alive (registered and not fenced). */
function alive(core: ClusterCore, id: number): boolean {
  const b = core.broker(id);
  return b.status === 'running' && !b.fenced;
}

export function electLeader(core: ClusterCore, p: PartitionState, reason: string, exclude: number | null = null): void {
  forgetIdleFetches(core, p);
  const candidates = p.replicas.filter((r) => r !== exclude && alive(core, r));
  let leader = candidates.find((r) => p.isr.includes(r));
  let unclean = false;
  if (leader === undefined && p.settings.uncleanLeaderElection && candidates.length > 0) {
    leader = candidates[0]!;
    unclean = true;
  }
  if (leader === undefined) {
    if (p.leader !== null || reason === 'startup') {
      core.failPendingAcks(p, p.leader);
      p.leader = null;
      core.feed.push({ type: 'partition-offline', topic: p.topic, partition: p.partition, reason });
    }
    // KRaft keeps the last in-sync replica in the ISR of an offline partition.
    if (exclude !== null && p.isr.length > 1) p.isr = p.isr.filter((r) => r !== exclude);
    return;
  }
  installLeader(core, p, leader, unclean ? [leader] : p.isr.filter((r) => r !== exclude && alive(core, r)), unclean, reason);
}

export function installLeader(core: ClusterCore, p: PartitionState, leader: number, isr: number[], unclean: boolean, reason: string): void {
  forgetIdleFetches(core, p);
  if (p.leader !== null) core.failPendingAcks(p, p.leader);
  p.leader = leader;
  p.leaderEpoch += 1;
  p.isr = isr.includes(leader) ? isr : [leader, ...isr];
  const now = core.clock.now();
  p.followers = [];
  for (const r of p.replicas) {
    if (r !== leader) p.followers[r] = { leo: -1, lastFetchAt: now, lastFetchLeaderLeo: 0, lastCaughtUpAt: now };
  }
  core.feed.push({ type: 'leader-elected', topic: p.topic, partition: p.partition, leader, epoch: p.leaderEpoch, unclean, reason });
  for (const r of p.replicas) if (reachable(core.broker(r))) pushState(core, p, r);
  auditLeader(core, p);
  // A leader whose ISR is just itself can advance its high watermark at once.
  if (reachable(core.broker(leader)) || core.broker(leader).status === 'running') p.recomputeHighWatermark(leader);
}

/**
 * Counts acknowledged records the serving leader lacks as lost (and recovers any it holds after
 * all). Skipped while the leader cannot be reached: a leader that never learned of its election
 * serves nothing, and the next reachable one decides.
 */
export function auditLeader(core: ClusterCore, p: PartitionState): void {
  if (p.leader === null || !reachable(core.broker(p.leader)) || p.view(p.leader).leader !== p.leader) return;
  const { lost, recovered } = core.ledger.checkAgainstLeader(p.topic, p.partition, p.log(p.leader));
  if (lost.length > 0) core.feed.push({ type: 'records-lost', topic: p.topic, partition: p.partition, count: lost.length, offsets: lost.slice(0, 20).map((l) => l.offset) });
  if (recovered.length > 0) core.feed.push({ type: 'records-recovered', topic: p.topic, partition: p.partition, count: recovered.length, offsets: recovered.slice(0, 20).map((l) => l.offset) });
}

/** LeaderAndIsr reaching broker `r`: it adopts the current leader and epoch. */
export function pushState(core: ClusterCore, p: PartitionState, r: number): void {
  forgetIdleFetches(core, p);
  const view = p.view(r);
  if (view.leader === p.leader && view.leaderEpoch === p.leaderEpoch) return;
  const wasLeader = view.leader === r;
  view.leader = p.leader;
  view.leaderEpoch = p.leaderEpoch;
  if (p.leader === r || p.leader === null) {
    view.needsTruncation = false;
    return;
  }
  if (wasLeader) core.failPendingAcks(p, r);
  if (core.config.leaderEpochTruncation) {
    view.needsTruncation = true;
  } else {
    // Before KIP-101 a new follower cut its log back to its own high watermark.
    const log = p.log(r);
    const to = log.highWatermark;
    const removed = truncateReplica(log, to);
    if (removed > 0) core.feed.push({ type: 'truncated', topic: p.topic, partition: p.partition, broker: r, to, removed, by: 'high-watermark' });
    view.needsTruncation = false;
  }
}

/** The controller stops counting broker `id` as alive: it loses leadership and ISR membership. */
export function fenceBroker(core: ClusterCore, id: number, reason: string): void {
  forgetIdleFetches(core);
  const b = core.broker(id);
  if (b.fenced) return;
  b.fenced = true;
  core.feed.push({ type: 'broker-fenced', broker: id, detail: reason });
  for (const p of core.partitionsOf(id)) {
    if (p.leader === id) electLeader(core, p, reason, id);
    else if (p.isr.includes(id) && p.isr.length > 1) {
      p.isr = p.isr.filter((r) => r !== id);
      core.feed.push({ type: 'isr-shrunk', topic: p.topic, partition: p.partition, removed: id, isr: [...p.isr] });
      if (p.leader !== null) core.afterIsrChange(p);
    }
  }
}

/** A broker (re)registers: it is told the current leaders, and offline partitions it can lead get one. */
export function unfenceBroker(core: ClusterCore, id: number): void {
  forgetIdleFetches(core);
  const b = core.broker(id);
  if (!b.fenced) return;
  b.fenced = false;
  core.feed.push({ type: 'broker-unfenced', broker: id });
  for (const p of core.partitionsOf(id)) {
    if (p.leader === null) electLeader(core, p, `broker ${id} is back`);
    else {
      pushState(core, p, id);
      // Records it acknowledged while deposed (stale clients) are judged against the leader now.
      auditLeader(core, p);
    }
  }
}

/** Clean shutdown: move every leadership away first, then leave the ISRs. */
export function controlledShutdown(core: ClusterCore, id: number): void {
  forgetIdleFetches(core);
  for (const p of core.partitionsOf(id)) {
    if (p.leader === id) electLeader(core, p, `controlled shutdown of broker ${id}`, id);
  }
}

/** A leader asks to drop followers that fell behind (AlterPartition); needs the controller. */
export function shrinkIsr(core: ClusterCore, p: PartitionState, leader: number, out: readonly number[]): void {
  forgetIdleFetches(core, p);
  if (!reachable(core.broker(leader)) || p.leader !== leader || p.view(leader).leaderEpoch !== p.leaderEpoch) return;
  for (const r of out) {
    if (!p.isr.includes(r)) continue;
    p.isr = p.isr.filter((x) => x !== r);
    core.feed.push({ type: 'isr-shrunk', topic: p.topic, partition: p.partition, removed: r, isr: [...p.isr] });
  }
  core.afterIsrChange(p);
}

export function expandIsr(core: ClusterCore, p: PartitionState, leader: number, follower: number): void {
  forgetIdleFetches(core, p);
  if (!reachable(core.broker(leader)) || p.leader !== leader || !alive(core, follower) || p.isr.includes(follower)) return;
  p.isr = [...p.isr, follower].sort((a, b) => p.replicas.indexOf(a) - p.replicas.indexOf(b));
  core.feed.push({ type: 'isr-expanded', topic: p.topic, partition: p.partition, added: follower, isr: [...p.isr] });
}

/** Moves leadership back to each partition's first replica when it is alive and in sync. */
export function electPreferredLeaders(core: ClusterCore, only?: (p: PartitionState) => boolean): number {
  let moved = 0;
  for (const p of core.allPartitions()) {
    if (only && !only(p)) continue;
    const pref = p.preferredLeader;
    if (p.leader === pref || !alive(core, pref) || !p.isr.includes(pref) || !reachable(core.broker(pref))) continue;
    installLeader(core, p, pref, p.isr, false, 'preferred leader election');
    moved++;
  }
  return moved;
}

/** auto.leader.rebalance.enable: a broker whose preferred partitions are >10% led elsewhere gets them back. */
export function autoRebalanceLeaders(core: ClusterCore): void {
  for (const b of core.brokerIds()) {
    const preferred = core.allPartitions().filter((p) => p.preferredLeader === b);
    if (preferred.length === 0) continue;
    const notLed = preferred.filter((p) => p.leader !== b).length;
    if (notLed / preferred.length > 0.1) electPreferredLeaders(core, (p) => p.preferredLeader === b);
  }
}
