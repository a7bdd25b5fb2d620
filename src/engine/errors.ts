// The engine's one error hierarchy, named after kafkajs's error classes (KafkaJSOffsetOutOfRange,
// KafkaJSNonRetriableError, ...) and the Kafka protocol errors a client would see in the same
// situation, so handler code can branch the same way. Built on StormbenchError: each has a code
// (the protocol error name where Kafka has one), a `retriable` flag (the producer and consumer
// retry those) and a message saying what to do. Every folder of src/engine throws these.
import { StormbenchError } from '../lib/errors';

type Ctx = Record<string, unknown>;

/** Base of every engine error; `type` mirrors the Kafka protocol error name. */
export class EngineError extends StormbenchError {
  constructor(message: string, code: string, retriable = false, context?: Ctx, cause?: unknown) {
    super(message, { code, retriable, ...(context ? { context } : {}), ...(cause !== undefined ? { cause } : {}) });
  }
  get type(): string {
    return this.code;
  }
}

export class UnknownTopicOrPartitionError extends EngineError {
  constructor(topic: string, partition?: number) {
    super(
      partition === undefined
        ? `Topic "${topic}" does not exist: create it with admin.createTopics first.`
        : `Partition ${partition} of topic "${topic}" does not exist: use a partition between 0 and the topic's partition count minus one.`,
      'UNKNOWN_TOPIC_OR_PARTITION',
      false,
      { topic, ...(partition === undefined ? {} : { partition }) },
    );
  }
}

export class InvalidTopicError extends EngineError {
  constructor(topic: string, reason: string) {
    super(`Invalid topic name "${topic}": ${reason}`, 'INVALID_TOPIC_EXCEPTION', false, { topic });
  }
}

export class TopicAlreadyExistsError extends EngineError {
  constructor(topic: string) {
    super(`Topic "${topic}" already exists: pick another name or delete it first.`, 'TOPIC_ALREADY_EXISTS', false, { topic });
  }
}

export class InvalidPartitionsError extends EngineError {
  constructor(message: string, context?: Ctx) {
    super(message, 'INVALID_PARTITIONS', false, context);
  }
}

export class InvalidConfigError extends EngineError {
  constructor(message: string, context?: Ctx) {
    super(message, 'INVALID_CONFIG', false, context);
  }
}

export class MessageTooLargeError extends EngineError {
  constructor(topic: string, size: number, max: number) {
    super(
      `A message of ${size} bytes is larger than max.message.bytes (${max}) of topic "${topic}": split it or raise the topic's max.message.bytes.`,
      'MESSAGE_TOO_LARGE',
      false,
      { topic, size, max },
    );
  }
}

/** A value, key or header of a type the wire format cannot carry (kafkajs wants string | Buffer | null). */
export class InvalidRecordError extends EngineError {
  constructor(message: string, context?: Ctx) {
    super(message, 'INVALID_RECORD', false, context);
  }
}

/** Kafka refuses keyless records on compacted topics (CorruptRecordException / INVALID_RECORD). */
export class KeylessRecordOnCompactedTopicError extends EngineError {
  constructor(topic: string) {
    super(
      `Topic "${topic}" is compacted (cleanup.policy=compact) and every record needs a key: give the message a key.`,
      'INVALID_RECORD',
      false,
      { topic },
    );
  }
}

export class OffsetOutOfRangeError extends EngineError {
  constructor(topic: string, partition: number, offset: string | number, low: string | number, high: string | number) {
    super(
      `Offset ${offset} is out of range for ${topic}/${partition} (valid ${low}..${high}): seek to an offset inside the range or reset with auto.offset.reset.`,
      'OFFSET_OUT_OF_RANGE',
      false,
      { topic, partition, offset: String(offset), low: String(low), high: String(high) },
    );
  }
}

export class OutOfOrderSequenceError extends EngineError {
  constructor(topic: string, partition: number, expected: number, got: number) {
    super(
      `The idempotent producer sent sequence ${got} to ${topic}/${partition} but the leader expected ${expected}; records in between were lost. Restart the producer (new producer id).`,
      'OUT_OF_ORDER_SEQUENCE_NUMBER',
      false,
      { topic, partition, expected, got },
    );
  }
}

/** A batch of an older producer epoch than the partition has seen (Kafka's INVALID_PRODUCER_EPOCH): the producer bumped its epoch since. */
export class InvalidProducerEpochError extends EngineError {
  constructor(topic: string, partition: number, epoch: number, current: number) {
    super(
      `A batch of producer epoch ${epoch} reached ${topic}/${partition}, which has seen epoch ${current}: the producer has started a new epoch since, so this batch is refused. Send the records again.`,
      'INVALID_PRODUCER_EPOCH',
      false,
      { topic, partition, epoch, current },
    );
  }
}

