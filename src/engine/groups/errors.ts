// Typed errors of the consumer-group layer, after Kafka's (and kafkajs's) group errors.
import { StormbenchError } from '../../lib/errors';

export class IllegalMemberStateError extends StormbenchError {
  constructor(member: string, from: string, to: string) {
    super(`Consumer ${member} cannot go from "${from}" to "${to}"; this is a bug in the caller's sequence of calls.`, {
      code: 'ILLEGAL_MEMBER_STATE',
      context: { member, from, to },
    });
  }
}

export class UnknownMemberIdError extends StormbenchError {
  constructor(group: string, member: string) {
    super(`Consumer ${member} is not a member of group ${group} (it left or was removed); it must rejoin.`, {
      code: 'UNKNOWN_MEMBER_ID',
      retriable: true,
      context: { group, member },
    });
  }
}

export class CommitFailedError extends StormbenchError {
  constructor(group: string, member: string, why: string) {
    super(`Commit by ${member} in group ${group} was rejected: ${why}. The records it processed will be delivered again to the partitions' new owner.`, {
      code: 'COMMIT_FAILED',
      retriable: false,
      context: { group, member },
    });
  }
}

export class NoOffsetForPartitionError extends StormbenchError {
  constructor(group: string, topic: string, partition: number) {
    super(`Group ${group} has no committed offset for ${topic}-${partition} and auto.offset.reset is "none"; commit an offset or choose earliest/latest.`, {
      code: 'NO_OFFSET_FOR_PARTITION',
      context: { group, topic, partition },
    });
  }
}
