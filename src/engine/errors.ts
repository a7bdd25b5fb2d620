// The engine's typed errors, named after kafkajs's error classes (KafkaJSOffsetOutOfRange,
// KafkaJSNonRetriableError, ...) so handler code can branch the same way, but built on
// StormbenchError: each has a code, a `retriable` flag and a message saying what to do.
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
  constructor(topic: string, partition: number, offset: string, low: string, high: string) {
    super(
      `Offset ${offset} is out of range for ${topic}/${partition} (valid ${low}..${high}): seek to an offset inside the range or reset with auto.offset.reset.`,
      'OFFSET_OUT_OF_RANGE',
      false,
      { topic, partition, offset, low, high },
    );
  }
}

export class OutOfOrderSequenceError extends EngineError {
  constructor(topic: string, partition: number, expected: number, got: number) {
    super(
      `The idempotent producer sent sequence ${got} to ${topic}/${partition} but the broker expected ${expected}: restart the producer.`,
      'OUT_OF_ORDER_SEQUENCE_NUMBER',
      false,
      { topic, partition, expected, got },
    );
  }
}

/** The request may have been applied but its answer was lost: retrying is safe with an idempotent producer. */
export class RequestTimeoutError extends EngineError {
  constructor(message = 'The request timed out before an answer came back: retry it.') {
    super(message, 'REQUEST_TIMED_OUT', true);
  }
}

export class NotEnoughReplicasError extends EngineError {
  constructor(topic: string, partition: number, isr: number, min: number) {
    super(
      `Only ${isr} in-sync replicas for ${topic}/${partition}, min.insync.replicas is ${min}: wait for replicas to catch up or lower acks.`,
      'NOT_ENOUGH_REPLICAS',
      true,
      { topic, partition, isr, min },
    );
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
