// The assignor boundary shared by the pure assignors, the group coordinator and DESIGN.md's
// assignPartitions(): plain data in, plain data out, so the UI and tests can call it directly.
export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';

export const ASSIGNOR_NAMES: readonly AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

/** [topic, partition], as DESIGN.md's assignPartitions returns it. */
export type TopicPartitionTuple = [topic: string, partition: number];

export interface AssignorMember {
  readonly id: string;
  readonly topics: readonly string[];
  /** What the member held when it last belonged to the group (sticky assignors only). */
  readonly owned?: readonly TopicPartitionTuple[];
  /** The generation `owned` was held in; absent means unknown (Kafka's DEFAULT_GENERATION, -1). */
  readonly generation?: number;
  /** Set for a static member (group.instance.id); range and roundrobin order by it. */
  readonly groupInstanceId?: string;
}

export interface AssignorInput {
  readonly topics: Readonly<Record<string, number>>;
  readonly members: readonly AssignorMember[];
}

export type Assignment = Record<string, TopicPartitionTuple[]>;

export const DEFAULT_GENERATION = -1;

/** A compact map key for a topic-partition; the NUL separator cannot occur in a topic name. */
export function tpKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

export function parseTpKey(key: string): TopicPartitionTuple {
  const i = key.lastIndexOf('\u0000');
  return [key.slice(0, i), Number(key.slice(i + 1))];
}

/** Kafka compares topic names with String.compareTo: UTF-16 code units, like JS `<`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareTopicPartition(a: TopicPartitionTuple, b: TopicPartitionTuple): number {
  return compareStrings(a[0], b[0]) || a[1] - b[1];
}

/** Sorted output: each member's partitions by topic then partition (Kafka's lists are unordered sets). */
export function sortAssignment(assignment: Assignment): Assignment {
  const out: Assignment = {};
  for (const id of Object.keys(assignment).sort(compareStrings)) {
    out[id] = [...(assignment[id] ?? [])].sort(compareTopicPartition);
  }
  return out;
}

/** kafkajs and Java assignor names (e.g. "RoundRobinAssigner", "CooperativeStickyAssignor") to ours. */
export function assignorFromName(name: string): AssignorName {
  const n = name.toLowerCase();
  if (n.includes('cooperative')) return 'cooperative-sticky';
  if (n.includes('sticky')) return 'sticky';
  if (n.includes('range')) return 'range';
  return 'roundrobin';
}
