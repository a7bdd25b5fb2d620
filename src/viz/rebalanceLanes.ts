// Geometry of the rebalance swimlane, kept out of the component so it is testable: the time
// span shown, x positions, nice tick steps, and member colours.
import type { GroupRebalanceHistory } from '../store/simStore';

export const MEMBER_COLOURS = ['#2f6fde', '#e8590c', '#2b8a3e', '#ae3ec9', '#1098ad', '#c2255c', '#5c7cfa', '#f08c00', '#495057'];

export function laneSpan(g: GroupRebalanceHistory, now: number): { from: number; to: number } {
  let from = now;
  for (const s of g.segments) from = Math.min(from, s.from);
  for (const r of g.rebalances) from = Math.min(from, r.startedAt);
  return { from, to: Math.max(now, from + 1_000) };
}

/** A tick step (ms) giving about `count` ticks over `spanMs`: 1, 2 or 5 × a power of ten seconds. */
export function tickStep(spanMs: number, count = 8): number {
  const raw = Math.max(1, spanMs / count);
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** The instance a member belongs to ("account-service-2-7" → "account-service-2"). */
export function memberLabel(member: string): string {
  const i = member.lastIndexOf('-');
  return i > 0 ? member.slice(0, i) : member;
}
