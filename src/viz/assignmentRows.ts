// One row per partition a consumer group reads, as Kafka's kafka-consumer-groups --describe
// prints them: which member owns it, the committed offset, the log end a consumer sees (the
// high watermark) and the lag between them.
import type { GroupView, PartitionView } from '../store/simStore';

export interface AssignmentRow {
  /** "topic-partition" */
  partition: string;
  /** The owning member, or null while the partition is unassigned (rebalancing, no member). */
  member: string | null;
  /** null until the group commits an offset for the partition. */
  committed: number | null;
  logEnd: number | null;
  lag: number;
}

const splitKey = (k: string): [string, number] => {
  const i = k.lastIndexOf('-');
  return [k.slice(0, i), Number(k.slice(i + 1))];
};

export function assignmentRows(g: Pick<GroupView, 'members' | 'committed' | 'lag'>, partitions: readonly Pick<PartitionView, 'topic' | 'partition' | 'highWatermark'>[]): AssignmentRow[] {
  const owner = new Map<string, string>();
  for (const m of g.members) for (const k of m.assignment) owner.set(k, m.id);
  const hw = new Map(partitions.map((p) => [`${p.topic}-${p.partition}`, p.highWatermark]));
  const keys = new Set([...Object.keys(g.lag), ...owner.keys()]);
  return [...keys]
    .map((k) => ({ k, s: splitKey(k) }))
    .sort((a, b) => (a.s[0] < b.s[0] ? -1 : a.s[0] > b.s[0] ? 1 : a.s[1] - b.s[1]))
    .map(({ k }) => ({ partition: k, member: owner.get(k) ?? null, committed: g.committed[k] ?? null, logEnd: hw.get(k) ?? null, lag: g.lag[k] ?? 0 }));
}
