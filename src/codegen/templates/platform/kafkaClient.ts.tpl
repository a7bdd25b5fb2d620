// What the platform needs from a Kafka client library. kafkaLibrary.ts implements it with the
// library chosen at export time (Confluent's librdkafka-based client or kafkajs); the transport
// and scripts/create-topics.ts see only these interfaces.
export interface ClientHeaders {
  [name: string]: Buffer | string | (Buffer | string)[] | undefined;
}

export interface ClientMessage {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: ClientHeaders;
  readonly timestamp: string;
  readonly offset: string;
}

export interface ClientEachMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: ClientMessage;
  /** Keeps the member in its group during long handling (kafkajs heartbeats only between records). */
  heartbeat(): Promise<void>;
}

export interface OutgoingMessage {
  readonly key: string | null;
  /** JSON text, or an event in the schema registry's wire format (schemaCodec.ts). */
  readonly value: string | Buffer;
  readonly headers: Record<string, string>;
  readonly timestamp?: string;
}

export interface ClientProducer {
  connect(): Promise<void>;
  /** Resolves once every replica in sync has the records (acks=all). */
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** How long a transaction may stay open before the cluster aborts it (a producer that died mid-transaction). */
export const TRANSACTION_TIMEOUT_MS = 15_000;

/** A record a consumer handled, whose group offset a transaction commits. */
export interface ConsumedRecord {
  readonly consumer: ClientConsumer;
  readonly groupId: string;
  readonly topic: string;
  readonly partition: number;
  /** The record's offset. */
  readonly offset: string;
}

/**
 * A transaction's offset commit was refused because the group no longer counts the consumer as
 * the member it was (Kafka's UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, FENCED_INSTANCE_ID): it was
 * dropped from the group or a rebalance moved on without it. Trying again cannot succeed until
 * the consumer has rejoined, so the record goes back to the client, which rejoins.
 */
export class MemberNotInGroupError extends Error {
  readonly code = 'MEMBER_NOT_IN_GROUP';
  readonly retriable = true;
  constructor(groupId: string, reason: string) {
    super(`the group ${groupId} no longer counts this consumer as its member (${reason}); it rejoins before committing again`);
    this.name = 'MemberNotInGroupError';
  }
}

/**
 * A producer with a transactional id (Kafka's exactly-once consume-transform-produce). Only one
 * producer per transactional id can write: connecting registers the id with the cluster, which
 * fences any earlier producer holding it (its open transaction is aborted, a commit it tries
 * later is refused).
 */
export interface ClientTransactionalProducer {
  connect(): Promise<void>;
  /**
   * One transaction: every message to its topic, and the consumed record's offset committed
   * for its group, all visible together or not at all. On failure the transaction is aborted
   * (when the producer still can) and the error thrown; the producer is not used again (a
   * client may be left unable to begin another transaction), the next one fences it. A commit
   * refused because the consumer is no longer the group's member throws MemberNotInGroupError.
   */
  commit(sends: readonly { topic: string; messages: readonly OutgoingMessage[] }[], consumed: ConsumedRecord): Promise<void>;
  disconnect(): Promise<void>;
}

/** Part of a partition to read: from `from` until the reader's position reaches `to`. */
export interface PartitionRange {
  readonly topic: string;
  readonly partition: number;
  readonly from: string;
  readonly to: string;
}

/**
 * Consumers read committed records only (isolation level read_committed): records of a
 * transaction that was aborted, or is still open, are never delivered.
 */
export interface ConsumerOptions {
  readonly groupId: string;
  /** Where a group without a committed offset starts: the beginning (true) or the end. */
  readonly fromBeginning: boolean;
  /** Commit the offsets of handled records (false for one-off reads and transactional handlers). */
  readonly autoCommit: boolean;
  /** Told every partition the group gives this member (its whole assignment), at each rebalance. */
  readonly onAssigned?: (partitions: readonly { topic: string; partition: number }[]) => void;
  /**
   * Told the partitions taken from this member when a rebalance starts, where the client says
   * so (Confluent's); kafkajs members learn of a rebalance from a failed heartbeat instead.
   */
  readonly onRevoked?: (partitions: readonly { topic: string; partition: number }[]) => void;
}

export interface ClientConsumer {
  connect(): Promise<void>;
  subscribe(topics: readonly (string | RegExp)[]): Promise<void>;
  /** Starts consuming; the handler runs per record, partitions in parallel up to `concurrency`. */
  run(concurrency: number, eachMessage: (payload: ClientEachMessage) => Promise<void>): Promise<void>;
  disconnect(): Promise<void>;
}

export interface NewTopic {
  readonly topic: string;
  readonly numPartitions: number;
  readonly replicationFactor: number;
  readonly configEntries: readonly { name: string; value: string }[];
}

export interface ClientAdmin {
  connect(): Promise<void>;
  listTopics(): Promise<string[]>;
  fetchTopicOffsets(topic: string): Promise<{ partition: number; low: string; high: string }[]>;
  createTopics(topics: readonly NewTopic[]): Promise<void>;
  /** Number of brokers in the cluster. */
  brokerCount(): Promise<number>;
  disconnect(): Promise<void>;
}

export interface KafkaClient {
  /** The library's name, for logs and the README. */
  readonly library: string;
  producer(): ClientProducer;
  transactionalProducer(transactionalId: string): ClientTransactionalProducer;
  consumer(options: ConsumerOptions): ClientConsumer;
  /**
   * Reads the committed records of each range in order, and resolves once the reader's position
   * in every partition has reached the range's end. The position counts the transaction markers
   * and aborted records that no handler sees, so a partition whose last records are such still
   * ends.
   */
  read(ranges: readonly PartitionRange[], eachMessage: (payload: ClientEachMessage) => Promise<void>): Promise<void>;
  admin(): ClientAdmin;
}

export interface KafkaClientOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  /** Consumer session timeout: how long a silent member keeps its partitions (KAFKA_SESSION_TIMEOUT_MS). */
  readonly sessionTimeoutMs?: number;
}
