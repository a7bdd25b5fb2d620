// Bounded time series for the charts: fixed-size Float64Array rings, so a run of any length
// keeps constant memory, copied out oldest-first into fresh buffers the worker can transfer.
export class RingSeries {
  private readonly t: Float64Array;
  private readonly cols: Float64Array[];
  private head = 0;
  private size = 0;

  constructor(
    readonly capacity: number,
    readonly names: readonly string[],
  ) {
    this.t = new Float64Array(capacity);
    this.cols = names.map(() => new Float64Array(capacity));
  }

  push(at: number, values: readonly number[]): void {
    this.t[this.head] = at;
    for (let i = 0; i < this.cols.length; i++) this.cols[i]![this.head] = values[i] ?? 0;
    this.head = (this.head + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  get length(): number {
    return this.size;
  }

  /** Oldest-first copies: [time, ...columns], each its own buffer (transferable). */
  export(): Float64Array[] {
    const out = [this.t, ...this.cols].map(() => new Float64Array(this.size));
    const start = (this.head - this.size + this.capacity) % this.capacity;
    const src = [this.t, ...this.cols];
    for (let c = 0; c < src.length; c++) {
      const from = src[c]!;
      const to = out[c]!;
      const firstPart = Math.min(this.size, this.capacity - start);
      to.set(from.subarray(start, start + firstPart), 0);
      if (firstPart < this.size) to.set(from.subarray(0, this.size - firstPart), firstPart);
    }
    return out;
  }

  /** Refills the ring from export()'s columns (a stored run's charts). */
  restore(columns: readonly ArrayLike<number>[]): void {
    const [t, ...cols] = columns;
    if (!t || cols.length !== this.cols.length) return;
    const n = Math.min(t.length, this.capacity);
    const from = t.length - n;
    for (let i = from; i < t.length; i++) this.push(t[i]!, cols.map((c) => c[i] ?? 0));
  }
}
