// Follower replication, as Kafka's ReplicaFetcher does it: each follower broker periodically
// fetches, for every partition it follows, from its log end offset. The leader learns the
// follower's position from the fetch offset (so the high watermark trails by one round), updates
// "caught up" times for the ISR, may add the follower back to the ISR, and returns its records
// and high watermark. Before fetching, a new follower reconciles its log with the leader: by
// leader epoch (KIP-101) or, in the pre-0.11 mode, by its high watermark and out-of-range resets.
import type { ClusterCore } from './clusterCore';
import { expandIsr } from './controller';
import type { PartitionState, ReplicaView } from './partitionState';
import { reachable } from './brokerState';
import type { PartitionLog } from '../log/partitionLog';
import { advanceLogStart } from '../log/retention';
import { residentBatches } from './records';

/** Truncates a replica; returns how many records it removed. */
export function truncateReplica(log: PartitionLog, to: number): number {
  const before = log.logEndOffset;
  return before - log.truncate(to);
}

export function followerFetch(core: ClusterCore, brokerId: number): void {
  const me = core.broker(brokerId);
  if (!reachable(me)) return;
  const bit = 1 << brokerId;
  const now = core.clock.now();
  for (const p of core.partitionsOf(brokerId)) {
    // Nothing changed since its last fetch found nothing to do: the same fetch again, which
    // only tells the leader this follower is still caught up (most partitions, most rounds).
    if ((p.idleFollowers & bit) !== 0) {
      const progress = p.followers[brokerId]!;
      progress.lastCaughtUpAt = now;
      progress.lastFetchAt = now;
    } else fetchIfFollowing(core, p, brokerId);
  }
}

/** Something the fetches' checks look at changed (leadership, ISR, views, a broker's state): every follower fetches in full again. */
export function forgetIdleFetches(core: ClusterCore, p?: PartitionState): void {
  if (p) p.idleFollowers = 0;
  else for (const q of core.allPartitions()) q.idleFollowers = 0;
}

/** One follower's fetch of one partition, when it follows a reachable leader in its epoch; true when records were copied. */
export function fetchIfFollowing(core: ClusterCore, p: PartitionState, brokerId: number): boolean {
  if (!reachable(core.broker(brokerId))) return false;
  const view = p.view(brokerId);
  const leaderId = view.leader;
  if (leaderId === null || leaderId === brokerId) return false;
  if (!reachable(core.broker(leaderId))) return false;
  const leaderView = p.view(leaderId);
  // A fetch in another epoch is refused (FENCED_LEADER_EPOCH / UNKNOWN_LEADER_EPOCH).
  if (leaderView.leader !== leaderId || leaderView.leaderEpoch !== view.leaderEpoch) return false;
  return fetchOne(core, p, brokerId, leaderId, view);
}

