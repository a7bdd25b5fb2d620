// Kafka's StickyAssignor and CooperativeStickyAssignor share AbstractStickyAssignor: resolve
// ownership claims, then run the constrained algorithm when all subscriptions are equal and the
// general one otherwise. The cooperative variant computes the same target; `firstRound` is what
// the cooperative protocol hands out first (the target minus partitions still owned elsewhere).
import { constrainedAssign } from './constrainedStickyAssign';
import { generalAssign } from './generalStickyAssign';
import { resolveOwnership } from './stickyOwnership';
import type { Assignment, AssignorInput } from './types';
import { parseTpKey, tpKey } from './types';

export interface StickyOutcome {
  readonly assignment: Assignment;
  /** "topic\0partition" → member that receives it after its previous owner revokes it. */
  readonly transferring: ReadonlyMap<string, string>;
  readonly algorithm: 'constrained' | 'general';
}

export function stickyAssign(input: AssignorInput): StickyOutcome {
  const subscribed = new Set(input.members.flatMap((m) => m.topics));
  const partitionsPerTopic = new Map<string, number>();
  for (const t of subscribed) {
    const n = input.topics[t];
    if (n !== undefined) partitionsPerTopic.set(t, n);
  }
  const assignment: Assignment = {};
  if (input.members.length === 0) return { assignment, transferring: new Map(), algorithm: 'constrained' };
  const claims = resolveOwnership(input.members, new Set(partitionsPerTopic.keys()));
  const result = claims.allSubscriptionsEqual ? constrainedAssign(partitionsPerTopic, claims) : generalAssign(partitionsPerTopic, claims);
  for (const m of input.members) assignment[m.id] = (result.assignment.get(m.id) ?? []).map(parseTpKey);
  const transferring = result.transferring ?? computeTransferring(input, assignment);
  return { assignment, transferring, algorithm: claims.allSubscriptionsEqual ? 'constrained' : 'general' };
}

/** CooperativeStickyAssignor.computePartitionsTransferringOwnership: added to one member and revoked from another. */
function computeTransferring(input: AssignorInput, assignment: Assignment): Map<string, string> {
  const added = new Map<string, string>();
  const revoked = new Set<string>();
  for (const m of input.members) {
    const owned = new Set((m.owned ?? []).map(([t, p]) => tpKey(t, p)));
    const target = new Set((assignment[m.id] ?? []).map(([t, p]) => tpKey(t, p)));
    for (const k of target) if (!owned.has(k)) added.set(k, m.id);
    for (const k of owned) if (!target.has(k)) revoked.add(k);
  }
  for (const k of [...added.keys()]) if (!revoked.has(k)) added.delete(k);
  return added;
}

/** What the cooperative protocol assigns in its first round: the target minus transferring partitions. */
export function cooperativeFirstRound(outcome: StickyOutcome): Assignment {
  const out: Assignment = {};
  for (const [member, list] of Object.entries(outcome.assignment)) {
    out[member] = list.filter(([t, p]) => outcome.transferring.get(tpKey(t, p)) !== member);
  }
  return out;
}
