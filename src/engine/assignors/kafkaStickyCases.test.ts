// Expected results copied from the assertions of Kafka's AbstractStickyAssignorTest (same
// inputs, our API): they pin the constrained algorithm's quota rules, the partitions that change
// owner (partitionsTransferringOwnership) and the Java HashMap iteration order Kafka's result
// depends on ("consumer3" is visited before "consumer2" before "consumer1").
import { describe, expect, it } from 'vitest';
import { cooperativeFirstRound, stickyAssign } from './stickyAssignor';
import type { AssignorMember, TopicPartitionTuple } from './types';
import { parseTpKey } from './types';

const tp = (t: string, p: number): TopicPartitionTuple => [t, p];
const both = ['topic1', 'topic2'];
const m = (id: string, owned: TopicPartitionTuple[] = [], topics = both): AssignorMember => ({ id, topics, owned, generation: 1 });
const asSet = (list: readonly TopicPartitionTuple[] | undefined) => new Set((list ?? []).map(([t, p]) => `${t}-${p}`));
const transfers = (r: ReturnType<typeof stickyAssign>) => Object.fromEntries([...r.transferring].map(([k, v]) => [parseTpKey(k).join('-'), v]));

describe('Kafka AbstractStickyAssignorTest cases', () => {
  it('testConsumerOwningMinQuotaExpectedMaxQuota', () => {
    const r = stickyAssign({ topics: { topic1: 2, topic2: 3 }, members: [m('consumer1', [tp('topic1', 0), tp('topic2', 1)]), m('consumer2', [tp('topic1', 1), tp('topic2', 2)])] });
    expect(asSet(r.assignment.consumer1)).toEqual(asSet([tp('topic1', 0), tp('topic2', 1), tp('topic2', 0)]));
    expect(asSet(r.assignment.consumer2)).toEqual(asSet([tp('topic1', 1), tp('topic2', 2)]));
    expect(r.transferring.size).toBe(0);
  });

  it('testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers (depends on HashMap order)', () => {
    const r = stickyAssign({
      topics: { topic1: 2, topic2: 2 },
      members: [m('consumer1', [tp('topic1', 0), tp('topic2', 0)]), m('consumer2', [tp('topic1', 1), tp('topic2', 1)]), m('consumer3')],
    });
    expect(transfers(r)).toEqual({ 'topic2-0': 'consumer3' });
    expect(asSet(r.assignment.consumer1)).toEqual(asSet([tp('topic1', 0)]));
    expect(asSet(r.assignment.consumer2)).toEqual(asSet([tp('topic1', 1), tp('topic2', 1)]));
    expect(asSet(r.assignment.consumer3)).toEqual(asSet([tp('topic2', 0)]));
  });

  it('testAllConsumersAreUnderMinQuota', () => {
    const r = stickyAssign({ topics: { topic1: 2, topic2: 3 }, members: [m('consumer1', [tp('topic1', 0)]), m('consumer2', [tp('topic1', 1)]), m('consumer3')] });
    expect(r.transferring.size).toBe(0);
    expect(asSet(r.assignment.consumer1)).toEqual(asSet([tp('topic1', 0), tp('topic2', 1)]));
    expect(asSet(r.assignment.consumer2)).toEqual(asSet([tp('topic1', 1), tp('topic2', 2)]));
    expect(asSet(r.assignment.consumer3)).toEqual(asSet([tp('topic2', 0)]));
  });

  it('testAddRemoveTwoConsumersTwoTopics', () => {
    const topics = { topic1: 3, topic2: 4 };
    const first = stickyAssign({ topics, members: [{ id: 'consumer1', topics: both }, { id: 'consumer2', topics: both }] });
    expect(asSet(first.assignment.consumer1)).toEqual(asSet([tp('topic1', 0), tp('topic1', 2), tp('topic2', 1), tp('topic2', 3)]));
    expect(asSet(first.assignment.consumer2)).toEqual(asSet([tp('topic1', 1), tp('topic2', 0), tp('topic2', 2)]));

    const second = stickyAssign({ topics, members: [m('consumer1', first.assignment.consumer1), m('consumer2', first.assignment.consumer2), m('consumer3'), m('consumer4')] });
    expect(transfers(second)).toEqual({ 'topic1-2': 'consumer3', 'topic2-3': 'consumer3', 'topic2-2': 'consumer4' });
    expect(asSet(second.assignment.consumer1)).toEqual(asSet([tp('topic1', 0), tp('topic2', 1)]));
    expect(asSet(second.assignment.consumer2)).toEqual(asSet([tp('topic2', 0), tp('topic1', 1)]));
    expect(asSet(second.assignment.consumer3)).toEqual(asSet([tp('topic1', 2), tp('topic2', 3)]));
    expect(asSet(second.assignment.consumer4)).toEqual(asSet([tp('topic2', 2)]));

    const third = stickyAssign({ topics, members: [m('consumer3', second.assignment.consumer3), m('consumer4', second.assignment.consumer4)] });
    expect(asSet(third.assignment.consumer3)).toEqual(asSet([tp('topic1', 2), tp('topic2', 3), tp('topic1', 0), tp('topic2', 1)]));
    expect(asSet(third.assignment.consumer4)).toEqual(asSet([tp('topic2', 2), tp('topic1', 1), tp('topic2', 0)]));
    expect(third.transferring.size).toBe(0);
  });

  it('testAddRemoveConsumerOneTopic: the joining consumer takes the transferred partition', () => {
    const r = stickyAssign({ topics: { topic: 3 }, members: [m('consumer1', [tp('topic', 0), tp('topic', 1), tp('topic', 2)], ['topic']), m('consumer2', [], ['topic'])] });
    expect(transfers(r)).toEqual({ 'topic-2': 'consumer2' });
  });

  it('testTopicBalanceAfterReassignment: each topic stays evenly split as consumers come and go', () => {
    const topics = { topic1: 12, topic2: 12 };
    const perTopic = (list: readonly TopicPartitionTuple[] | undefined, t: string) => (list ?? []).filter(([x]) => x === t).length;
    let a = stickyAssign({ topics, members: [m('consumer1')] }).assignment;
    a = stickyAssign({ topics, members: [m('consumer1', a.consumer1), m('consumer2')] }).assignment;
    for (const c of ['consumer1', 'consumer2']) expect([perTopic(a[c], 'topic1'), perTopic(a[c], 'topic2')]).toEqual([6, 6]);
    a = stickyAssign({ topics, members: [m('consumer1', a.consumer1), m('consumer2', a.consumer2), m('consumer3'), m('consumer4')] }).assignment;
    for (const c of ['consumer1', 'consumer2', 'consumer3', 'consumer4']) expect([perTopic(a[c], 'topic1'), perTopic(a[c], 'topic2')]).toEqual([3, 3]);
    a = stickyAssign({ topics, members: [m('consumer3', a.consumer3), m('consumer4', a.consumer4)] }).assignment;
    for (const c of ['consumer3', 'consumer4']) expect([perTopic(a[c], 'topic1'), perTopic(a[c], 'topic2')]).toEqual([6, 6]);
  });

  // AbstractStickyAssignorTest.testRackAwareAssignmentWithNonEqualSubscription, the cases
  // without racks: consumers "consumer0".."consumer2", owned partitions with no generation.
  const parse = (text: string): TopicPartitionTuple[] => (text ? text.split(', ').map((x) => [x.slice(0, x.lastIndexOf('-')), Number(x.slice(x.lastIndexOf('-') + 1))] as TopicPartitionTuple) : []);
  const show = (list: readonly TopicPartitionTuple[] | undefined) => (list ?? []).map(([t, p]) => `${t}-${p}`).sort().join(', ');
  const nonEqual = (owned: string[] | null) => ({
    topics: { t1: 6, t2: 7, t3: 2 },
    members: [['t1', 't2', 't3'], ['t1', 't2', 't3'], ['t1', 't3']].map((topics, i) => ({ id: `consumer${i}`, topics, ...(owned ? { owned: parse(owned[i]!) } : {}) })),
  });

  it('general algorithm, fresh: the non-rack-aware assignment Kafka expects', () => {
    const r = stickyAssign(nonEqual(null));
    expect(['consumer0', 'consumer1', 'consumer2'].map((c) => show(r.assignment[c]))).toEqual([
      't1-5, t2-0, t2-2, t2-4, t2-6',
      't1-3, t2-1, t2-3, t2-5, t3-0',
      't1-0, t1-1, t1-2, t1-4, t3-1',
    ]);
  });

  it('cooperative-sticky from misplaced owned partitions: the intermediate round, then the final one', () => {
    const owned = ['t1-0, t1-1, t1-2, t1-3, t1-4', 't1-5, t2-0, t2-1, t2-2, t2-3', 't2-4, t2-5, t2-6, t3-0, t3-1'];
    const first = cooperativeFirstRound(stickyAssign(nonEqual(owned)));
    const intermediate = ['consumer0', 'consumer1', 'consumer2'].map((c) => show(first[c]));
    expect(intermediate).toEqual(['t1-2, t1-3, t1-4', 't2-0, t2-1, t2-2, t2-3', 't3-0, t3-1']);
    const second = cooperativeFirstRound(stickyAssign(nonEqual(intermediate)));
    expect(['consumer0', 'consumer1', 'consumer2'].map((c) => show(second[c]))).toEqual([
      't1-2, t1-3, t1-4, t2-4, t2-5',
      't2-0, t2-1, t2-2, t2-3, t2-6',
      't1-0, t1-1, t1-5, t3-0, t3-1',
    ]);
  });

  it("testPoorRoundRobinAssignmentScenario: the sticky result documented in Kafka's test", () => {
    const all = ['topic1', 'topic2', 'topic3', 'topic4', 'topic5'];
    const odd = ['topic1', 'topic3', 'topic5'];
    const r = stickyAssign({
      topics: { topic1: 2, topic2: 1, topic3: 2, topic4: 1, topic5: 2 },
      members: [{ id: 'consumer1', topics: all }, { id: 'consumer2', topics: odd }, { id: 'consumer3', topics: odd }, { id: 'consumer4', topics: all }],
    });
    expect(['consumer1', 'consumer2', 'consumer3', 'consumer4'].map((c) => show(r.assignment[c]))).toEqual([
      'topic2-0, topic3-0',
      'topic1-0, topic3-1',
      'topic1-1, topic5-0',
      'topic4-0, topic5-1',
    ]);
  });
});
