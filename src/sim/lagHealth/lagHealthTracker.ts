// Lag health of a running board: feeds Burrow's evaluator from the simulation's own offset
// commits (every accepted OffsetCommit, moved or not) and the partitions' high watermarks,
// judges every group at each sample, estimates the time to clear each group's lag, and keeps
// each group's lag and health over the whole run in bounded memory.
import type { GroupLagStatus, PartitionLagStatus } from './burrow';
import { CommitWindows, LOG_END_REFRESH_MS, type PartitionRef } from './commitWindows';
import { estimateClearMs, lagTrend, SmoothedRate, type LagTrend } from './clearTime';
import { RunHistory } from './runHistory';

/** One group's lag health as the dock shows it. */
export interface LagHealthView {
  status: GroupLagStatus;
  /** Share of the group's partitions whose window of commits is full. */
  complete: number;
  totalLag: number;
  /** "topic-partition" → Burrow status, for every partition the group reads. */
  partitions: Record<string, PartitionLagStatus>;
  /** The partition with the most lag. */
  worst: { topic: string; partition: number; status: PartitionLagStatus; currentLag: number } | null;
  /**
   * The ERR partition (STOP, STALL or REWIND) with the most lag among those judged on two or more
   * commits; null when there is none. Burrow's rules call a window of one commit STOP or STALL
   * as soon as time moves on (now − last > last − first = 0; every commit at one offset), which
   * every group is between its first and second auto-commit: the board takes a stall as real only
   * from this partition.
   */
  settledError: { topic: string; partition: number; status: PartitionLagStatus; currentLag: number } | null;
  consumedPerSec: number;
  producedPerSec: number;
  /** Which way the lag goes at these rates. */
  trend: LagTrend;
  /** Estimated simulated ms to clear the lag at these rates; null unless it is clearly shrinking. */
  clearMs: number | null;
}

export interface GroupInput {
  groupId: string;
  /** The topics it reads (instance topics expanded). */
  topics: readonly string[];
  /** "topic-partition" → the group's lag as its snapshot reports it. */
  lag: Readonly<Record<string, number>>;
  /** Records handled, and records written to its topics, per simulated second over the last sample. */
  consumedPerSec: number;
  producedPerSec: number;
}

export interface ClusterReader {
  partitionCount(topic: string): number;
  highWatermark(topic: string, partition: number): number | null;
}

export const HEALTH_CODE: Record<GroupLagStatus, number> = { OK: 0, WARN: 1, ERR: 2 };

export class LagHealthTracker {
  private readonly windows = new CommitWindows();
  private readonly consumed = new Map<string, SmoothedRate>();
  private readonly produced = new Map<string, SmoothedRate>();
  private nextRefreshAt = 0;
  private views = new Map<string, LagHealthView>();
  readonly history: RunHistory;

  constructor(
    readonly groupIds: readonly string[],
    private readonly cluster: ClusterReader,
  ) {
    this.history = new RunHistory(groupIds.flatMap((g) => [`lag:${g}`, `health:${g}`]));
  }

  /** An accepted commit (topic-partition keys joined by NUL, as the engine's groups keep them). */
  commit(groupId: string, offsets: ReadonlyMap<string, number>, atMs: number): void {
    for (const [k, offset] of offsets) {
      const i = k.lastIndexOf('\u0000');
      const topic = k.slice(0, i);
      const partition = Number(k.slice(i + 1));
      this.windows.commit(groupId, topic, partition, offset, atMs, this.cluster.highWatermark(topic, partition));
    }
  }

  /** Judges every group at `nowMs` (called at each sample), refreshing log ends when due. */
  sample(nowMs: number, groups: readonly GroupInput[], intervalMs: number): void {
    const refresh = nowMs >= this.nextRefreshAt;
    if (refresh) this.nextRefreshAt = nowMs + LOG_END_REFRESH_MS;
    const seen = new Set<string>();
    const next = new Map<string, LagHealthView>();
    for (const g of groups) {
      const parts: PartitionRef[] = [];
      for (const topic of g.topics) {
        for (let p = 0; p < this.cluster.partitionCount(topic); p++) {
          const hw = this.cluster.highWatermark(topic, p);
          const k = `${topic}\u0000${p}`;
          if (refresh && hw !== null && !seen.has(k)) {
            seen.add(k);
            this.windows.logEnd(topic, p, hw);
          }
          parts.push({ topic, partition: p, highWatermark: hw, lag: g.lag[`${topic}-${p}`] ?? 0 });
        }
      }
      const h = this.windows.evaluate(g.groupId, parts, nowMs);
      const consumed = rate(this.consumed, g.groupId).add(g.consumedPerSec, intervalMs);
      const produced = rate(this.produced, g.groupId).add(g.producedPerSec, intervalMs);
      const partitions: Record<string, PartitionLagStatus> = {};
      let settledError: LagHealthView['settledError'] = null;
      for (const p of h.partitions) {
        partitions[`${p.topic}-${p.partition}`] = p.status;
        const judgedOnTwo = Math.round(p.complete * this.windows.intervals) >= 2;
        if (p.status !== 'OK' && p.status !== 'WARN' && judgedOnTwo && (!settledError || p.currentLag > settledError.currentLag))
          settledError = { topic: p.topic, partition: p.partition, status: p.status, currentLag: p.currentLag };
      }
      next.set(g.groupId, {
        status: h.status,
        complete: h.complete,
        totalLag: h.totalLag,
        partitions,
        worst: h.maxLag && h.maxLag.currentLag > 0 ? { topic: h.maxLag.topic, partition: h.maxLag.partition, status: h.maxLag.status, currentLag: h.maxLag.currentLag } : null,
        settledError,
        consumedPerSec: consumed,
        producedPerSec: produced,
        trend: lagTrend(h.totalLag, consumed, produced),
        clearMs: estimateClearMs(h.totalLag, consumed, produced),
      });
    }
    this.views = next;
    this.history.push(nowMs, this.groupIds.flatMap((id) => {
      const v = next.get(id);
      return [v?.totalLag ?? 0, HEALTH_CODE[v?.status ?? 'OK']];
    }));
  }

  view(groupId: string): LagHealthView | null {
    return this.views.get(groupId) ?? null;
  }

  /** Entries held by the windows (bounded by groups × partitions × intervals). */
  size(): number {
    return this.windows.size();
  }
}

function rate(m: Map<string, SmoothedRate>, id: string): SmoothedRate {
  let r = m.get(id);
  if (!r) m.set(id, (r = new SmoothedRate()));
  return r;
}
