// The one typed protocol between the UI thread and the engine worker. Everything that crosses
// it is structured-clone friendly: strings, numbers, plain objects and byte arrays.
import type { ITopicConfig, KafkaMessage, Message, RecordMetadata } from '../engine/index';

export interface OpenOptions {
  /** 'memory', or the name of an IndexedDB database in the worker's origin. */
  storage: 'memory' | { name: string; durability?: 'strict' | 'relaxed' };
  clock?: 'real' | 'virtual';
  seed?: number;
  brokers?: number;
}

export interface TopicOffsets {
  partition: number;
  low: string;
  high: string;
}

export interface ConsumeRequest {
  groupId: string;
  topic: string;
  fromBeginning?: boolean;
  /** Resolve once this many messages arrived (they are committed before resolving). */
  count: number;
}

export interface EngineWorkerApi {
  open(options: OpenOptions): Promise<void>;
  createTopics(topics: ITopicConfig[]): Promise<boolean>;
  listTopics(): Promise<string[]>;
  send(topic: string, messages: Message[], acks?: -1 | 0 | 1): Promise<RecordMetadata[]>;
  fetchTopicOffsets(topic: string): Promise<TopicOffsets[]>;
  fetchOffsets(groupId: string, topic: string): Promise<{ partition: number; offset: string }[]>;
  /** Runs a consumer in the worker until `count` messages arrived, commits, and returns them. */
  consume(request: ConsumeRequest): Promise<KafkaMessage[]>;
  /** Reads a partition from an offset up to the high watermark (at most maxRecords). */
  read(topic: string, partition: number, offset: string, maxRecords: number): Promise<KafkaMessage[]>;
  runCleaner(): Promise<{ segmentsDeleted: number; partitionsCompacted: number; recordsRemoved: number }>;
  /** The worker's used JS heap in bytes, when the browser reports it. */
  heapUsed(): Promise<number | null>;
  close(): Promise<void>;
}