/** The request may have been applied but its answer was lost: retrying is safe with an idempotent producer. */
export class RequestTimeoutError extends EngineError {
  constructor(message = 'The request timed out before an answer came back: retry it.', context?: Ctx) {
    super(message, 'REQUEST_TIMED_OUT', true, context);
  }

  /** A produce request still waiting for acks=all after request.timeout.ms. */
  static forWrite(topic: string, partition: number, ms: number): RequestTimeoutError {
    return new RequestTimeoutError(`The write to ${topic}-${partition} was not acknowledged within ${ms} ms; it may or may not have been written. Retry it (an idempotent producer writes it once).`, { topic, partition, ms });
  }
}

/** acks=all refused before the append: nothing was written. */
export class NotEnoughReplicasError extends EngineError {
  constructor(topic: string, partition: number, isr: number, minIsr: number) {
    super(
      `Refused to write to ${topic}-${partition}: only ${isr} in-sync replica(s) but min.insync.replicas is ${minIsr} (acks=all). Nothing was written; restart brokers, wait for replicas to catch up, or lower min.insync.replicas.`,
      'NOT_ENOUGH_REPLICAS',
      true,
      { topic, partition, isr, minIsr },
    );
  }
}

export class NotEnoughReplicasAfterAppendError extends EngineError {
  constructor(topic: string, partition: number, isr: number, minIsr: number) {
    super(
      `${topic}-${partition}: the records were written but the ISR shrank to ${isr} (< min.insync.replicas ${minIsr}) before they were replicated; they are not acknowledged and a retry may duplicate them.`,
      'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
      true,
      { topic, partition, isr, minIsr },
    );
  }
}

export class NotLeaderOrFollowerError extends EngineError {
  constructor(topic: string, partition: number, broker: number) {
    super(`Broker ${broker} is not the leader of ${topic}-${partition} any more; refresh metadata and retry.`, 'NOT_LEADER_OR_FOLLOWER', true, { topic, partition, broker });
  }
}

export class LeaderNotAvailableError extends EngineError {
  constructor(topic: string, partition: number) {
    super(
      `${topic}-${partition} has no leader (every in-sync replica is down). Start a broker holding a replica, or enable unclean.leader.election.enable to accept data loss.`,
      'LEADER_NOT_AVAILABLE',
      true,
      { topic, partition },
    );
  }
}

export class BrokerNotAvailableError extends EngineError {
  constructor(broker: number) {
    super(`Broker ${broker} does not answer (it is down); the client will retry once a new leader is elected.`, 'BROKER_NOT_AVAILABLE', true, { broker });
  }
}

export class BrokerNotFoundError extends EngineError {
  constructor(id: number, count: number) {
    super(`There is no broker ${id}; brokers are numbered 1 to ${count}.`, 'BROKER_NOT_FOUND', false, { id, count });
  }
}

export class InvalidClusterConfigError extends EngineError {
  constructor(message: string, context: Ctx = {}) {
    super(message, 'INVALID_CLUSTER_CONFIG', false, context);
  }
}

export class StorageQuotaExceededError extends EngineError {
  constructor(cause: unknown) {
    super(
      'The browser refused to store more data (QuotaExceededError): delete topics or records, lower retention, or free disk space. Nothing from this request was written.',
      'STORAGE_QUOTA_EXCEEDED',
      false,
      undefined,
      cause,
    );
  }
}

export class StorageError extends EngineError {
  constructor(message: string, cause?: unknown) {
    super(`${message} Nothing from this request was written; retry, or reopen the cluster if it keeps failing.`, 'STORAGE_ERROR', true, undefined, cause);
  }
}

/** Event store: another writer appended to the key since the caller read it. */
export class ConcurrencyConflictError extends EngineError {
  constructor(topic: string, key: string, expected: number, actual: number) {
    super(
      `Key "${key}" of "${topic}" is at version ${actual}, not ${expected}: another writer got there first. Read the key again and retry with expectedVersion ${actual}.`,
      'CONCURRENCY_CONFLICT',
      false,
      { topic, key, expected, actual },
    );
  }
}

export class IllegalStateError extends EngineError {
  constructor(message: string, context?: Ctx) {
    super(message, 'ILLEGAL_STATE', false, context);
  }
}

export class ClusterClosedError extends EngineError {
  constructor() {
    super('The cluster was closed: create or reopen it before using it again.', 'CLUSTER_CLOSED');
  }
}

/** Groups: a member lifecycle call out of order (memberLifecycle.ts's transition table). */
export class IllegalMemberStateError extends EngineError {
  constructor(member: string, from: string, to: string) {
    super(`Consumer ${member} cannot go from "${from}" to "${to}"; this is a bug in the caller's sequence of calls.`, 'ILLEGAL_MEMBER_STATE', false, { member, from, to });
  }
}

