// How long a group needs to clear its lag if it goes on consuming and the producers go on
// writing at the rates seen lately: lag ÷ (consume rate − produce rate). Rates are smoothed
// (exponential average over about RATE_SMOOTHING_MS of simulated time) so the estimate does not
// jump with every half-second sample.
export const RATE_SMOOTHING_MS = 5_000;

/**
 * Consumption within this share of production counts as keeping pace: the lag then only moves
 * with the commit interval's saw-tooth, and a time to clear it would be noise.
 */
export const STEADY_SHARE = 0.02;

export type LagTrend = 'caught up' | 'clearing' | 'keeping up' | 'falling behind' | 'not consuming';

/** Which way the lag goes at these rates. */
export function lagTrend(lag: number, consumedPerSec: number, producedPerSec: number): LagTrend {
  if (lag <= 0) return 'caught up';
  const net = consumedPerSec - producedPerSec;
  const margin = STEADY_SHARE * Math.max(producedPerSec, consumedPerSec, 1);
  if (consumedPerSec <= margin) return 'not consuming';
  if (net > margin) return 'clearing';
  if (net < -margin) return 'falling behind';
  return 'keeping up';
}

/** Milliseconds to clear `lag`; 0 when there is none; null unless the lag is clearly shrinking at these rates. */
export function estimateClearMs(lag: number, consumedPerSec: number, producedPerSec: number): number | null {
  const trend = lagTrend(lag, consumedPerSec, producedPerSec);
  if (trend === 'caught up') return 0;
  if (trend !== 'clearing') return null;
  return Math.round((lag / (consumedPerSec - producedPerSec)) * 1000);
}

/** An exponentially smoothed rate, fed one sample per interval. */
export class SmoothedRate {
  value: number | null = null;
  add(rate: number, intervalMs: number): number {
    const alpha = 1 - Math.exp(-intervalMs / RATE_SMOOTHING_MS);
    this.value = this.value === null ? rate : this.value + alpha * (rate - this.value);
    return this.value;
  }
}
