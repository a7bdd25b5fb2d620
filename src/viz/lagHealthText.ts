// Words for lag health (Burrow's statuses), the time to clear a group's lag and which way it
// goes: what the group card, the topology and the charts say, in one place.
import type { GroupLagStatus, LagHealthView, PartitionLagStatus } from '../store/simStore';

export const PARTITION_STATUS_HELP: Record<PartitionLagStatus, string> = {
  OK: 'OK: the group caught up at some commit of the window, or its commits move and the lag went down.',
  WARN: 'WARN: the group commits forward, but the lag never went down over the window: it is slower than the producers.',
  STOP: 'STOP: no commit for longer than the window spans, with lag: the consumer stopped (crashed, removed, or unassigned).',
  STALL: 'STALL: the group keeps committing the same offset while records wait: its consumer is stuck on a record.',
  REWIND: 'REWIND: a commit went backwards (an offset reset or a replay) and the group has not yet got back to where it was.',
};

export const GROUP_STATUS_HELP: Record<GroupLagStatus, string> = {
  OK: 'Every partition OK.',
  WARN: 'A partition is WARN: the group is not keeping up there.',
  ERR: 'A partition is STOP, STALL or REWIND.',
};

export const LAG_HEALTH_NOTE =
  "Judged as LinkedIn's Burrow does, from each partition's last 10 offset commits (one every 5 s) and its recent log ends: OK, WARN (lag never going down), STOP (no commits), STALL (same offset committed again and again) or REWIND (commits going backwards); the group shows its worst partition, STOP, STALL and REWIND as ERR.";

export function durationText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 1) return 'under 1 s';
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m} min`;
  return `${Math.round(m / 60)} h`;
}

/** "clears in about 12 s", "not consuming", … */
export function clearText(h: Pick<LagHealthView, 'trend' | 'clearMs'>): string {
  switch (h.trend) {
    case 'caught up':
      return 'no lag';
    case 'clearing':
      return h.clearMs === null ? 'clearing' : `clears in about ${durationText(h.clearMs)}`;
    case 'keeping up':
      return 'keeping pace with the producers';
    case 'falling behind':
      return 'falling behind: consumes slower than records arrive';
    case 'not consuming':
      return 'not consuming';
  }
}

export function healthClass(status: GroupLagStatus | PartitionLagStatus | undefined): string {
  if (status === 'WARN') return 'sb-health-warn';
  if (status === 'ERR' || status === 'STOP' || status === 'STALL' || status === 'REWIND') return 'sb-health-err';
  return 'sb-health-ok';
}
