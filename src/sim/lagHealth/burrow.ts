// Lag health as Burrow's caching evaluator judges it (linkedin/Burrow, core/internal/evaluator):
// a partition's status from a sliding window of its group's offset commits and the partition's
// recent log-end offsets, and a group's status as its worst partition. Pure functions over plain
// data, exported from src/sim so other tools can apply the same rules (DESIGN.md "Lag health").
//
// The rules, in Burrow's order (only when the current lag is above the allowed lag):
//   STOP   the newest commit is older than the window's span (now − last > last − first), unless
//          a recent log end sat at or below the newest commit (the group was caught up lately);
//   REWIND a commit went backwards and the group has not yet committed past where it was;
//   then, only if the lag was above the allowed lag at every commit of the window:
//   STALL  every commit of the window is at the same offset;
//   WARN   the lag never went down from one commit to the next;
//   OK     otherwise.

export type PartitionLagStatus = 'OK' | 'WARN' | 'STOP' | 'STALL' | 'REWIND';
export type GroupLagStatus = 'OK' | 'WARN' | 'ERR';

/** One offset commit of a partition: the offset committed, when, and the lag it left (null: unknown). */
export interface OffsetCommit {
  offset: number;
  timestampMs: number;
  lag: number | null;
}

export interface PartitionLagInput {
  /** The window of commits, oldest first; null for an empty slot (a window not yet full). */
  commits: readonly (OffsetCommit | null)[];
  /** The partition's recent log-end offsets. */
  logEndOffsets: readonly number[];
  /** Newest log end − newest commit, floored at 0. */
  currentLag: number;
  nowMs: number;
  allowedLag?: number;
}

export interface GroupPartitionInput {
  topic: string;
  partition: number;
  commits: readonly (OffsetCommit | null)[];
  logEndOffsets: readonly number[];
  currentLag: number;
}

export interface GroupLagInput {
  partitions: readonly GroupPartitionInput[];
  nowMs: number;
  /** Slots in each partition's window (Burrow's storage `intervals`). */
  intervals?: number;
  /** A partition whose window is less complete than this is not judged (OK). */
  minimumComplete?: number;
  allowedLag?: number;
}

export interface PartitionHealth {
  topic: string;
  partition: number;
  status: PartitionLagStatus;
  /** Share of the window's slots that hold a commit (0..1). */
  complete: number;
  currentLag: number;
}

export interface GroupHealth {
  status: GroupLagStatus;
  /** Share of partitions whose window is full (0 when the group reads no partition). */
  complete: number;
  totalLag: number;
  /** The partition with the most lag (the first of equals), null without partitions. */
  maxLag: PartitionHealth | null;
  partitions: PartitionHealth[];
}

/** Burrow's status order: a higher rank is worse. */
const RANK: Record<PartitionLagStatus, number> = { OK: 1, WARN: 2, STOP: 4, STALL: 5, REWIND: 6 };
const ERR_RANK = 3;

/** The window's commits without its empty slots. */
function filled(commits: readonly (OffsetCommit | null)[]): OffsetCommit[] {
  return commits.filter((c): c is OffsetCommit => c !== null);
}

export function partitionLagStatus(input: PartitionLagInput): PartitionLagStatus {
  const commits = filled(input.commits);
  if (commits.length === 0) return 'OK';
  return judge(commits, input.logEndOffsets, input.currentLag, input.nowMs, input.allowedLag ?? 0);
}

function judge(commits: readonly OffsetCommit[], logEnds: readonly number[], currentLag: number, nowMs: number, allowedLag: number): PartitionLagStatus {
  if (currentLag <= allowedLag) return 'OK';
  if (stopped(commits, nowMs) && !recentlyCaughtUp(commits, logEnds)) return 'STOP';
  const rewind = rewindIndex(commits);
  if (rewind > 0 && !rewindRecovered(commits, rewind)) return 'REWIND';
  if (!lagAlwaysAbove(commits, allowedLag)) return 'OK';
  if (stalled(commits)) return 'STALL';
  if (lagNeverDecreased(commits)) return 'WARN';
  return 'OK';
}

