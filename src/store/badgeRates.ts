// Turns the snapshot's running counts per sticky into rates per simulated second, over the
// last BADGE_WINDOW_MS of simulated time (a steadier figure than one snapshot to the next, at
// any speed), for the live badges on the board.
import type { RecoveredImpact, StickyImpact, StickyLive } from '../sim';

export const BADGE_WINDOW_MS = 2_000;

export interface LiveBadge {
  /** Per simulated second, over the window. */
  rate: number;
  lag: number | null;
  /** Stalled or stale now because of a fault (business impact), or recovered lately. */
  impact?: StickyImpact | null;
  recovered?: RecoveredImpact | null;
}

interface Sample {
  at: number;
  counts: ReadonlyMap<string, number>;
}

export class BadgeRates {
  private samples: Sample[] = [];

  /** Adds a snapshot's figures and returns every sticky's badge. */
  update(at: number, stickies: readonly StickyLive[]): Record<string, LiveBadge> {
    // A new run (time went back): start over.
    if (this.samples.length > 0 && at < this.samples[this.samples.length - 1]!.at) this.samples = [];
    const counts = new Map(stickies.map((s) => [s.elementId, s.count]));
    if (this.samples.length === 0 || at > this.samples[this.samples.length - 1]!.at) this.samples.push({ at, counts });
    else this.samples[this.samples.length - 1] = { at, counts };
    // Keep one sample at or before the window's start, so the window is always covered.
    while (this.samples.length > 2 && this.samples[1]!.at <= at - BADGE_WINDOW_MS) this.samples.shift();
    const base = this.samples[0]!;
    const seconds = (at - base.at) / 1000;
    const out: Record<string, LiveBadge> = {};
    for (const s of stickies) {
      out[s.elementId] = { rate: seconds > 0 ? Math.max(0, s.count - (base.counts.get(s.elementId) ?? 0)) / seconds : 0, lag: s.lag, impact: s.impact ?? null, recovered: s.recovered ?? null };
    }
    return out;
  }

  reset(): void {
    this.samples = [];
  }
}

/** The badge's text: "12/s · lag 3" (rates under 10 with one decimal). */
export function badgeText(b: LiveBadge | undefined): string | null {
  if (!b) return null;
  const rate = b.rate >= 10 || b.rate === 0 ? Math.round(b.rate).toLocaleString('en-US') : b.rate.toFixed(1);
  return b.lag === null ? `${rate}/s` : `${rate}/s · lag ${b.lag.toLocaleString('en-US')}`;
}

const seconds = (ms: number) => `${Math.max(0, Math.round(ms / 1000))} s`;

/**
 * The impact badge: "stalled 12 s" while a fault stops the sticky, "was stalled 14 s" for a
 * minute after; with the cause, separated by "|" (null: nothing to show).
 */
export function impactText(b: LiveBadge | undefined): string | null {
  if (b?.impact) return `${b.impact.state} ${seconds(b.impact.forMs)}|${b.impact.reason}`;
  if (b?.recovered) return `was ${b.recovered.state} ${seconds(b.recovered.lastedMs)}|Recovered ${seconds(b.recovered.agoMs)} ago; it was ${b.recovered.state}: ${b.recovered.reason}`;
  return null;
}
