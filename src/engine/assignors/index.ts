// Public surface of the assignors: the pure assignPartitions() plus what the group coordinator
// needs to run the cooperative protocol.
export { assignPartitions } from './assignPartitions';
export { stickyAssign, cooperativeFirstRound } from './stickyAssignor';
export type { StickyOutcome } from './stickyAssignor';
export type { AssignorName, AssignorInput, AssignorMember, Assignment, TopicPartitionTuple } from './types';
export { ASSIGNOR_NAMES, tpKey, parseTpKey, assignorFromName } from './types';
export { UnknownAssignorError } from '../errors';
