import { describe, expect, it } from 'vitest';
import { twoLines } from './counterLabel';

describe('twoLines', () => {
  it('splits at the word that makes the longer line shortest', () => {
    expect(twoLines('Produced records')).toEqual(['Produced', 'records']);
    expect(twoLines('Lost acknowledged records')).toEqual(['Lost acknowledged', 'records']);
    expect(twoLines('Written, not acknowledged')).toEqual(['Written, not', 'acknowledged']);
    expect(twoLines('Unreadable to old consumers')).toEqual(['Unreadable to', 'old consumers']);
  });

  it('keeps one word on one line', () => {
    expect(twoLines('Duplicates')).toEqual(['Duplicates', '']);
  });
});
