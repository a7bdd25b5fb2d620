// The first step of Kafka's AbstractStickyAssignor (allSubscriptionsEqual): decide which owned
// partitions each member may keep claiming. A partition claimed by two members of the same
// generation is taken from both; across generations the newer claim wins. Also reports whether
// every member has the same subscription, which selects the constrained algorithm.
import { javaHashOrder, javaStringHash } from './javaHashOrder';
import type { AssignorMember } from './types';
import { DEFAULT_GENERATION, tpKey } from './types';

export interface OwnershipClaims {
  /** Members in the order Kafka's HashMap of subscriptions iterates them. */
  readonly order: readonly AssignorMember[];
  /** Valid owned partitions per member (as tp keys, in the member's reported order). */
  readonly owned: Map<string, string[]>;
  readonly multiplyClaimed: Set<string>;
  readonly allSubscriptionsEqual: boolean;
  readonly maxGeneration: number;
}

export function resolveOwnership(members: readonly AssignorMember[], topics: ReadonlySet<string>): OwnershipClaims {
  const order = javaHashOrder(members, (m) => javaStringHash(m.id));
  const owned = new Map<string, string[]>();
  const multiplyClaimed = new Set<string>();
  const previousOwner = new Map<string, string>();
  const generationOf = new Map(members.map((m) => [m.id, m.generation ?? DEFAULT_GENERATION]));
  let allEqual = true;
  let first: Set<string> | undefined;
  let maxGeneration = DEFAULT_GENERATION;

  for (const member of order) {
    const subscribed = new Set(member.topics);
    if (!first) first = subscribed;
    else if (allEqual && !(subscribed.size === first.size && [...subscribed].every((t) => first!.has(t)))) allEqual = false;

    const generation = member.generation ?? DEFAULT_GENERATION;
    maxGeneration = Math.max(maxGeneration, generation);
    const mine: string[] = [];
    owned.set(member.id, mine);
    for (const [topic, partition] of member.owned ?? []) {
      if (!topics.has(topic)) continue;
      const key = tpKey(topic, partition);
      const other = previousOwner.get(key);
      if (other === undefined) {
        mine.push(key);
        previousOwner.set(key, member.id);
        continue;
      }
      const otherGeneration = generationOf.get(other) ?? DEFAULT_GENERATION;
      if (generation === otherGeneration) {
        multiplyClaimed.add(key);
        removeFrom(owned.get(other), key);
        previousOwner.set(key, member.id);
      } else if (generation > otherGeneration) {
        mine.push(key);
        removeFrom(owned.get(other), key);
        previousOwner.set(key, member.id);
      }
    }
  }
  return { order, owned, multiplyClaimed, allSubscriptionsEqual: allEqual, maxGeneration };
}

function removeFrom(list: string[] | undefined, key: string): void {
  if (!list) return;
  const i = list.indexOf(key);
  if (i >= 0) list.splice(i, 1);
}
