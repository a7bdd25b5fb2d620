import { describe, expect, it } from 'vitest';
import type { CompactionView } from '../../sim';
import { keyHistory } from './keyHistory';

const view = (records: { offset: number; key: string | null; value: string | null }[], logEnd = 100): CompactionView =>
  ({ records, logEnd }) as unknown as CompactionView;

describe('keyHistory', () => {
  it('marks per key which offsets a pass kept and removed, tombstones too, newest keys first', () => {
    const before = view([
      { offset: 0, key: 'a', value: '1' },
      { offset: 1, key: 'b', value: '1' },
      { offset: 2, key: 'a', value: '2' },
      { offset: 3, key: 'b', value: null },
    ]);
    const after = view([
      { offset: 2, key: 'a', value: '2' },
      { offset: 3, key: 'b', value: null },
    ]);
    expect(keyHistory(before, after)).toEqual([
      { key: 'b', offsets: [{ offset: 1, kept: false, tombstone: false }, { offset: 3, kept: true, tombstone: true }] },
      { key: 'a', offsets: [{ offset: 0, kept: false, tombstone: false }, { offset: 2, kept: true, tombstone: false }] },
    ]);
  });
});
