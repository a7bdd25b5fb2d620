import { describe, expect, it } from 'vitest';
import { topicLagRows } from './topicLagRows';

const partitions = [
  { topic: 't', partition: 1, highWatermark: 9 },
  { topic: 't', partition: 0, highWatermark: 10 },
  { topic: 'other', partition: 0, highWatermark: 4 },
];

describe('topicLagRows', () => {
  it("a member's partitions as assignmentRows gives them, every partition of the topic in order", () => {
    const g = { members: [{ id: 'm-1', state: 'stable', assignment: ['t-0', 't-1', 'other-0'] }], committed: { 't-0': 7, 't-1': 9 }, lag: { 't-0': 3, 't-1': 0, 'other-0': 4 } };
    expect(topicLagRows(g, 't', partitions)).toEqual([
      { partition: 't-0', index: 0, member: 'm-1', committed: 7, logEnd: 10, lag: 3 },
      { partition: 't-1', index: 1, member: 'm-1', committed: 9, logEnd: 9, lag: 0 },
    ]);
  });

  it('a group without members still shows its committed offsets and the lag they leave (all of the log when nothing is committed)', () => {
    const g = { members: [], committed: { 't-0': 2 }, lag: {} };
    expect(topicLagRows(g, 't', partitions)).toEqual([
      { partition: 't-0', index: 0, member: null, committed: 2, logEnd: 10, lag: 8 },
      { partition: 't-1', index: 1, member: null, committed: null, logEnd: 9, lag: 9 },
    ]);
  });
});
