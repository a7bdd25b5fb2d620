// The trivial coordinator: one member per group gets every partition of its topics. Enough for
// single-consumer pipelines; the groups layer replaces it with real rebalancing.
import type { Engine } from '../broker/engine';
import { IllegalStateError } from '../errors';
import type { GroupCoordinator, GroupDescription, JoinRequest, JoinResult, TopicPartitions } from './groupCoordinator';
import { OffsetStore } from './offsetStore';

interface Group {
  memberId: string | null;
  clientId: string;
  generationId: number;
  topics: string[];
}

export class SingleMemberCoordinator implements GroupCoordinator {
  readonly offsets: OffsetStore;
  private readonly groups = new Map<string, Group>();
  private nextMember = 1;

  constructor(private readonly engine: Engine) {
    this.offsets = new OffsetStore(engine);
  }

  async join(req: JoinRequest): Promise<JoinResult> {
    let g = this.groups.get(req.groupId);
    if (g?.memberId && g.memberId !== req.memberId) {
      throw new IllegalStateError(`Group "${req.groupId}" already has a member: this build runs one consumer per group until multi-member groups are enabled.`, { groupId: req.groupId });
    }
    if (!g) this.groups.set(req.groupId, (g = { memberId: null, clientId: '', generationId: 0, topics: [] }));
    g.memberId = req.memberId || `${req.clientId ?? 'consumer'}-${this.nextMember++}`;
    g.clientId = req.clientId ?? 'consumer';
    g.generationId++;
    g.topics = [...req.topics];
    return { memberId: g.memberId, generationId: g.generationId, assignment: this.assignment(req.groupId, g.memberId) };
  }

  async leave(groupId: string, memberId: string): Promise<void> {
    const g = this.groups.get(groupId);
    if (g && g.memberId === memberId) g.memberId = null;
  }

  async heartbeat(): Promise<void> {}

  assignment(groupId: string, memberId: string): TopicPartitions[] {
    const g = this.groups.get(groupId);
    if (!g || g.memberId !== memberId) return [];
    return g.topics.filter((t) => this.engine.topics.has(t)).map((topic) => ({ topic, partitions: this.engine.topic(topic).partitions.map((p) => p.partition) }));
  }

  commit(groupId: string, offsets: { topic: string; partition: number; offset: string; metadata?: string | null }[]): Promise<void> {
    return this.offsets.commit(groupId, offsets);
  }

  fetchCommitted(groupId: string, topics?: string[]) {
    return this.offsets.fetch(groupId, topics);
  }

  describe(groupId: string): GroupDescription {
    const g = this.groups.get(groupId);
    if (!g) return { groupId, state: 'Dead', protocolType: 'consumer', protocol: '', members: [] };
    return {
      groupId,
      state: g.memberId ? 'Stable' : 'Empty',
      protocolType: 'consumer',
      protocol: 'RoundRobinAssigner',
      members: g.memberId ? [{ memberId: g.memberId, clientId: g.clientId, clientHost: '/engine', memberAssignment: this.assignment(groupId, g.memberId) }] : [],
    };
  }

  listGroups(): string[] {
    return [...new Set([...this.groups.keys(), ...this.offsets.groups()])];
  }
}