function fetchOne(core: ClusterCore, p: PartitionState, followerId: number, leaderId: number, view: ReplicaView): boolean {
  const log = p.log(followerId);
  const leaderLog = p.log(leaderId);
  if (!view.needsTruncation && idleFetch(core, p, followerId, leaderId, log, leaderLog)) return false;
  if (view.needsTruncation) {
    reconcileByEpoch(core, p, followerId, leaderId);
    view.needsTruncation = false;
  }
  let fetchOffset = log.logEndOffset;
  if (fetchOffset < leaderLog.logStartOffset) {
    // OffsetOutOfRange below the leader's log start: retention deleted what this follower still
    // needed; as Kafka's fetcher does, it empties its log and starts at the leader's log start.
    const removed = fetchOffset - log.logStartOffset;
    log.truncateFullyAndStartAt(leaderLog.logStartOffset);
    core.feed.push({ type: 'truncated', topic: p.topic, partition: p.partition, broker: followerId, to: leaderLog.logStartOffset, removed, by: 'offset-out-of-range' });
    fetchOffset = log.logEndOffset;
  } else if (fetchOffset > leaderLog.logEndOffset) {
    // OffsetOutOfRange: the follower is ahead of its leader; it cuts back to the leader's end.
    const removed = truncateReplica(log, leaderLog.logEndOffset);
    core.feed.push({ type: 'truncated', topic: p.topic, partition: p.partition, broker: followerId, to: leaderLog.logEndOffset, removed, by: 'offset-out-of-range' });
    fetchOffset = log.logEndOffset;
  }
  const now = core.clock.now();
  const progress = p.followers[followerId];
  if (progress && p.leader === leaderId) {
    const leaderLeo = leaderLog.logEndOffset;
    if (fetchOffset >= leaderLeo) progress.lastCaughtUpAt = now;
    else if (fetchOffset >= progress.lastFetchLeaderLeo) progress.lastCaughtUpAt = Math.max(progress.lastCaughtUpAt, progress.lastFetchAt);
    progress.leo = fetchOffset;
    progress.lastFetchAt = now;
    progress.lastFetchLeaderLeo = leaderLeo;
    if (!p.isr.includes(followerId) && fetchOffset >= leaderLog.highWatermark && fetchOffset >= leaderEpochStart(p, leaderId)) {
      expandIsr(core, p, leaderId, followerId);
    }
    if (p.recomputeHighWatermark(leaderId)) core.completeAcks(p);
  }
  // The leader's batches, whole, sharing their bytes (replica.fetch.max.bytes as a record count),
  // and its chunk objects too when neither log ever changes a chunk.
  let copied = 0;
  if (fetchOffset < leaderLog.logEndOffset) {
    const chunks = log.chunksFixed && leaderLog.chunksFixed ? [] : undefined;
    copied = log.appendReplica(residentBatches(leaderLog, fetchOffset, core.config.replicaFetchMaxRecords, chunks), chunks);
  }
  // A follower that got records sends its next fetch at once: it tells the leader its new end.
  if (copied > 0) core.wakeFollower(p, followerId);
  const hw = Math.min(leaderLog.highWatermark, log.logEndOffset);
  // A follower's high watermark is no consumer's, unless the controller made it the leader (or
  // none: readers then stay with the last one).
  if (hw > log.highWatermark) log.setHighWatermark(hw, p.leader === null || p.leader === followerId);
  // The fetch answer carries the leader's log start; the follower deletes below it too.
  if (leaderLog.logStartOffset > log.logStartOffset) {
    advanceLogStart(log, leaderLog.logStartOffset);
    core.forgetDeleted(p);
  }
  return copied > 0;
}

/**
 * The fetch of an in-sync follower that already has everything, high watermark and log start
 * included: most fetches between appends. It changes nothing but the leader's record of when the
 * follower was last caught up, which is all this sets; the general path would come to the same.
 */
function idleFetch(core: ClusterCore, p: PartitionState, followerId: number, leaderId: number, log: PartitionLog, leaderLog: PartitionLog): boolean {
  const leo = leaderLog.logEndOffset;
  if (log.logEndOffset !== leo || leaderLog.highWatermark !== leo || log.highWatermark !== leo || leaderLog.logStartOffset > log.logStartOffset) return false;
  if (p.leader !== leaderId) return false;
  const progress = p.followers[followerId];
  if (!progress || !p.isr.includes(followerId)) return false;
  const now = core.clock.now();
  progress.leo = leo;
  progress.lastCaughtUpAt = now;
  progress.lastFetchAt = now;
  progress.lastFetchLeaderLeo = leo;
  p.idleFollowers |= 1 << followerId;
  return true;
}

function leaderEpochStart(p: PartitionState, leaderId: number): number {
  const log = p.log(leaderId);
  return log.epochs.endOffsetFor(p.leaderEpoch - 1, log.logEndOffset).endOffset;
}

/** KIP-101 / KIP-279: ask the leader where our latest epoch ends and truncate to the common prefix. */
function reconcileByEpoch(core: ClusterCore, p: PartitionState, followerId: number, leaderId: number): void {
  const log = p.log(followerId);
  const leaderLog = p.log(leaderId);
  const mine = log.epochs.latestEpoch();
  if (mine < 0) return;
  const answer = leaderLog.epochs.endOffsetFor(mine, leaderLog.logEndOffset);
  let to: number;
  if (answer.epoch < 0) to = Math.min(log.highWatermark, log.logEndOffset);
  else if (answer.epoch === mine) to = Math.min(answer.endOffset, log.logEndOffset);
  else to = Math.min(answer.endOffset, log.epochs.endOffsetFor(answer.epoch, log.logEndOffset).endOffset);
  const removed = truncateReplica(log, to);
  if (removed > 0) core.feed.push({ type: 'truncated', topic: p.topic, partition: p.partition, broker: followerId, to, removed, by: 'leader-epoch' });
}
