// DESIGN.md's pure assignPartitions(strategy, { topics, members }): the same assignment Kafka's
// Java assignors compute for the same members and topics, each member's list sorted. For
// cooperative-sticky that is the round the group leader hands out (CooperativeStickyAssignor's
// assignPartitions): the sticky target minus partitions another member still owns, which their
// owners revoke before a follow-up rebalance hands them over.
import { InvariantError } from '../../lib/errors';
import { rangeAssign } from './rangeAssignor';
import { roundRobinAssign } from './roundRobinAssignor';
import { cooperativeFirstRound, stickyAssign } from './stickyAssignor';
import type { Assignment, AssignorInput, AssignorName } from './types';
import { ASSIGNOR_NAMES, sortAssignment } from './types';
import { UnknownAssignorError } from '../errors';

export function assignPartitions(strategy: AssignorName, input: AssignorInput): Assignment {
  const ids = new Set<string>();
  for (const m of input.members) {
    if (ids.has(m.id)) throw new InvariantError(`assignPartitions: member id ${m.id} appears twice`);
    ids.add(m.id);
  }
  switch (strategy) {
    case 'range':
      return sortAssignment(rangeAssign(input));
    case 'roundrobin':
      return sortAssignment(roundRobinAssign(input));
    case 'sticky':
      return sortAssignment(stickyAssign(input).assignment);
    case 'cooperative-sticky':
      return sortAssignment(cooperativeFirstRound(stickyAssign(input)));
    default:
      throw new UnknownAssignorError(String(strategy), ASSIGNOR_NAMES);
  }
}