export class UnknownMemberIdError extends EngineError {
  constructor(group: string, member: string) {
    super(`Consumer ${member} is not a member of group ${group} (it left or was removed); it must rejoin.`, 'UNKNOWN_MEMBER_ID', true, { group, member });
  }
}

export class CommitFailedError extends EngineError {
  constructor(group: string, member: string, why: string) {
    super(
      `Commit by ${member} in group ${group} was rejected: ${why}. The records it processed will be delivered again to the partitions' new owner.`,
      'COMMIT_FAILED',
      false,
      { group, member },
    );
  }
}

export class NoOffsetForPartitionError extends EngineError {
  constructor(group: string, topic: string, partition: number) {
    super(
      `Group ${group} has no committed offset for ${topic}-${partition} and auto.offset.reset is "none"; commit an offset or choose earliest/latest.`,
      'NO_OFFSET_FOR_PARTITION',
      false,
      { group, topic, partition },
    );
  }
}

export class UnknownAssignorError extends EngineError {
  constructor(name: string, known: readonly string[]) {
    super(`Unknown partition assignor "${name}". Use one of: ${known.join(', ')}.`, 'UNKNOWN_ASSIGNOR', false, { name });
  }
}

/** An acks=all wait on a virtual clock that nothing advances (virtualStallGuard.ts). */
export class VirtualClockStalledError extends EngineError {
  constructor(topic: string, partition: number, stallMs: number) {
    super(
      `The acks=all write to ${topic}-${partition} waits for replication, which takes simulated time, but this cluster runs on a virtual clock that nothing has advanced for ${stallMs} ms. Call cluster.advance(ms) (in a loop) while awaiting send(), commits and disconnect(), or create the cluster with clock: 'real'.`,
      'VIRTUAL_CLOCK_STALLED',
      false,
      { topic, partition, stallMs },
    );
  }
}

/**
 * Admin: a group's offsets can only be set while it has no members. Kafka's coordinator answers
 * an admin OffsetCommit (no member id, generation -1) to a non-empty group with
 * UNKNOWN_MEMBER_ID (pinned against a real broker in kafka/groupOffsets.kafka.test.ts); the
 * message reads like kafka-consumer-groups --reset-offsets, which refuses an active group.
 */
export class GroupNotInactiveError extends EngineError {
  constructor(group: string, state: string, members: number) {
    super(
      `Offsets of group "${group}" can only be reset while the group is inactive, but it is ${state} with ${members} member${members === 1 ? '' : 's'}: stop its consumers first (Kafka refuses the commit with UNKNOWN_MEMBER_ID).`,
      'UNKNOWN_MEMBER_ID',
      false,
      { group, state, members },
    );
  }
}

// Schema registry (schemaRegistry/): named after Confluent's registry errors and the
// serializers' exceptions, so a user who knows those recognises them.

/** A schema that does not parse as Avro or JSON Schema (Confluent answers 422 INVALID_SCHEMA). */
export class InvalidSchemaError extends EngineError {
  constructor(message: string, context?: Ctx) {
    super(message, 'INVALID_SCHEMA', false, context);
  }
}

/** Registering a schema the subject's compatibility level forbids (Confluent answers 409). */
export class IncompatibleSchemaError extends EngineError {
  constructor(
    readonly subject: string,
    readonly level: string,
    readonly messages: string[],
  ) {
    super(
      `Schema being registered is incompatible with an earlier schema for subject "${subject}" under ${level}: ${messages.join(' ')} Make the change compatible (e.g. give a new field a default, keep a removed field optional, rename through aliases) or change the subject's compatibility level.`,
      'INCOMPATIBLE_SCHEMA',
      false,
      { subject, level, messages },
    );
  }
}

/** An unknown subject, version or schema id. */
export class SchemaNotFoundError extends EngineError {
  constructor(message: string, code: 'SUBJECT_NOT_FOUND' | 'VERSION_NOT_FOUND' | 'SCHEMA_NOT_FOUND', context?: Ctx) {
    super(message, code, false, context);
  }
}

export class InvalidCompatibilityLevelError extends EngineError {
  constructor(level: string, known: readonly string[]) {
    super(`Unknown compatibility level "${level}". Use one of: ${known.join(', ')}.`, 'INVALID_COMPATIBILITY_LEVEL', false, { level });
  }
}

/** A value that does not match the schema it is serialised with: refused, nothing written. */
export class SchemaMismatchError extends EngineError {
  constructor(message: string, context?: Ctx) {
    super(message, 'SCHEMA_MISMATCH', false, context);
  }
}

/** Bytes that are not in the Confluent wire format (magic byte 0, 4-byte schema id). */
export class WireFormatError extends EngineError {
  constructor(message: string, context?: Ctx) {
    super(message, 'UNKNOWN_MAGIC_BYTE', false, context);
  }
}
