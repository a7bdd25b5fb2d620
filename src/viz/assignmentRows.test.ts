// The consumer groups table: a row per partition the group reads, in topic then numeric
// partition order (10 after 9), with its owner (or none while unassigned) and its lag.
import { describe, expect, it } from 'vitest';
import { assignmentRows } from './assignmentRows';

describe('assignmentRows', () => {
  it('lists every partition with owner, committed, log end and lag', () => {
    const rows = assignmentRows(
      {
        members: [
          { id: 'svc-1-1', state: 'stable', assignment: ['t-0', 't-10'] },
          { id: 'svc-2-4', state: 'stable', assignment: ['t-9'] },
        ],
        committed: { 't-0': 40, 't-9': 7 },
        lag: { 't-0': 2, 't-9': 0, 't-10': 5, 't-2': 11 },
      },
      [
        { topic: 't', partition: 0, highWatermark: 42 },
        { topic: 't', partition: 2, highWatermark: 11 },
        { topic: 't', partition: 9, highWatermark: 7 },
        { topic: 't', partition: 10, highWatermark: 5 },
      ],
    );
    expect(rows).toEqual([
      { partition: 't-0', member: 'svc-1-1', committed: 40, logEnd: 42, lag: 2 },
      { partition: 't-2', member: null, committed: null, logEnd: 11, lag: 11 },
      { partition: 't-9', member: 'svc-2-4', committed: 7, logEnd: 7, lag: 0 },
      { partition: 't-10', member: 'svc-1-1', committed: null, logEnd: 5, lag: 5 },
    ]);
  });

  it('keeps topics with dashes in their names whole', () => {
    const rows = assignmentRows({ members: [], committed: {}, lag: { 'a-b.events-1': 0, 'a-b.events-0': 3 } }, []);
    expect(rows.map((r) => r.partition)).toEqual(['a-b.events-0', 'a-b.events-1']);
  });
});