/** Rule 1: a commit that left no more than the allowed lag makes the window OK. */
function lagAlwaysAbove(commits: readonly OffsetCommit[], allowedLag: number): boolean {
  return commits.every((c) => c.lag === null || c.lag > allowedLag);
}

/** Rule 2: the first commit lower than the one before it, or −1. */
function rewindIndex(commits: readonly OffsetCommit[]): number {
  for (let i = 1; i < commits.length; i++) if (commits[i]!.offset < commits[i - 1]!.offset) return i;
  return -1;
}

/** Rule 2, part 2: a later commit reached the offset committed just before the rewind. */
function rewindRecovered(commits: readonly OffsetCommit[], at: number): boolean {
  const before = commits[at - 1]!.offset;
  for (let i = at; i < commits.length; i++) if (commits[i]!.offset >= before) return true;
  return false;
}

/** Rule 3: longer since the newest commit than the window spans. */
function stopped(commits: readonly OffsetCommit[], nowMs: number): boolean {
  const first = commits[0]!.timestampMs;
  const last = commits[commits.length - 1]!.timestampMs;
  return nowMs - last > last - first;
}

/** Rule 4: every commit of the window at one offset. */
function stalled(commits: readonly OffsetCommit[]): boolean {
  for (let i = 1; i < commits.length; i++) if (commits[i]!.offset !== commits[i - 1]!.offset) return false;
  return true;
}

/** Rule 5: the lag never went down between two commits that know it. */
function lagNeverDecreased(commits: readonly OffsetCommit[]): boolean {
  let last: number | null = null;
  for (const c of commits) {
    if (c.lag === null) continue;
    if (last !== null && c.lag < last) return false;
    last = c.lag;
  }
  return true;
}

/** A recent log end at or below the newest commit: the group was caught up lately, so not stopped yet. */
function recentlyCaughtUp(commits: readonly OffsetCommit[], logEnds: readonly number[]): boolean {
  const newest = commits[commits.length - 1]!.offset;
  return logEnds.some((o) => o <= newest);
}

/** The window as Burrow's storage holds it: the newest `intervals` slots, empty ones first. */
function windowOf(commits: readonly (OffsetCommit | null)[], intervals: number): { commits: OffsetCommit[]; complete: number } {
  const recent = commits.slice(-intervals);
  const present = filled(recent);
  return { commits: present, complete: intervals > 0 ? present.length / intervals : 0 };
}

export function groupLagStatus(input: GroupLagInput): GroupHealth {
  const intervals = input.intervals ?? 10;
  const minimumComplete = input.minimumComplete ?? 0;
  const allowedLag = input.allowedLag ?? 0;
  let rank = RANK.OK;
  let totalLag = 0;
  let completePartitions = 0;
  let maxLag: PartitionHealth | null = null;
  const partitions: PartitionHealth[] = input.partitions.map((p) => {
    const w = windowOf(p.commits, intervals);
    const status = w.commits.length > 0 && w.complete >= minimumComplete ? judge(w.commits, p.logEndOffsets, p.currentLag, input.nowMs, allowedLag) : 'OK';
    const health: PartitionHealth = { topic: p.topic, partition: p.partition, status, complete: w.complete, currentLag: p.currentLag };
    if (RANK[status] > rank) rank = Math.min(RANK[status], ERR_RANK);
    if (maxLag === null || p.currentLag > maxLag.currentLag) maxLag = health;
    if (w.complete === 1) completePartitions++;
    totalLag += p.currentLag;
    return health;
  });
  const status: GroupLagStatus = rank >= ERR_RANK ? 'ERR' : rank === RANK.WARN ? 'WARN' : 'OK';
  return { status, complete: partitions.length > 0 ? completePartitions / partitions.length : 0, totalLag, maxLag, partitions };
}
