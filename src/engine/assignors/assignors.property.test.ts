// Property tests of the invariants every Kafka assignor keeps, and of what makes the sticky
// assignors sticky: no more movement than balance needs, cooperative revokes ⊆ eager revokes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignPartitions } from './assignPartitions';
import { cooperativeFirstRound, stickyAssign } from './stickyAssignor';
import type { Assignment, AssignorInput, AssignorName, TopicPartitionTuple } from './types';
import { ASSIGNOR_NAMES, tpKey } from './types';

const TOPICS = ['alpha', 'beta', 'gamma'];

const inputArb: fc.Arbitrary<AssignorInput> = fc
  .record({
    counts: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })),
    members: fc.uniqueArray(
      fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/), topics: fc.subarray(TOPICS, { minLength: 1 }) }),
      { minLength: 1, maxLength: 8, selector: (m) => m.id },
    ),
  })
  .map(({ counts, members }) => ({ topics: { alpha: counts[0], beta: counts[1], gamma: counts[2] }, members }));

function checkValid(input: AssignorInput, a: Assignment): void {
  const owner = new Map<string, string>();
  for (const [member, list] of Object.entries(a)) {
    const m = input.members.find((x) => x.id === member)!;
    for (const [t, p] of list) {
      expect(m.topics, `${member} got ${t}-${p} without subscribing`).toContain(t);
      expect(owner.has(tpKey(t, p)), `${t}-${p} assigned twice`).toBe(false);
      owner.set(tpKey(t, p), member);
    }
  }
  for (const t of new Set(input.members.flatMap((m) => m.topics))) {
    for (let p = 0; p < (input.topics[t] ?? 0); p++) expect(owner.has(tpKey(t, p)), `${t}-${p} unassigned`).toBe(true);
  }
}

const sizes = (a: Assignment) => Object.values(a).map((l) => l.length);

describe('every assignor', () => {
  it.each(ASSIGNOR_NAMES)('%s: every subscribed partition is owned by exactly one member subscribed to its topic', (name: AssignorName) => {
    fc.assert(fc.property(inputArb, (input) => checkValid(input, assignPartitions(name, input))), { numRuns: 150 });
  });
});

/** Random previous ownership: each partition owned by some member or nobody (same generation). */
const withOwnershipArb = inputArb.chain((input) => {
  const all: TopicPartitionTuple[] = TOPICS.flatMap((t) => Array.from({ length: input.topics[t]! }, (_, p): TopicPartitionTuple => [t, p]));
  return fc.array(fc.integer({ min: -1, max: input.members.length - 1 }), { minLength: all.length, maxLength: all.length }).map((owners) => ({
    topics: input.topics,
    members: input.members.map((m, i) => ({ ...m, generation: 5, owned: all.filter(([t], j) => owners[j] === i && m.topics.includes(t)) })),
  }));
});

describe('sticky and cooperative-sticky', () => {
  it('with equal subscriptions the result is balanced (sizes differ by at most one)', () => {
    fc.assert(
      fc.property(withOwnershipArb, (input) => {
        const same = { ...input, members: input.members.map((m) => ({ ...m, topics: TOPICS, owned: m.owned })) };
        const s = sizes(assignPartitions('sticky', same));
        expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('move no more previously owned partitions than balance requires (constrained case)', () => {
    fc.assert(
      fc.property(withOwnershipArb, (input) => {
        const members = input.members.map((m) => ({ ...m, topics: TOPICS }));
        const total = TOPICS.reduce((s, t) => s + input.topics[t]!, 0);
        const n = members.length;
        const minQ = Math.floor(total / n);
        const extra = total % n;
        const owned = members.map((m) => m.owned.length);
        // Best possible: everyone keeps up to minQuota; `extra` members holding more keep one more.
        const maxKept = owned.reduce((s, o) => s + Math.min(o, minQ), 0) + Math.min(extra, owned.filter((o) => o > minQ).length);
        const a = assignPartitions('sticky', { topics: input.topics, members });
        let kept = 0;
        for (const m of members) {
          const mine = new Set(a[m.id]!.map(([t, p]) => tpKey(t, p)));
          kept += m.owned.filter(([t, p]) => mine.has(tpKey(t, p))).length;
        }
        expect(kept).toBe(maxKept);
      }),
      { numRuns: 200 },
    );
  });

  it('an already balanced assignment with unchanged members is returned unchanged (general case too)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const first = assignPartitions('sticky', input);
        const again = assignPartitions('sticky', { ...input, members: input.members.map((m) => ({ ...m, owned: first[m.id], generation: 1 })) });
        expect(again).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('cooperative: revocations are a subset of eager ones, and round one never hands out a partition someone else still owns', () => {
    fc.assert(
      fc.property(withOwnershipArb, (input) => {
        const outcome = stickyAssign(input);
        const first = cooperativeFirstRound(outcome);
        const ownerBefore = new Map<string, string>();
        for (const m of input.members) for (const [t, p] of m.owned) ownerBefore.set(tpKey(t, p), m.id);
        for (const m of input.members) {
          const target = new Set(outcome.assignment[m.id]!.map(([t, p]) => tpKey(t, p)));
          const eagerRevoked = new Set(m.owned.map(([t, p]) => tpKey(t, p)));
          const coopRevoked = [...eagerRevoked].filter((k) => !target.has(k));
          for (const k of coopRevoked) expect(eagerRevoked.has(k)).toBe(true);
          for (const [t, p] of first[m.id]!) {
            const prev = ownerBefore.get(tpKey(t, p));
            expect(prev === undefined || prev === m.id, `${t}-${p} given to ${m.id} while ${prev} owns it`).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
