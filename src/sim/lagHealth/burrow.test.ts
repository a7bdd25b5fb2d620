// Burrow's evaluator rules, each from a worked window of commits (offsets every 5 s, as the
// simulated consumers auto-commit), plus the order Burrow applies them in and the group roll-up.
import { describe, expect, it } from 'vitest';
import { groupLagStatus, partitionLagStatus, type OffsetCommit } from './burrow';

/** A window of commits every 5 s from t = 0: [offset, lag] pairs. */
function window(pairs: readonly (readonly [number, number | null])[], stepMs = 5_000): OffsetCommit[] {
  return pairs.map(([offset, lag], i) => ({ offset, lag, timestampMs: i * stepMs }));
}
const last = (w: readonly OffsetCommit[]) => w[w.length - 1]!.timestampMs;

describe('partitionLagStatus (Burrow rules)', () => {
  it('OK: lag zero now, whatever the window says', () => {
    const commits = window([[10, 5], [10, 5], [10, 5]]);
    expect(partitionLagStatus({ commits, logEndOffsets: [10], currentLag: 0, nowMs: last(commits) + 1 })).toBe('OK');
  });

  it('OK: the lag was zero at one commit of the window (rule 1)', () => {
    // Offsets stall at 40 but the first commit had caught up.
    const commits = window([[40, 0], [40, 10], [40, 20], [40, 30]]);
    expect(partitionLagStatus({ commits, logEndOffsets: [40, 50, 60, 70], currentLag: 30, nowMs: last(commits) + 1_000 })).toBe('OK');
  });

  it('OK: committing forward with the lag going down somewhere', () => {
    const commits = window([[100, 50], [150, 40], [200, 45], [260, 30]]);
    expect(partitionLagStatus({ commits, logEndOffsets: [150, 190, 245, 290], currentLag: 30, nowMs: last(commits) + 1_000 })).toBe('OK');
  });

  it('WARN: offsets advance but the lag never goes down (rule 5)', () => {
    const commits = window([[100, 10], [120, 15], [140, 15], [160, 22]]);
    expect(partitionLagStatus({ commits, logEndOffsets: [110, 135, 155, 182], currentLag: 22, nowMs: last(commits) + 1_000 })).toBe('WARN');
  });

  it('STALL: committing the same offset with lag every time (rule 4)', () => {
    const commits = window([[70, 5], [70, 12], [70, 20], [70, 31]]);
    expect(partitionLagStatus({ commits, logEndOffsets: [75, 82, 90, 101], currentLag: 31, nowMs: last(commits) + 1_000 })).toBe('STALL');
  });

  it('STOP: no commit for longer than the window spans (rule 3)', () => {
    // Commits at 0, 5, 10, 15 s; now is 31 s: 16 s since the last > 15 s spanned.
    const commits = window([[10, 3], [20, 4], [30, 2], [40, 6]]);
    const input = { commits, logEndOffsets: [44, 46, 52], currentLag: 12, nowMs: 31_000 };
    expect(partitionLagStatus(input)).toBe('STOP');
    // One millisecond earlier the span still covers it.
    expect(partitionLagStatus({ ...input, nowMs: 30_000 })).toBe('OK');
  });

  it('STOP is held back while a recent log end sat at or below the newest commit', () => {
    const commits = window([[10, 3], [20, 4], [30, 2], [40, 6]]);
    expect(partitionLagStatus({ commits, logEndOffsets: [40, 46, 52], currentLag: 12, nowMs: 31_000 })).toBe('OK');
  });

  it('REWIND: a commit goes backwards and has not come back (rule 2)', () => {
    const commits = window([[500, 0], [520, 0], [100, 430], [180, 360]]);
    expect(partitionLagStatus({ commits, logEndOffsets: [500, 520, 530, 540], currentLag: 360, nowMs: last(commits) + 1_000 })).toBe('REWIND');
  });

  it('a rewind that reached its old offset again is judged by the other rules', () => {
    const commits = window([[500, 10], [300, 220], [520, 15], [540, 20]]);
    // Recovered, and the lag went down after the rewind (220 → 15): OK.
    expect(partitionLagStatus({ commits, logEndOffsets: [510, 520, 535, 560], currentLag: 20, nowMs: last(commits) + 1_000 })).toBe('OK');
    const rising = window([[500, 10], [300, 220], [520, 230], [540, 240]]);
    expect(partitionLagStatus({ commits: rising, logEndOffsets: [760, 780], currentLag: 240, nowMs: last(rising) + 1_000 })).toBe('WARN');
  });

  it("Burrow's order: STOP before REWIND, REWIND before the zero-lag rule, STALL before WARN", () => {
    const rewound = window([[500, 0], [520, 0], [100, 430], [180, 360]]);
    // The same rewound window, but long after its last commit: STOP wins.
    expect(partitionLagStatus({ commits: rewound, logEndOffsets: [540], currentLag: 360, nowMs: last(rewound) + 60_000 })).toBe('STOP');
    // The rewound window had zero lag at its start, yet it is REWIND, not OK.
    expect(partitionLagStatus({ commits: rewound, logEndOffsets: [540], currentLag: 360, nowMs: last(rewound) + 1_000 })).toBe('REWIND');
    // A stalled window's lag also never decreases: STALL, not WARN.
    const stalled = window([[70, 5], [70, 12]]);
    expect(partitionLagStatus({ commits: stalled, logEndOffsets: [90], currentLag: 20, nowMs: last(stalled) + 1_000 })).toBe('STALL');
  });

  it('allowedLag: lag up to it counts as caught up', () => {
    const commits = window([[70, 5], [70, 12], [70, 20], [70, 31]]);
    const input = { commits, logEndOffsets: [101], nowMs: last(commits) + 1_000 };
    expect(partitionLagStatus({ ...input, currentLag: 31, allowedLag: 31 })).toBe('OK');
    expect(partitionLagStatus({ ...input, currentLag: 31, allowedLag: 5 })).toBe('OK');
    expect(partitionLagStatus({ ...input, currentLag: 31, allowedLag: 4 })).toBe('STALL');
  });

  it('empty slots at the start of the window are ignored; commits with unknown lag skip the lag rules', () => {
    const commits = [null, null, ...window([[100, null], [120, 15], [140, null], [160, 22]])];
    expect(partitionLagStatus({ commits, logEndOffsets: [182], currentLag: 22, nowMs: 16_000 })).toBe('WARN');
    expect(partitionLagStatus({ commits: [null, null], logEndOffsets: [182], currentLag: 22, nowMs: 16_000 })).toBe('OK');
  });
});

