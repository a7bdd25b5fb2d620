// One row per partition of a topic for one consumer group, as kafka-consumer-groups --describe
// prints them, for every partition of the topic — also while the group has no members (after
// its instances were removed, to reset its offsets), when only its committed offsets remain.
import type { GroupView, PartitionView } from '../../store/simStore';
import { assignmentRows, type AssignmentRow } from '../../viz/assignmentRows';

export function topicLagRows(g: Pick<GroupView, 'members' | 'committed' | 'lag'>, topic: string, partitions: readonly Pick<PartitionView, 'topic' | 'partition' | 'highWatermark'>[]): (AssignmentRow & { index: number })[] {
  const known = new Map(assignmentRows(g, partitions).map((r) => [r.partition, r]));
  return partitions
    .filter((p) => p.topic === topic)
    .sort((a, b) => a.partition - b.partition)
    .map((p) => {
      const key = `${topic}-${p.partition}`;
      const row = known.get(key);
      if (row) return { ...row, index: p.partition };
      const committed = g.committed[key] ?? null;
      return { partition: key, index: p.partition, member: null, committed, logEnd: p.highWatermark, lag: committed === null ? p.highWatermark : Math.max(0, p.highWatermark - committed) };
    });
}
