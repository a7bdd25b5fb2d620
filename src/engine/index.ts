// The engine's public API (DESIGN.md "Engine"): kafkajs-shaped clients over an in-browser,
// partitioned log with memory or IndexedDB storage.
export { createCluster, type Cluster, type ClusterOptions, type IndexedDbStorageOptions } from './cluster/createCluster';
export { murmur2, defaultPartition, toPositive } from './murmur2';
export { Admin, CONFIG_RESOURCE_TOPIC, type ITopicConfig, type PartitionMetadata, type DescribeConfigResponse, type DescribedConfigEntry } from './client/admin';
export { Producer, type ProducerOptions } from './client/producer';
export { sendRetrying, withRetries, refusedBeforeWrite, backoffFor, RETRY_BACKOFF_MS, RETRY_BACKOFF_MAX_MS, DELIVERY_TIMEOUT_MS, type RetryHooks, type RetryPolicy } from './client/retry';
export { Consumer, type ConsumerOptions, type RunOptions, type ConsumerEvents } from './client/consumer';
export type { EachBatchPayload, EachMessagePayload, BatchView as Batch } from './client/consumerBatch';
export { toKafkaMessage } from './client/messages';
export type { Message, RecordMetadata, KafkaMessage, IHeaders, ProducerRecord, ProducerBatch, TopicPartitionOffset, TopicPartitionOffsetAndMetadata } from './client/types';
export { EventStore, SNAPSHOTS_TOPIC, VERSION_HEADER, type EventInput, type StoredEvent, type Snapshot, type EventQuery, type AppendOptions, type AppendHooks } from './eventStore/eventStore';
export type { WhereClause } from './eventStore/jsonPath';
export type { CleanerReport } from './broker/cleaner';
export { Engine, CONSUMER_OFFSETS_TOPIC, type AppendToPartition, type PartitionState, type TopicState, type BrokerState, type Acks } from './broker/engine';
export { DEFAULT_TOPIC_CONFIG, parseTopicConfig, type TopicConfig, type ConfigEntry, type CleanupPolicy } from './log/topicConfig';
export { utf8 } from './codec/bytes';
export { recordTextOf, derivedOf, type ConsumedRecord, type ProduceRecord, type RecordText } from './replication/records';
export type { LedgerCounters } from './replication/ledger';
export type { DecodedRecord } from './codec/recordBatch';
export { latestByKey } from './log/latestByKey';
export { PartitionLog, type AppendResult, type LeaderAppendOptions, type ReadOptions } from './log/partitionLog';
export { LeaderEpochCache, type EpochEntry } from './log/leaderEpochCache';
export type { CommittedOffset, GroupDescription, TopicPartitions } from './client/types';
export * from './errors';
export * from './schemaRegistry';
// Cluster simulation (docs/cluster.md): Kafka's assignors, the replicated cluster with its
// consumer groups, and the ready-made fault experiments.
export { assignPartitions, ASSIGNOR_NAMES, type AssignorName, type AssignorInput, type AssignorMember, type Assignment, type TopicPartitionTuple } from './assignors';
export type { ClusterSnapshot } from './cluster/createCluster';
export type { ClusterSim } from './replication/clusterSim';
export type { DeliveryLease, GroupSnapshot, RebalanceEpisode } from './groups';
export { EXPERIMENTS, runExperiment, applyStep, createExperimentCluster, type Experiment, type ExperimentStep, type ExperimentResult } from './experiments';
export type { ReplicationSnapshot, PartitionSnapshot, BrokerSnapshot, CounterSnapshot } from './replication/snapshot';
export type { ClusterEvent, StampedEvent } from './replication/eventFeed';
export type { ClusterSimOptions } from './replication/clusterConfig';
