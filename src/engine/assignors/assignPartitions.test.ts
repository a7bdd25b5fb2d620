// Cases worked out from Kafka's own assignor tests (RangeAssignorTest, RoundRobinAssignorTest,
// AbstractStickyAssignorTest) and the assignors' documented behaviour.
import { describe, expect, it } from 'vitest';
import { assignPartitions } from './assignPartitions';
import { UnknownAssignorError } from '../errors';
import type { AssignorName } from './types';

const tp = (t: string, p: number): [string, number] => [t, p];

describe('range (Kafka RangeAssignor)', () => {
  it('one consumer, no topics: empty assignment', () => {
    expect(assignPartitions('range', { topics: {}, members: [{ id: 'c', topics: [] }] })).toEqual({ c: [] });
  });

  it('assigns only partitions of subscribed topics', () => {
    const a = assignPartitions('range', { topics: { topic: 3, other: 3 }, members: [{ id: 'c', topics: ['topic'] }] });
    expect(a).toEqual({ c: [tp('topic', 0), tp('topic', 1), tp('topic', 2)] });
  });

  it('two consumers, one topic, three partitions: the first consumer in id order gets the extra one', () => {
    const a = assignPartitions('range', { topics: { t: 3 }, members: [{ id: 'consumer2', topics: ['t'] }, { id: 'consumer1', topics: ['t'] }] });
    expect(a).toEqual({ consumer1: [tp('t', 0), tp('t', 1)], consumer2: [tp('t', 2)] });
  });

  it("the Javadoc example: C0, C1 over t0 and t1 with 3 partitions each", () => {
    const a = assignPartitions('range', { topics: { t0: 3, t1: 3 }, members: [{ id: 'C0', topics: ['t0', 't1'] }, { id: 'C1', topics: ['t0', 't1'] }] });
    expect(a).toEqual({ C0: [tp('t0', 0), tp('t0', 1), tp('t1', 0), tp('t1', 1)], C1: [tp('t0', 2), tp('t1', 2)] });
  });

  it('mixed subscriptions: each topic is divided among its own subscribers only', () => {
    const a = assignPartitions('range', {
      topics: { topic1: 3, topic2: 2 },
      members: [{ id: 'consumer1', topics: ['topic1'] }, { id: 'consumer2', topics: ['topic1', 'topic2'] }, { id: 'consumer3', topics: ['topic1'] }],
    });
    expect(a).toEqual({ consumer1: [tp('topic1', 0)], consumer2: [tp('topic1', 1), tp('topic2', 0), tp('topic2', 1)], consumer3: [tp('topic1', 2)] });
  });

  it('static members are ordered by group.instance.id before dynamic members (MemberInfo order)', () => {
    const a = assignPartitions('range', {
      topics: { t: 5 },
      members: [
        { id: 'a-dynamic', topics: ['t'] },
        { id: 'z-member', topics: ['t'], groupInstanceId: 'instance-1' },
        { id: 'b-member', topics: ['t'], groupInstanceId: 'instance-2' },
      ],
    });
    expect(a).toEqual({ 'z-member': [tp('t', 0), tp('t', 1)], 'b-member': [tp('t', 2), tp('t', 3)], 'a-dynamic': [tp('t', 4)] });
  });
});

