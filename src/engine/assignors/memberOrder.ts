// Kafka's AbstractPartitionAssignor.MemberInfo ordering, used by range and roundrobin: static
// members (group.instance.id set) first, ordered by instance id; then dynamic members by member id.
import type { AssignorMember } from './types';
import { compareStrings } from './types';

export function compareMembers(a: AssignorMember, b: AssignorMember): number {
  const ia = a.groupInstanceId;
  const ib = b.groupInstanceId;
  if (ia !== undefined && ib !== undefined) return compareStrings(ia, ib);
  if (ia !== undefined) return -1;
  if (ib !== undefined) return 1;
  return compareStrings(a.id, b.id);
}

export function sortMembers(members: readonly AssignorMember[]): AssignorMember[] {
  return [...members].sort(compareMembers);
}
