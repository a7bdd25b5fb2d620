// Kafka's RangeAssignor (no racks): per topic, partitions in numeric order are cut into
// contiguous ranges over the topic's subscribers in MemberInfo order; the first
// (partitions % subscribers) subscribers get one extra partition.
import { sortMembers } from './memberOrder';
import type { Assignment, AssignorInput } from './types';

export function rangeAssign(input: AssignorInput): Assignment {
  const assignment: Assignment = {};
  for (const m of input.members) assignment[m.id] = [];
  const topics = new Set(input.members.flatMap((m) => m.topics));
  for (const topic of topics) {
    const count = input.topics[topic];
    if (count === undefined) continue;
    const consumers = sortMembers(input.members.filter((m) => m.topics.includes(topic)));
    const per = Math.floor(count / consumers.length);
    const extra = count % consumers.length;
    consumers.forEach((member, i) => {
      const start = per * i + Math.min(i, extra);
      const length = per + (i + 1 > extra ? 0 : 1);
      const list = assignment[member.id]!;
      for (let p = start; p < start + length; p++) list.push([topic, p]);
    });
  }
  return assignment;
}