describe('roundrobin (Kafka RoundRobinAssignor)', () => {
  it('two consumers, two topics, six partitions: dealt alternately in topic, partition order', () => {
    const a = assignPartitions('roundrobin', { topics: { t0: 3, t1: 3 }, members: [{ id: 'c0', topics: ['t0', 't1'] }, { id: 'c1', topics: ['t0', 't1'] }] });
    expect(a).toEqual({ c0: [tp('t0', 0), tp('t0', 2), tp('t1', 1)], c1: [tp('t0', 1), tp('t1', 0), tp('t1', 2)] });
  });

  it('mixed subscriptions: the circular iterator skips members not subscribed to the topic', () => {
    const a = assignPartitions('roundrobin', {
      topics: { topic1: 3, topic2: 2 },
      members: [{ id: 'consumer1', topics: ['topic1'] }, { id: 'consumer2', topics: ['topic1', 'topic2'] }, { id: 'consumer3', topics: ['topic1'] }],
    });
    expect(a).toEqual({ consumer1: [tp('topic1', 0)], consumer2: [tp('topic1', 1), tp('topic2', 0), tp('topic2', 1)], consumer3: [tp('topic1', 2)] });
  });

  it('static members keep their partitions when their member ids change (ordered by instance id)', () => {
    const run = (ids: [string, string]) =>
      assignPartitions('roundrobin', {
        topics: { t: 4 },
        members: [{ id: ids[0], topics: ['t'], groupInstanceId: 'i1' }, { id: ids[1], topics: ['t'], groupInstanceId: 'i2' }],
      });
    expect(run(['m-b', 'm-a'])['m-b']).toEqual(run(['x-1', 'x-0'])['x-1']);
    expect(run(['m-b', 'm-a'])['m-b']).toEqual([tp('t', 0), tp('t', 2)]);
  });
});

describe.each<AssignorName>(['sticky', 'cooperative-sticky'])('%s (Kafka AbstractStickyAssignor)', (strategy) => {
  it('two consumers, one topic, three partitions: round robin over sorted members, extra to the first', () => {
    const a = assignPartitions(strategy, { topics: { t: 3 }, members: [{ id: 'consumer1', topics: ['t'] }, { id: 'consumer2', topics: ['t'] }] });
    expect(a).toEqual({ consumer1: [tp('t', 0), tp('t', 2)], consumer2: [tp('t', 1)] });
  });

  it('two consumers, two topics, six partitions', () => {
    const a = assignPartitions(strategy, { topics: { t0: 3, t1: 3 }, members: [{ id: 'consumer1', topics: ['t0', 't1'] }, { id: 'consumer2', topics: ['t0', 't1'] }] });
    expect(a).toEqual({ consumer1: [tp('t0', 0), tp('t0', 2), tp('t1', 1)], consumer2: [tp('t0', 1), tp('t1', 0), tp('t1', 2)] });
  });

  it('a joining consumer takes one partition; the owner keeps the lowest-numbered ones', () => {
    const a = assignPartitions(strategy, {
      topics: { t: 3 },
      members: [{ id: 'consumer1', topics: ['t'], owned: [tp('t', 0), tp('t', 1), tp('t', 2)], generation: 1 }, { id: 'consumer2', topics: ['t'] }],
    });
    // Cooperative: t-2 still belongs to consumer1, which revokes it first; a follow-up round hands it over.
    expect(a).toEqual(strategy === 'sticky' ? { consumer1: [tp('t', 0), tp('t', 1)], consumer2: [tp('t', 2)] } : { consumer1: [tp('t', 0), tp('t', 1)], consumer2: [] });
  });

  it('a leaving consumer: the survivors keep theirs and split its partitions', () => {
    const a = assignPartitions(strategy, {
      topics: { t: 6 },
      members: [
        { id: 'c1', topics: ['t'], owned: [tp('t', 0), tp('t', 3)], generation: 2 },
        { id: 'c3', topics: ['t'], owned: [tp('t', 2), tp('t', 5)], generation: 2 },
      ],
    });
    expect(a.c1).toEqual(expect.arrayContaining([tp('t', 0), tp('t', 3)]));
    expect(a.c3).toEqual(expect.arrayContaining([tp('t', 2), tp('t', 5)]));
    expect(a.c1!.length + a.c3!.length).toBe(6);
    expect(a.c1!.length).toBe(3);
  });

  it('mixed subscriptions use the general algorithm: topics with fewer consumers are placed first', () => {
    const a = assignPartitions(strategy, {
      topics: { topic1: 3, topic2: 2 },
      members: [{ id: 'consumer1', topics: ['topic1'] }, { id: 'consumer2', topics: ['topic1', 'topic2'] }, { id: 'consumer3', topics: ['topic1'] }],
    });
    expect(a).toEqual({ consumer1: [tp('topic1', 0), tp('topic1', 2)], consumer2: [tp('topic2', 0), tp('topic2', 1)], consumer3: [tp('topic1', 1)] });
  });

  it('a partition claimed by two members of the same generation is taken from both', () => {
    const a = assignPartitions(strategy, {
      topics: { t: 2 },
      members: [
        { id: 'c1', topics: ['t'], owned: [tp('t', 0), tp('t', 1)], generation: 3 },
        { id: 'c2', topics: ['t'], owned: [tp('t', 1)], generation: 3 },
      ],
    });
    // t-1 is invalidated, so c1 keeps only t-0 and t-1 is dealt as a new partition to c2.
    // (cooperative: c2 gets it once c1, which still lists it, has revoked it)
    expect(a).toEqual(strategy === 'sticky' ? { c1: [tp('t', 0)], c2: [tp('t', 1)] } : { c1: [tp('t', 0)], c2: [] });
  });

  it('across generations the newer claim wins', () => {
    const a = assignPartitions(strategy, {
      topics: { t: 2 },
      members: [
        { id: 'c1', topics: ['t'], owned: [tp('t', 0), tp('t', 1)], generation: 4 },
        { id: 'c2', topics: ['t'], owned: [tp('t', 0)], generation: 3 },
      ],
    });
    expect(a).toEqual(strategy === 'sticky' ? { c1: [tp('t', 0)], c2: [tp('t', 1)] } : { c1: [tp('t', 0)], c2: [] });
  });

  it('which over-quota owner keeps maxQuota follows Java HashMap iteration order ("p" before "a")', () => {
    // "p" hashes to bucket 0 and "a" to bucket 1 of a 16-bucket HashMap, so Kafka visits "p" first.
    const a = assignPartitions(strategy, {
      topics: { t: 4 },
      members: [
        { id: 'a', topics: ['t'], owned: [tp('t', 0), tp('t', 1)], generation: 1 },
        { id: 'p', topics: ['t'], owned: [tp('t', 2), tp('t', 3)], generation: 1 },
        { id: 'z', topics: ['t'] },
      ],
    });
    expect(a).toEqual(strategy === 'sticky' ? { a: [tp('t', 0)], p: [tp('t', 2), tp('t', 3)], z: [tp('t', 1)] } : { a: [tp('t', 0)], p: [tp('t', 2), tp('t', 3)], z: [] });
  });
});

