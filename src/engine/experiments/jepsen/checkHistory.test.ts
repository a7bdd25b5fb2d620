// The checker itself must catch every violation it is meant to count.
import { describe, expect, it } from 'vitest';
import { checkHistory } from './checkHistory';

describe('checkHistory', () => {
  it('a clean history has nothing to report', () => {
    expect(checkHistory([{ ackedInSendOrder: [1, 2, 3], readBack: [1, 2, 3] }], new Set([1, 2, 3]))).toMatchObject({ acknowledged: 3, lost: 0, duplicatedInLog: 0, reordered: 0, undelivered: 0 });
  });

  it('counts an acknowledged record missing from the log as lost', () => {
    const r = checkHistory([{ ackedInSendOrder: [1, 2, 3], readBack: [1, 3] }], new Set([1, 3]));
    expect(r).toMatchObject({ lost: 1, firstLost: { partition: 0, id: 2 } });
  });

  it('counts a record present twice and acknowledged records out of send order', () => {
    const r = checkHistory([{ ackedInSendOrder: [1, 2, 3], readBack: [1, 3, 2, 3] }], new Set([1, 2, 3]));
    expect(r).toMatchObject({ duplicatedInLog: 1, reordered: 1, lost: 0 });
  });

  it('counts records in the log no consumer received', () => {
    expect(checkHistory([{ ackedInSendOrder: [], readBack: [7, 8] }], new Set([7])).undelivered).toBe(1);
  });
});
