// Leader epoch -> start offset, as Kafka's LeaderEpochFileCache: a follower asks the leader
// for the end offset of its latest epoch and truncates there (KIP-101) instead of trusting
// the high watermark. Entries survive truncation of records below them.
export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

export class LeaderEpochCache {
  private entries: EpochEntry[] = [];

  constructor(entries: readonly EpochEntry[] = []) {
    this.entries = entries.map((e) => ({ ...e }));
  }

  /** Records that `epoch` starts at `startOffset`; ignores epochs not newer than the latest. */
  assign(epoch: number, startOffset: number): boolean {
    const last = this.entries[this.entries.length - 1];
    if (last && last.epoch >= epoch) return false;
    if (last && last.startOffset > startOffset) this.truncateFromEnd(startOffset);
    this.entries.push({ epoch, startOffset });
    return true;
  }

  /** The epoch whose leader wrote `offset` (-1 when unknown): with the offset, a record's identity. */
  epochAt(offset: number): number {
    let lo = 0;
    let hi = this.entries.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid]!.startOffset <= offset) {
        ans = this.entries[mid]!.epoch;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  latestEpoch(): number {
    return this.entries[this.entries.length - 1]?.epoch ?? -1;
  }

  /**
   * KIP-101 OffsetsForLeaderEpoch: the end offset of `epoch` is the start offset of the first
   * later epoch, or logEndOffset when `epoch` is the latest. An unknown older epoch answers
   * with the largest known epoch below it.
   */
  endOffsetFor(epoch: number, logEndOffset: number): { epoch: number; endOffset: number } {
    if (this.entries.length === 0) return { epoch: -1, endOffset: -1 };
    const latest = this.entries[this.entries.length - 1]!;
    if (epoch >= latest.epoch) return { epoch: latest.epoch, endOffset: logEndOffset };
    let found: EpochEntry | undefined;
    let next: EpochEntry | undefined;
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (e.epoch <= epoch) found = e;
      else {
        next = e;
        break;
      }
    }
    if (!found) return { epoch: -1, endOffset: -1 };
    return { epoch: found.epoch, endOffset: next ? next.startOffset : logEndOffset };
  }

  /** Drops entries starting at or after `offset` (the log was truncated to `offset`). */
  truncateFromEnd(offset: number): void {
    this.entries = this.entries.filter((e) => e.startOffset < offset);
  }

  /** The log start moved to `offset`: the epoch covering it now starts there. */
  truncateFromStart(offset: number): void {
    const keep: EpochEntry[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      const next = this.entries[i + 1];
      if (next && next.startOffset <= offset) continue;
      keep.push({ epoch: e.epoch, startOffset: Math.max(e.startOffset, offset) });
    }
    this.entries = keep;
  }

  toJSON(): EpochEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }
}
