// Lag over the whole run in bounded memory: samples fall into buckets that keep each series'
// largest value; when the buckets reach their capacity, neighbours merge pairwise and the
// bucket width doubles. A run of any length therefore keeps at most `capacity` points per
// series, the first ones covering as much time as the last (the newest bucket may be partial),
// and no peak is lost to the thinning: a bucket shows the worst it saw.
export class RunHistory {
  private t: number[] = [];
  private cols: number[][];
  private width: number;

  constructor(
    readonly names: readonly string[],
    readonly capacity = 480,
    firstBucketMs = 500,
  ) {
    if (capacity < 2 || capacity % 2 !== 0) throw new RangeError('A run history needs an even capacity of at least 2.');
    this.width = firstBucketMs;
    this.cols = names.map(() => []);
  }

  /** Milliseconds of simulated time one point covers now. */
  get bucketMs(): number {
    return this.width;
  }

  get length(): number {
    return this.t.length;
  }

  push(at: number, values: readonly number[]): void {
    const n = this.t.length;
    if (n > 0 && at < this.t[n - 1]! + this.width) {
      for (let c = 0; c < this.cols.length; c++) this.cols[c]![n - 1] = Math.max(this.cols[c]![n - 1]!, values[c] ?? 0);
      return;
    }
    this.t.push(at);
    for (let c = 0; c < this.cols.length; c++) this.cols[c]!.push(values[c] ?? 0);
    if (this.t.length > this.capacity) this.thin();
  }

  /** Pairs of buckets become one bucket of twice the width (the odd newest one stays alone). */
  private thin(): void {
    this.width *= 2;
    const t: number[] = [];
    const cols: number[][] = this.cols.map(() => []);
    for (let i = 0; i < this.t.length; i += 2) {
      t.push(this.t[i]!);
      for (let c = 0; c < this.cols.length; c++) {
        const col = this.cols[c]!;
        cols[c]!.push(i + 1 < col.length ? Math.max(col[i]!, col[i + 1]!) : col[i]!);
      }
    }
    this.t = t;
    this.cols = cols;
  }

  /** [time, ...columns] as fresh buffers (transferable). */
  export(): Float64Array[] {
    return [Float64Array.from(this.t), ...this.cols.map((c) => Float64Array.from(c))];
  }

  /** Back from export()'s columns (a stored run), at the width they were kept at. */
  restore(columns: readonly ArrayLike<number>[], bucketMs: number): void {
    const [t, ...cols] = columns;
    if (!t || cols.length !== this.cols.length) return;
    this.width = bucketMs;
    this.t = Array.from(t);
    this.cols = cols.map((c) => Array.from(c));
    while (this.t.length > this.capacity) this.thin();
  }
}