describe("cooperative-sticky returns what Kafka's CooperativeStickyAssignor hands out, not the sticky target", () => {
  // Kafka 4.4, CooperativeStickyAssignor.assignPartitions: the target minus every partition that
  // moves to another member while its previous owner still holds it (checked against the Java
  // assignor in src/engine/kafka/javaOracle.kafka.test.ts).
  it('a partition moving between members is withheld from its new owner for this round', () => {
    const input = {
      topics: { t: 4 },
      members: [
        { id: 'c1', topics: ['t'], owned: [tp('t', 0), tp('t', 1), tp('t', 2), tp('t', 3)], generation: 5 },
        { id: 'c2', topics: ['t'], owned: [], generation: 5 },
      ],
    };
    expect(assignPartitions('sticky', input)).toEqual({ c1: [tp('t', 0), tp('t', 1)], c2: [tp('t', 2), tp('t', 3)] });
    expect(assignPartitions('cooperative-sticky', input)).toEqual({ c1: [tp('t', 0), tp('t', 1)], c2: [] });
  });

  it('partitions nobody owned go to their new owner at once', () => {
    const input = { topics: { t: 4 }, members: [{ id: 'c1', topics: ['t'], owned: [tp('t', 0), tp('t', 1)], generation: 2 }, { id: 'c2', topics: ['t'] }] };
    expect(assignPartitions('cooperative-sticky', input)).toEqual({ c1: [tp('t', 0), tp('t', 1)], c2: [tp('t', 2), tp('t', 3)] });
  });
});

it('an unknown strategy is a typed error', () => {
  expect(() => assignPartitions('bogus' as AssignorName, { topics: {}, members: [] })).toThrow(UnknownAssignorError);
});
