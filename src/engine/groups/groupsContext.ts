// What the group layer needs from its surroundings: the clock, the cluster's event feed and
// ledger, partition counts and offsets, and timers for member expiry. Keeps the coordinator and
// members testable and free of the façade.
import type { Clock } from '../../lib/clock';
import type { EventFeed } from '../replication/eventFeed';
import type { Ledger } from '../replication/ledger';
import type { ConsumerMember } from './consumerMember';
import type { GroupCoordinator } from './groupCoordinator';
import type { GROUPS_DEFAULTS } from './types';
import type { FetchAnswer } from '../replication/clusterSim';

export interface GroupsContext {
  readonly clock: Clock;
  readonly feed: EventFeed;
  readonly ledger: Ledger;
  readonly options: typeof GROUPS_DEFAULTS;
  partitionCount(topic: string): number;
  offsets(topic: string, partition: number): { low: number; high: number } | null;
  fetch(topic: string, partition: number, offset: number, max: number): FetchAnswer;
  scheduleExpiry(group: GroupCoordinator, member: ConsumerMember): void;
  /** Checkers listen to every delivery. */
  onDeliver?: (group: string, topic: string, partition: number, offset: number, id: number) => void;
}
