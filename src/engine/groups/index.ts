// Consumer groups over the replicated cluster.
export { ConsumerGroups } from './consumerGroups';
export type { GroupSnapshot } from './consumerGroups';
export type { MemberOptions, GroupsOptions, CommitMode, OffsetReset } from './types';
export type { RebalanceEpisode } from './pauseTracker';
export type { LagSample } from './lagSeries';
export type { DeliveryLease, DeliveryListener } from './groupsContext';
export { CommitFailedError, NoOffsetForPartitionError, UnknownMemberIdError, IllegalMemberStateError } from '../errors';
