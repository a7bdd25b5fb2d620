// How services reach Kafka. Two implementations: kafkaTransport.ts (a real cluster)
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

export interface TransactionalSubscribeOptions extends SubscribeOptions {
  /**
   * Runs when this instance takes over a partition, once the partition's previous owner is
   * fenced and before any of its records is handled: the moment to catch up with what that
   * owner wrote.
   */
  readonly onTakeover?: () => Promise<void>;
}

/**
 * What a transactional handler writes. The records reach their topics together with the
 * handled record's offset, or not at all; `afterCommit` effects run only once they did.
 */
export class Transaction {
  readonly sends: { readonly topic: string; readonly records: readonly WireRecord[] }[] = [];
  private readonly effects: (() => Promise<void>)[] = [];

  send(topic: string, records: readonly WireRecord[]): void {
    if (records.length > 0) this.sends.push({ topic, records });
  }

  afterCommit(effect: () => Promise<void>): void {
    this.effects.push(effect);
  }

  /** Called by the transport once the transaction committed. */
  async committed(): Promise<void> {
    for (const effect of this.effects) await effect();
  }
}

export type TransactionalHandler = (record: IncomingRecord, transaction: Transaction) => Promise<void>;

export interface Transport {
  /** Writes records in order; keyed records go to the key's partition. */
  send(topic: string, records: readonly WireRecord[]): Promise<void>;
  subscribe(options: SubscribeOptions, handler: RecordHandler): Promise<Subscription>;
  /**
   * Like subscribe, with exactly-once writes: each partition has one writer at a time, and what
   * the handler sends through its transaction is written atomically with the record's offset
   * (Kafka's consume-transform-produce). A handler that throws writes nothing; the record is
   * delivered again.
   */
  subscribeTransactional(options: TransactionalSubscribeOptions, handler: TransactionalHandler): Promise<Subscription>;
  /**
   * Reads every record already in the matching topics (rebuilding local state on start), or,
   * given `from` ("topic:partition" → next offset), only what lies past those positions.
   */
  replay(topics: readonly (string | RegExp)[], handler: RecordHandler, from?: ReadonlyMap<string, string>): Promise<void>;
  close(): Promise<void>;
}
