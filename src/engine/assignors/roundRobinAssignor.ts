// Kafka's RoundRobinAssignor: every subscribed topic-partition, topics sorted by name then
// partitions in order, dealt to members in MemberInfo order on a circular iterator that skips
// members not subscribed to the partition's topic.
import { sortMembers } from './memberOrder';
import type { Assignment, AssignorInput } from './types';
import { compareStrings } from './types';

export function roundRobinAssign(input: AssignorInput): Assignment {
  const assignment: Assignment = {};
  for (const m of input.members) assignment[m.id] = [];
  const members = sortMembers(input.members);
  if (members.length === 0) return assignment;
  const subscribed = members.map((m) => new Set(m.topics));
  const topics = [...new Set(input.members.flatMap((m) => m.topics))].sort(compareStrings);
  let cursor = 0;
  for (const topic of topics) {
    const count = input.topics[topic];
    if (count === undefined) continue;
    for (let p = 0; p < count; p++) {
      // Some member subscribes to this topic, so the skip loop ends.
      while (!subscribed[cursor]!.has(topic)) cursor = (cursor + 1) % members.length;
      assignment[members[cursor]!.id]!.push([topic, p]);
      cursor = (cursor + 1) % members.length;
    }
  }
  return assignment;
}
