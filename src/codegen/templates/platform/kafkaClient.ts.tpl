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

export interface ConsumerOptions {
  readonly groupId: string;
  /** Where a group without a committed offset starts: the beginning (true) or the end. */
  readonly fromBeginning: boolean;
  /** Commit the offsets of handled records (false for one-off reads). */
  readonly autoCommit: boolean;
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
  consumer(options: ConsumerOptions): ClientConsumer;
  admin(): ClientAdmin;
}

export interface KafkaClientOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  /** Consumer session timeout: how long a silent member keeps its partitions (KAFKA_SESSION_TIMEOUT_MS). */
  readonly sessionTimeoutMs?: number;
}
