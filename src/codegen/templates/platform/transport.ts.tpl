// How services reach Kafka. Two implementations: kafkaTransport.ts (kafkajs, a real cluster)
// and memoryTransport.ts (in-process, for tests and local runs). Services only see this.
import type { WireRecord } from '../runtime/wire.js';

export interface IncomingRecord extends WireRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export type RecordHandler = (record: IncomingRecord) => Promise<void>;

export interface SubscribeOptions {
  /** Consumer group id, exactly as named in the topology. */
  readonly groupId: string;
  /** Topic names, or patterns for topic-per-instance streams. */
  readonly topics: readonly (string | RegExp)[];
  readonly fromBeginning?: boolean;
  /**
   * How many of its partitions an instance handles at once, each partition still in order
   * (kafkajs partitionsConsumedConcurrently; 1 when absent). Command handlers use their topic's
   * partition count: one command per partition at a time, as the simulator runs them.
   */
  readonly partitionsConcurrently?: number;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface Transport {
  /** Writes records in order; keyed records go to the key's partition. */
  send(topic: string, records: readonly WireRecord[]): Promise<void>;
  subscribe(options: SubscribeOptions, handler: RecordHandler): Promise<Subscription>;
  /** Reads every record already in the matching topics (rebuilding local state on start). */
  replay(topics: readonly (string | RegExp)[], handler: RecordHandler): Promise<void>;
  close(): Promise<void>;
}
