// Typed errors of the replicated cluster, named after the Kafka protocol errors (and kafkajs's
// classes) a client would see in the same situation.
import { StormbenchError } from '../../lib/errors';

interface Where {
  topic: string;
  partition: number;
}

export class NotEnoughReplicasError extends StormbenchError {
  constructor(w: Where, isr: number, minIsr: number) {
    super(
      `Refused to write to ${w.topic}-${w.partition}: only ${isr} in-sync replica(s) but min.insync.replicas is ${minIsr} (acks=all). Nothing was written; restart brokers or lower min.insync.replicas.`,
      { code: 'NOT_ENOUGH_REPLICAS', retriable: true, context: { ...w, isr, minIsr } },
    );
  }
}

export class NotEnoughReplicasAfterAppendError extends StormbenchError {
  constructor(w: Where, isr: number, minIsr: number) {
    super(
      `${w.topic}-${w.partition}: the records were written but the ISR shrank to ${isr} (< min.insync.replicas ${minIsr}) before they were replicated; they are not acknowledged and a retry may duplicate them.`,
      { code: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', retriable: true, context: { ...w, isr, minIsr } },
    );
  }
}

export class NotLeaderOrFollowerError extends StormbenchError {
  constructor(w: Where, broker: number) {
    super(`Broker ${broker} is not the leader of ${w.topic}-${w.partition} any more; refresh metadata and retry.`, {
      code: 'NOT_LEADER_OR_FOLLOWER',
      retriable: true,
      context: { ...w, broker },
    });
  }
}

export class LeaderNotAvailableError extends StormbenchError {
  constructor(w: Where) {
    super(`${w.topic}-${w.partition} has no leader (every in-sync replica is down). Start a broker holding a replica, or enable unclean.leader.election.enable to accept data loss.`, {
      code: 'LEADER_NOT_AVAILABLE',
      retriable: true,
      context: { ...w },
    });
  }
}

export class RequestTimedOutError extends StormbenchError {
  constructor(w: Where, ms: number) {
    super(`The write to ${w.topic}-${w.partition} was not acknowledged within ${ms} ms; it may or may not have been written.`, {
      code: 'REQUEST_TIMED_OUT',
      retriable: true,
      context: { ...w, ms },
    });
  }
}

export class UnknownTopicOrPartitionError extends StormbenchError {
  constructor(w: Where) {
    super(`This cluster has no partition ${w.topic}-${w.partition}; create the topic first or check the partition number.`, {
      code: 'UNKNOWN_TOPIC_OR_PARTITION',
      retriable: false,
      context: { ...w },
    });
  }
}

export class OffsetOutOfRangeError extends StormbenchError {
  constructor(w: Where, offset: number, start: number, end: number) {
    super(`Offset ${offset} is outside ${w.topic}-${w.partition}'s range [${start}, ${end}]; reset the position (auto.offset.reset).`, {
      code: 'OFFSET_OUT_OF_RANGE',
      retriable: false,
      context: { ...w, offset, start, end },
    });
  }
}

export class InvalidClusterConfigError extends StormbenchError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super(message, { code: 'INVALID_CLUSTER_CONFIG', context });
  }
}

export class BrokerNotFoundError extends StormbenchError {
  constructor(id: number, count: number) {
    super(`There is no broker ${id}; brokers are numbered 1 to ${count}.`, { code: 'BROKER_NOT_FOUND', context: { id, count } });
  }
}

export class BrokerNotAvailableError extends StormbenchError {
  constructor(broker: number) {
    super(`Broker ${broker} does not answer (it is down); the client will retry once a new leader is elected.`, {
      code: 'BROKER_NOT_AVAILABLE',
      retriable: true,
      context: { broker },
    });
  }
}
