// Consumer lag per partition (high watermark − committed offset) sampled into a bounded ring, so
// the UI's "Consumer lag" chart has history without memory growing over a long run.
export interface LagSample {
  at: number;
  total: number;
  /** Lag per partition, in the order of `LagSeries.partitions`. */
  perPartition: number[];
}

export class LagSeries {
  readonly partitions: string[] = [];
  private readonly ring: LagSample[] = [];
  constructor(private readonly capacity: number) {}

  push(at: number, lags: ReadonlyMap<string, number>): LagSample {
    for (const k of lags.keys()) if (!this.partitions.includes(k)) this.partitions.push(k);
    const perPartition = this.partitions.map((k) => lags.get(k) ?? 0);
    const sample = { at, total: perPartition.reduce((s, x) => s + x, 0), perPartition };
    this.ring.push(sample);
    if (this.ring.length > this.capacity) this.ring.shift();
    return sample;
  }

  samples(): readonly LagSample[] {
    return this.ring;
  }

  latest(): LagSample | undefined {
    return this.ring[this.ring.length - 1];
  }
}
