// Measures what a rebalance costs in simulated time: for every partition, how long it had no
// consuming owner between being revoked and being assigned again. Eager rebalancing revokes
// everything, so every partition pauses; cooperative rebalancing only pauses the moved ones.
export interface RebalanceEpisode {
  readonly startedAt: number;
  finishedAt: number | null;
  readonly reason: string;
  readonly protocol: 'eager' | 'cooperative';
  rounds: number;
  /** Sum over partitions of paused time, and the longest single pause. */
  totalPauseMs: number;
  maxPauseMs: number;
  pausedPartitions: number;
  /** Time during which no partition of the group was being consumed at all. */
  stallMs: number;
}

export class PauseTracker {
  private readonly unowned = new Map<string, number>();
  private owned = 0;
  private stallSince: number | null = null;
  current: RebalanceEpisode | null = null;
  readonly history: RebalanceEpisode[] = [];

  begin(now: number, reason: string, protocol: 'eager' | 'cooperative'): void {
    if (this.current) return;
    this.current = { startedAt: now, finishedAt: null, reason, protocol, rounds: 0, totalPauseMs: 0, maxPauseMs: 0, pausedPartitions: 0, stallMs: 0 };
  }

  released(key: string, now: number): void {
    if (this.unowned.has(key)) return;
    this.unowned.set(key, now);
    this.owned = Math.max(0, this.owned - 1);
    if (this.owned === 0 && this.current) this.stallSince = now;
  }

  taken(key: string, now: number): void {
    if (this.owned === 0 && this.stallSince !== null && this.current) this.current.stallMs += now - this.stallSince;
    this.stallSince = null;
    this.owned++;
    const since = this.unowned.get(key);
    if (since === undefined) return;
    this.unowned.delete(key);
    const pause = now - since;
    const ep = this.current;
    if (!ep) return;
    ep.totalPauseMs += pause;
    ep.pausedPartitions++;
    if (pause > ep.maxPauseMs) ep.maxPauseMs = pause;
  }

  end(now: number, keep = 50): RebalanceEpisode | null {
    const ep = this.current;
    if (!ep) return null;
    ep.finishedAt = now;
    if (this.stallSince !== null) {
      ep.stallMs += now - this.stallSince;
      this.stallSince = null;
    }
    this.current = null;
    this.history.push(ep);
    if (this.history.length > keep) this.history.shift();
    return ep;
  }

  /** Partitions currently without a consuming owner. */
  idle(): number {
    return this.unowned.size;
  }
}
