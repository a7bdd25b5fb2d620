// Typed errors of the replicated cluster, named after the Kafka protocol errors (and kafkajs's
// classes) a client would see in the same situation. They extend the engine's EngineError so the
// engine's producer retries the retriable ones, as kafkajs does.
import { EngineError } from '../errors';

interface Where {
  topic: string;
  partition: number;
}

export class NotEnoughReplicasError extends EngineError {
  constructor(w: Where, isr: number, minIsr: number) {
    super(
      `Refused to write to ${w.topic}-${w.partition}: only ${isr} in-sync replica(s) but min.insync.replicas is ${minIsr} (acks=all). Nothing was written; restart brokers or lower min.insync.replicas.`,
      'NOT_ENOUGH_REPLICAS',
      true,
      { ...w, isr, minIsr },
    );
  }
}

export class NotEnoughReplicasAfterAppendError extends EngineError {
  constructor(w: Where, isr: number, minIsr: number) {
    super(
      `${w.topic}-${w.partition}: the records were written but the ISR shrank to ${isr} (< min.insync.replicas ${minIsr}) before they were replicated; they are not acknowledged and a retry may duplicate them.`,
      'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
      true,
      { ...w, isr, minIsr },
    );
  }
}

export class NotLeaderOrFollowerError extends EngineError {
  constructor(w: Where, broker: number) {
    super(`Broker ${broker} is not the leader of ${w.topic}-${w.partition} any more; refresh metadata and retry.`, 'NOT_LEADER_OR_FOLLOWER', true, { ...w, broker });
  }
}

export class LeaderNotAvailableError extends EngineError {
  constructor(w: Where) {
    super(`${w.topic}-${w.partition} has no leader (every in-sync replica is down). Start a broker holding a replica, or enable unclean.leader.election.enable to accept data loss.`, 'LEADER_NOT_AVAILABLE', true, { ...w });
  }
}

export class RequestTimedOutError extends EngineError {
  constructor(w: Where, ms: number) {
    super(`The write to ${w.topic}-${w.partition} was not acknowledged within ${ms} ms; it may or may not have been written.`, 'REQUEST_TIMED_OUT', true, { ...w, ms });
  }
}

export class UnknownTopicOrPartitionError extends EngineError {
  constructor(w: Where) {
    super(`This cluster has no partition ${w.topic}-${w.partition}; create the topic first or check the partition number.`, 'UNKNOWN_TOPIC_OR_PARTITION', false, { ...w });
  }
}

export class OffsetOutOfRangeError extends EngineError {
  constructor(w: Where, offset: number, start: number, end: number) {
    super(`Offset ${offset} is outside ${w.topic}-${w.partition}'s range [${start}, ${end}]; reset the position (auto.offset.reset).`, 'OFFSET_OUT_OF_RANGE', false, { ...w, offset, start, end });
  }
}

export class InvalidClusterConfigError extends EngineError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super(message, 'INVALID_CLUSTER_CONFIG', false, context);
  }
}

export class BrokerNotFoundError extends EngineError {
  constructor(id: number, count: number) {
    super(`There is no broker ${id}; brokers are numbered 1 to ${count}.`, 'BROKER_NOT_FOUND', false, { id, count });
  }
}

export class BrokerNotAvailableError extends EngineError {
  constructor(broker: number) {
    super(`Broker ${broker} does not answer (it is down); the client will retry once a new leader is elected.`, 'BROKER_NOT_AVAILABLE', true, { broker });
  }
}

export class OutOfOrderSequenceError extends EngineError {
  constructor(w: Where, expected: number, got: number) {
    super(`${w.topic}-${w.partition}: the idempotent producer sent sequence ${got} but the leader expected ${expected}; records in between were lost. Restart the producer (new producer id).`, 'OUT_OF_ORDER_SEQUENCE_NUMBER', false, { ...w, expected, got });
  }
}
