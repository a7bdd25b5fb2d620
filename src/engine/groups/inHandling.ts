// Records a member handed to its application that are not handled yet, per partition. An
// at-least-once commit covers a partition only up to its first record still in handling, and
// the member fetches no more while max.poll.records records are in handling.
interface PartitionHandling {
  offsets: number[];
  head: number;
  done: Set<number>;
}

export class InHandling {
  private readonly byKey = new Map<string, PartitionHandling>();
  private total = 0;

  /** Records in handling over every partition. */
  get size(): number {
    return this.total;
  }

  add(key: string, offset: number): void {
    let h = this.byKey.get(key);
    if (!h) this.byKey.set(key, (h = { offsets: [], head: 0, done: new Set() }));
    h.offsets.push(offset);
    this.total++;
  }

  /** The application finished a record (in any order); the handled prefix leaves. */
  finish(key: string, offset: number): void {
    const h = this.byKey.get(key);
    // A partition with nothing in handling takes no answers (its entry is kept, empty).
    if (!h || h.head === h.offsets.length) return;
    // Records mostly finish in order: the first in handling leaves without passing through `done`.
    if (offset === h.offsets[h.head]) {
      h.head++;
      this.total--;
    } else h.done.add(offset);
    while (h.done.size > 0 && h.head < h.offsets.length && h.done.delete(h.offsets[h.head]!)) {
      h.head++;
      this.total--;
    }
    if (h.head === h.offsets.length) {
      // Kept for the partition's next records (a command partition empties after nearly every record).
      h.offsets.length = 0;
      h.head = 0;
      if (h.done.size > 0) h.done.clear();
    } else if (h.head > 1024) {
      h.offsets = h.offsets.slice(h.head);
      h.head = 0;
    }
  }

  /** The lowest offset of the partition still in handling, if any. */
  firstUnhandled(key: string): number | undefined {
    const h = this.byKey.get(key);
    return h ? h.offsets[h.head] : undefined;
  }

  /** The partition went to another member (or the member lost it): its records are forgotten. */
  drop(key: string): void {
    const h = this.byKey.get(key);
    if (!h) return;
    this.total -= h.offsets.length - h.head;
    this.byKey.delete(key);
  }
}
