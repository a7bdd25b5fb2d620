// Where a cluster keeps its topics and partition logs. The memory backend keeps nothing
// beyond the logs' own resident bytes; the IndexedDB backend (idbBackend.ts) persists both.
import type { TopicConfig } from '../log/topicConfig';
import { memoryPartitionStore, type ChunkRef, type PartitionMeta, type PartitionStore } from '../log/logStore';

export interface StoredTopic {
  name: string;
  numPartitions: number;
  config: TopicConfig;
  /** Replica broker ids per partition (leader first). */
  replicas: number[][];
}

export interface RestoredPartition {
  topic: string;
  partition: number;
  broker: number;
  meta: PartitionMeta;
  chunks: ChunkRef[];
  logEndOffset: number;
  /** The replica's last checkpointed high watermark (absent: never checkpointed). */
  highWatermark?: number;
}

/** One replica's high watermark, as Kafka's replication-offset-checkpoint file lists it. */
export interface HighWatermarkMark {
  topic: string;
  partition: number;
  broker: number;
  offset: number;
}

export interface StorageBackend {
  readonly kind: 'memory' | 'indexedDB';
  load(): Promise<{ topics: StoredTopic[]; partitions: RestoredPartition[] }>;
  saveTopic(topic: StoredTopic): Promise<void>;
  deleteTopic(name: string): Promise<void>;
  /** Replaces the stored high-watermark checkpoint of the replicas given, in one write. */
  saveHighWatermarks(marks: readonly HighWatermarkMark[]): Promise<void>;
  partitionStore(topic: string, partition: number, broker: number): PartitionStore;
  close(): void;
}

export function memoryBackend(): StorageBackend {
  return {
    kind: 'memory',
    load: () => Promise.resolve({ topics: [], partitions: [] }),
    saveTopic: () => Promise.resolve(),
    deleteTopic: () => Promise.resolve(),
    saveHighWatermarks: () => Promise.resolve(),
    partitionStore: () => memoryPartitionStore(),
    close() {},
  };
}
