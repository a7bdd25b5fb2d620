// Idempotent-producer state kept beside every replica, as Kafka's ProducerStateManager: per
// producer id the sequence ranges already in the log and where they start. A retried batch that
// is already there is answered with its original offset instead of being written twice; a batch
// that skips sequence numbers is refused (OutOfOrderSequence). Followers build the same state
// from the records they copy, so a new leader still recognises retries; truncation drops it.
interface SeqRange {
  firstSeq: number;
  lastSeq: number;
  baseOffset: number;
}

const KEPT = 5;

export class ProducerState {
  private readonly ranges = new Map<number, SeqRange[]>();

  /** Records one record of producer `pid` with sequence `seq` at `offset` (appended or copied). */
  observe(pid: number, seq: number, offset: number): void {
    let list = this.ranges.get(pid);
    if (!list) this.ranges.set(pid, (list = []));
    const last = list[list.length - 1];
    if (last && last.lastSeq === seq - 1 && last.baseOffset + (last.lastSeq - last.firstSeq) === offset - 1) {
      last.lastSeq = seq;
      return;
    }
    list.push({ firstSeq: seq, lastSeq: seq, baseOffset: offset });
    if (list.length > KEPT) list.shift();
  }

  /** The offset a batch [firstSeq, lastSeq] was already written at, or null. */
  duplicateOf(pid: number, firstSeq: number, lastSeq: number): number | null {
    for (const r of this.ranges.get(pid) ?? []) {
      if (firstSeq >= r.firstSeq && lastSeq <= r.lastSeq) return r.baseOffset + (firstSeq - r.firstSeq);
    }
    return null;
  }

  /** The next sequence this producer must send (0 when unknown). */
  nextSeq(pid: number): number {
    const list = this.ranges.get(pid);
    const last = list?.[list.length - 1];
    return last ? last.lastSeq + 1 : 0;
  }

  known(pid: number): boolean {
    return (this.ranges.get(pid)?.length ?? 0) > 0;
  }

  truncateTo(offset: number): void {
    for (const [pid, list] of this.ranges) {
      const kept: SeqRange[] = [];
      for (const r of list) {
        if (r.baseOffset >= offset) continue;
        const end = r.baseOffset + (r.lastSeq - r.firstSeq);
        kept.push(end < offset ? r : { ...r, lastSeq: r.firstSeq + (offset - 1 - r.baseOffset) });
      }
      if (kept.length > 0) this.ranges.set(pid, kept);
      else this.ranges.delete(pid);
    }
  }
}
