// The kafkajs-shaped types at the engine's boundary: offsets and timestamps are strings,
// keys and values are strings or byte arrays (Buffer in Node), as in kafkajs 2.
export type Bytes = Uint8Array;
export type HeaderValue = string | Bytes | (string | Bytes)[] | undefined;
export type IHeaders = Record<string, HeaderValue>;

export interface Message {
  key?: string | Bytes | null;
  value: string | Bytes | null;
  partition?: number;
  headers?: IHeaders;
  timestamp?: string | number;
}

export interface RecordMetadata {
  topicName: string;
  partition: number;
  errorCode: number;
  offset?: string;
  timestamp?: string;
  baseOffset: string;
  logAppendTime: string;
  logStartOffset: string;
}

export interface ProducerRecord {
  topic: string;
  messages: Message[];
  acks?: number;
  timeout?: number;
}

export interface ProducerBatch {
  topicMessages: { topic: string; messages: Message[] }[];
  acks?: number;
  timeout?: number;
}

/** A consumed message: kafkajs's KafkaMessage. */
export interface KafkaMessage {
  key: Bytes | null;
  value: Bytes | null;
  timestamp: string;
  attributes: number;
  offset: string;
  size: number;
  headers: Record<string, Bytes | Bytes[] | undefined>;
}

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

export interface TopicPartitionOffsetAndMetadata extends TopicPartitionOffset {
  metadata?: string | null;
}

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export type { CommittedOffset } from '../broker/offsetStore';

/** admin.describeGroups / consumer.describeGroup, as kafkajs returns it. */
export interface GroupDescription {
  groupId: string;
  state: 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';
  protocolType: string;
  protocol: string;
  members: { memberId: string; clientId: string; clientHost: string; memberAssignment: TopicPartitions[] }[];
}
