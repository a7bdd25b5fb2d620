// Group answers shared by the consumer and admin clients: DescribeGroups in kafkajs's shape,
// and loading a group's committed offsets from __consumer_offsets into the coordinator (after
// a reopen the coordinator's memory is empty, as a Kafka coordinator loads its partition).
import type { OffsetStore } from '../broker/offsetStore';
import type { ConsumerGroups } from '../groups/consumerGroups';
import type { GroupDescription, TopicPartitions } from './types';

/** What the consumer and admin clients reach of the group layer (createCluster wires it). */
export interface GroupsAccess {
  readonly groups: ConsumerGroups;
  readonly offsets: OffsetStore;
  /** Resolves once every commit accepted so far is stored in __consumer_offsets. */
  persisted(): Promise<void>;
  /** Resolves once every commit accepted so far is written to its __consumer_offsets leader (acknowledged or not). */
  written(): Promise<void>;
}

const loaded = new WeakMap<GroupsAccess, Set<string>>();

export async function loadCommittedOffsets(access: GroupsAccess, groupId: string): Promise<void> {
  let groups = loaded.get(access);
  if (!groups) loaded.set(access, (groups = new Set()));
  if (groups.has(groupId)) return;
  groups.add(groupId);
  const committed = access.groups.group(groupId).committed;
  for (const c of await access.offsets.fetch(groupId)) {
    const k = `${c.topic}\u0000${c.partition}`;
    if (c.offset !== '-1' && !committed.has(k)) committed.set(k, Number(c.offset));
  }
}

const toTopicPartitions = (labels: readonly string[]): TopicPartitions[] => {
  const byTopic = new Map<string, number[]>();
  for (const l of labels) {
    const at = l.lastIndexOf('-');
    const topic = l.slice(0, at);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), Number(l.slice(at + 1))]);
  }
  return [...byTopic.keys()].sort().map((topic) => ({ topic, partitions: byTopic.get(topic)!.sort((a, b) => a - b) }));
};

export function describeGroup(access: GroupsAccess, groupId: string): GroupDescription {
  const snap = access.groups.snapshot().find((g) => g.groupId === groupId);
  if (!snap) return { groupId, state: 'Dead', protocolType: 'consumer', protocol: '', members: [] };
  const state = snap.state === 'Empty' || snap.state === 'PreparingRebalance' || snap.state === 'CompletingRebalance' || snap.state === 'Stable' ? snap.state : 'Dead';
  return {
    groupId,
    state,
    protocolType: 'consumer',
    protocol: snap.members.length > 0 ? snap.assignor : '',
    members: snap.members.map((m) => ({ memberId: m.id, clientId: m.id.replace(/-\d+$/, ''), clientHost: '/engine', memberAssignment: toTopicPartitions(m.assignment) })),
  };
}
