// Kafka's AbstractStickyAssignor.ConstrainedAssignmentBuilder (no racks), used when every member
// has the same subscription: keep owned partitions up to the quota (maxQuota for as many members
// as the remainder allows, minQuota for the rest), then deal the unassigned partitions, sorted by
// topic and partition, round robin over the sorted under-quota members, then one each to the
// members at minQuota. Records which partitions change owner, for the cooperative protocol.
import type { OwnershipClaims } from './stickyOwnership';
import { compareStrings, parseTpKey, tpKey } from './types';

export interface StickyResult {
  readonly assignment: Map<string, string[]>;
  /** Partition → new owner, for partitions a previous owner must revoke first. */
  readonly transferring: Map<string, string> | undefined;
}

export function constrainedAssign(partitionsPerTopic: ReadonlyMap<string, number>, claims: OwnershipClaims): StickyResult {
  let total = 0;
  for (const n of partitionsPerTopic.values()) total += n;
  const memberCount = claims.order.length;
  const minQuota = Math.floor(total / memberCount);
  const maxQuota = Math.ceil(total / memberCount);
  const expectedOverMin = total % memberCount;
  let currentOverMin = 0;

  const assignment = new Map<string, string[]>();
  const assigned = new Set<string>();
  const revoked = new Set<string>();
  const transferring = new Map<string, string>();
  const underMin: string[] = [];
  let exactlyMin: string[] = [];

  for (const member of claims.order) {
    const list: string[] = [];
    assignment.set(member.id, list);
    // Kafka sorts owned partitions by partition number first, then topic.
    const owned = (claims.owned.get(member.id) ?? [])
      .filter((k) => !claims.multiplyClaimed.has(k))
      .map(parseTpKey)
      .sort((a, b) => a[1] - b[1] || compareStrings(a[0], b[0]))
      .map(([t, p]) => tpKey(t, p));
    if (owned.length < minQuota) {
      for (const k of owned) { list.push(k); assigned.add(k); }
      underMin.push(member.id);
    } else if (owned.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      if (currentOverMin === expectedOverMin) exactlyMin = [];
      owned.forEach((k, i) => {
        if (i < maxQuota) { list.push(k); assigned.add(k); } else revoked.add(k);
      });
    } else {
      owned.forEach((k, i) => {
        if (i < minQuota) { list.push(k); assigned.add(k); } else revoked.add(k);
      });
      if (currentOverMin < expectedOverMin) exactlyMin.push(member.id);
    }
  }

  const unassigned: string[] = [];
  for (const topic of [...partitionsPerTopic.keys()].sort(compareStrings)) {
    const n = partitionsPerTopic.get(topic)!;
    for (let p = 0; p < n; p++) {
      const k = tpKey(topic, p);
      if (!assigned.has(k)) unassigned.push(k);
    }
  }
  underMin.sort(compareStrings);
  exactlyMin.sort(compareStrings);

  const give = (k: string, member: string): number => {
    const list = assignment.get(member)!;
    list.push(k);
    if (revoked.has(k) || claims.multiplyClaimed.has(k)) transferring.set(k, member);
    return list.length;
  };

  // A Java ListIterator over the under-minQuota members, restarted when it runs out.
  let cursor = 0;
  let last = -1;
  for (const k of unassigned) {
    let member: string;
    let fromIterator = false;
    if (cursor < underMin.length) {
      last = cursor++;
      member = underMin[last]!;
      fromIterator = true;
    } else if (underMin.length === 0 && exactlyMin.length === 0) {
      throw new Error('sticky assignor: no member left under quota (assignment invariant broken)');
    } else if (underMin.length === 0) {
      member = exactlyMin.shift()!;
    } else {
      cursor = 0;
      last = cursor++;
      member = underMin[last]!;
      fromIterator = true;
    }
    const count = give(k, member);
    if (count === minQuota && fromIterator) {
      underMin.splice(last, 1);
      cursor = last;
      exactlyMin.push(member);
    } else if (count === maxQuota) {
      currentOverMin++;
    }
  }
  return { assignment, transferring };
}
