import { describe, expect, it } from 'vitest';
import type { GroupView } from '../store/simStore';
import { readersText, topicReaders } from './topicReaders';

const groups: Pick<GroupView, 'groupId' | 'label' | 'kind' | 'topics' | 'lag'>[] = [
  { groupId: 'a', label: 'Account', kind: 'aggregate', topics: ['bank.commands'], lag: { 'bank.commands-0': 3, 'bank.commands-1': 4 } },
  { groupId: 'b', label: 'Balance', kind: 'projector', topics: ['bank.events', 'bank.other-events'], lag: { 'bank.events-0': 1, 'bank.other-events-0': 9 } },
  { groupId: 'c', label: 'Overdraft', kind: 'policy', topics: ['bank.events'], lag: { 'bank.events-0': 0 } },
  { groupId: 'd', label: 'Per instance', kind: 'projector', topics: ['acct'], lag: { 'acct.1-0': 2, 'acct.2-0': 5 } },
];

describe('topic readers', () => {
  it('lists the groups reading a topic with their lag on it alone', () => {
    expect(topicReaders(groups, 'bank.events')).toEqual([
      { groupId: 'b', label: 'Balance', kind: 'projector', lag: 1 },
      { groupId: 'c', label: 'Overdraft', kind: 'policy', lag: 0 },
    ]);
    expect(readersText(topicReaders(groups, 'bank.events'))).toBe('2 groups · lag 1');
    expect(readersText(topicReaders(groups, 'nobody'))).toBe('no group');
  });
  it('counts per-instance topics under their prefix, and one instance topic alone', () => {
    expect(topicReaders(groups, 'acct')[0]!.lag).toBe(7);
    expect(topicReaders(groups, 'acct.2')[0]!.lag).toBe(5);
  });
});
