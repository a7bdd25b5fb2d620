// The seam between consumers and group management. Consumers join, heartbeat, read their
// assignment and commit through this interface only; the groups layer replaces the trivial
// single-member implementation with real membership, assignors and rebalancing.
export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export interface JoinRequest {
  groupId: string;
  /** Empty on first join; the coordinator assigns one. */
  memberId?: string;
  clientId?: string;
  topics: string[];
  sessionTimeout: number;
  rebalanceTimeout: number;
  heartbeatInterval: number;
  /** Assignor names in preference order (kafkajs partitionAssigners). */
  assigners: string[];
  groupInstanceId?: string;
}

export interface JoinResult {
  memberId: string;
  generationId: number;
  assignment: TopicPartitions[];
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** The next offset to read (Kafka's committed offset semantics); '-1' when none. */
  offset: string;
  metadata: string | null;
}

export interface GroupDescription {
  groupId: string;
  state: 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';
  protocolType: string;
  protocol: string;
  members: { memberId: string; clientId: string; clientHost: string; memberAssignment: TopicPartitions[] }[];
}

export interface GroupCoordinator {
  join(req: JoinRequest): Promise<JoinResult>;
  leave(groupId: string, memberId: string): Promise<void>;
  /** Throws a retriable rebalance error when the member must rejoin. */
  heartbeat(groupId: string, memberId: string, generationId: number): Promise<void>;
  /** The member's current assignment (after join or a rebalance). */
  assignment(groupId: string, memberId: string): TopicPartitions[];
  commit(groupId: string, offsets: { topic: string; partition: number; offset: string; metadata?: string | null }[], memberId?: string, generationId?: number): Promise<void>;
  fetchCommitted(groupId: string, topics?: string[]): Promise<CommittedOffset[]>;
  describe(groupId: string): GroupDescription;
  listGroups(): string[];
}