describe('groupLagStatus', () => {
  const ok = window([[100, 50], [150, 40], [200, 45], [260, 30]]);
  const warn = window([[100, 10], [120, 15], [140, 15], [160, 22]]);
  const stall = window([[70, 5], [70, 12], [70, 20], [70, 31]]);
  const nowMs = 16_000;

  it('is its worst partition; STOP, STALL and REWIND make it ERR', () => {
    const g = groupLagStatus({
      nowMs,
      intervals: 4,
      partitions: [
        { topic: 't', partition: 0, commits: ok, logEndOffsets: [290], currentLag: 30 },
        { topic: 't', partition: 1, commits: warn, logEndOffsets: [182], currentLag: 22 },
      ],
    });
    expect(g.status).toBe('WARN');
    expect(g.partitions.map((p) => p.status)).toEqual(['OK', 'WARN']);
    const e = groupLagStatus({
      nowMs,
      intervals: 4,
      partitions: [
        { topic: 't', partition: 0, commits: stall, logEndOffsets: [101], currentLag: 31 },
        { topic: 't', partition: 1, commits: warn, logEndOffsets: [182], currentLag: 22 },
      ],
    });
    expect(e.status).toBe('ERR');
    expect(e.partitions.map((p) => [p.topic, p.partition, p.status])).toEqual([['t', 0, 'STALL'], ['t', 1, 'WARN']]);
  });

  it('sums the lag, names the most lagging partition, and measures completeness', () => {
    const g = groupLagStatus({
      nowMs,
      intervals: 10,
      partitions: [
        { topic: 'a', partition: 0, commits: ok, logEndOffsets: [290], currentLag: 30 },
        { topic: 'a', partition: 1, commits: [...ok, ...ok.map((c) => ({ ...c, timestampMs: c.timestampMs + 20_000 })), ...ok.slice(0, 2)], logEndOffsets: [290], currentLag: 30 },
        { topic: 'b', partition: 0, commits: [], logEndOffsets: [5], currentLag: 41 },
      ],
    });
    expect(g.totalLag).toBe(101);
    expect(g.maxLag).toMatchObject({ topic: 'b', partition: 0, currentLag: 41 });
    expect(g.partitions.map((p) => p.complete)).toEqual([0.4, 1, 0]);
    expect(g.complete).toBeCloseTo(1 / 3);
    // A partition without commits cannot be judged: OK, however large its lag.
    expect(g.partitions[2]!.status).toBe('OK');
  });

  it('the window slides: only the newest `intervals` commits count', () => {
    // A stall long ago, then progress: with a window of 4 only the progress is judged.
    const commits = window([[70, 5], [70, 12], [70, 20], [70, 31], [90, 20], [120, 10], [150, 8], [170, 9]]);
    const at = last(commits) + 1_000;
    expect(groupLagStatus({ nowMs: at, intervals: 4, partitions: [{ topic: 't', partition: 0, commits, logEndOffsets: [179], currentLag: 9 }] }).status).toBe('OK');
    expect(groupLagStatus({ nowMs: at, intervals: 4, partitions: [{ topic: 't', partition: 0, commits: commits.slice(0, 4), logEndOffsets: [101], currentLag: 31 }] }).status).toBe('ERR');
  });

  it('minimumComplete: a partition with too few commits is not judged', () => {
    const partitions = [{ topic: 't', partition: 0, commits: stall, logEndOffsets: [101], currentLag: 31 }];
    expect(groupLagStatus({ nowMs, intervals: 10, minimumComplete: 0.5, partitions }).status).toBe('OK');
    expect(groupLagStatus({ nowMs, intervals: 10, minimumComplete: 0.4, partitions }).status).toBe('ERR');
  });

  it('a group without partitions is OK and 0 complete', () => {
    expect(groupLagStatus({ nowMs, partitions: [] })).toEqual({ status: 'OK', complete: 0, totalLag: 0, maxLag: null, partitions: [] });
  });
});
