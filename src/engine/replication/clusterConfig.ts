// Settings of the simulated cluster, named after the Kafka configs they stand for, with Kafka's
// defaults where Kafka has one (replica.lag.time.max.ms 30 s, broker.session.timeout.ms 9 s,
// request.timeout.ms 30 s, the 5 s high-watermark checkpoint, auto leader rebalance every 300 s).
import { InvalidClusterConfigError } from '../errors';

export interface ClusterSimOptions {
  /** 1 to 9 brokers, ids 1..N. */
  brokers?: number;
  seed?: number;
  /** replica.lag.time.max.ms: a follower not caught up for this long leaves the ISR. */
  replicaLagTimeMaxMs?: number;
  /** How often a follower fetches from its leader (the replication delay). */
  replicaFetchIntervalMs?: number;
  /** Most records one follower fetch copies per partition (replica.fetch.max.bytes in records). */
  replicaFetchMaxRecords?: number;
  /**
   * A follower's fetch waits at the leader (replica.fetch.wait.max.ms) and is answered as soon as
   * new records arrive; the follower sends its next fetch right away. This is the one-way time of
   * each hop, so an acks=all append is acknowledged about two hops after it lands, as in Kafka,
   * rather than on the next polling round. 0 turns it off (followers fetch on the interval only).
   */
  replicaFetchHopMs?: number;
  /** broker.session.timeout.ms: how long the controller waits before fencing a silent broker. */
  brokerSessionTimeoutMs?: number;
  /** request.timeout.ms for produce requests waiting on acks=all. */
  requestTimeoutMs?: number;
  /** replica.high.watermark.checkpoint.interval.ms */
  highWatermarkCheckpointIntervalMs?: number;
  /** log.flush.interval.ms: how often logs are flushed to disk. */
  flushIntervalMs?: number;
  /**
   * log.flush.interval.messages. 1 (the default here; Kafka's is Long.MAX_VALUE): with IndexedDB
   * an acknowledgement waits until the leader flushed the records, so acknowledged means durable.
   * More: answers do not wait for storage; a log is flushed once it holds that many unflushed
   * records (and every flushIntervalMs), and a power-loss crash drops what was not flushed.
   */
  flushIntervalMessages?: number;
  /**
   * What crashBroker() models. 'process' (default): the process dies, the OS page cache keeps
   * every write (Kafka's usual case). 'power-loss': records not yet flushed are lost.
   */
  crashMode?: 'process' | 'power-loss';
  /** true (default): followers truncate by leader epoch (KIP-101); false: to their high watermark, as before Kafka 0.11. */
  leaderEpochTruncation?: boolean;
  /**
   * true (default, KRaft with KIP-903): a broker restarted before its session expired is fenced
   * and leaves every ISR. false: as with ZooKeeper before 3.x, a quick restart keeps ISR membership.
   */
  fenceOnRestart?: boolean;
  /** auto.leader.rebalance.enable, with leader.imbalance.check.interval and the 10% threshold. */
  autoLeaderRebalance?: boolean;
  leaderImbalanceCheckIntervalMs?: number;
  /**
   * metadata.max.age.ms of the simulated producers: 0 (default) means clients always know the
   * controller's current leader; a positive value makes them keep sending to the leader they last
   * learned of until it errors or the cache ages — including a deposed, isolated leader.
   */
  clientMetadataMaxAgeMs?: number;
  /** Defaults for topics created without their own settings. */
  defaultReplicationFactor?: number;
  minInsyncReplicas?: number;
  uncleanLeaderElection?: boolean;
  /** Events kept in the feed (oldest dropped first). */
  eventFeedSize?: number;
  /** log.retention.check.interval.ms: how often leaders delete segments past retention (Kafka: 5 minutes). */
  retentionCheckIntervalMs?: number;
  /**
   * Not a Kafka setting: the most records the cluster keeps in memory, over all partitions
   * (split evenly between them). Beyond its share a leader deletes its oldest whole segments as
   * if by retention.bytes, so a long simulation stays bounded. Infinity (default): off.
   */
  recordBudget?: number;
}

export type ClusterSimConfig = Required<ClusterSimOptions>;

export const CLUSTER_DEFAULTS: ClusterSimConfig = {
  brokers: 3,
  seed: 1,
  replicaLagTimeMaxMs: 30_000,
  replicaFetchIntervalMs: 5,
  replicaFetchMaxRecords: 50_000,
  replicaFetchHopMs: 1,
  brokerSessionTimeoutMs: 9_000,
  requestTimeoutMs: 30_000,
  highWatermarkCheckpointIntervalMs: 5_000,
  flushIntervalMs: 1_000,
  flushIntervalMessages: 1,
  crashMode: 'process',
  leaderEpochTruncation: true,
  fenceOnRestart: true,
  autoLeaderRebalance: true,
  leaderImbalanceCheckIntervalMs: 300_000,
  clientMetadataMaxAgeMs: 0,
  defaultReplicationFactor: 3,
  minInsyncReplicas: 1,
  uncleanLeaderElection: false,
  eventFeedSize: 2_000,
  retentionCheckIntervalMs: 300_000,
  recordBudget: Infinity,
};

export function resolveConfig(options: ClusterSimOptions): ClusterSimConfig {
  const c: ClusterSimConfig = { ...CLUSTER_DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (c as unknown as Record<string, unknown>)[k] = v;
  if (!Number.isInteger(c.brokers) || c.brokers < 1 || c.brokers > 9) {
    throw new InvalidClusterConfigError(`A cluster has 1 to 9 brokers, got ${c.brokers}.`, { brokers: c.brokers });
  }
  for (const key of ['retentionCheckIntervalMs', 'replicaLagTimeMaxMs', 'replicaFetchIntervalMs', 'brokerSessionTimeoutMs', 'requestTimeoutMs', 'highWatermarkCheckpointIntervalMs', 'flushIntervalMs'] as const) {
    if (!(c[key] > 0)) throw new InvalidClusterConfigError(`${key} must be a positive number of milliseconds, got ${c[key]}.`, { [key]: c[key] });
  }
  if (!(c.replicaFetchHopMs >= 0)) throw new InvalidClusterConfigError(`replicaFetchHopMs must be 0 or more milliseconds, got ${c.replicaFetchHopMs}.`, { replicaFetchHopMs: c.replicaFetchHopMs });
  if (!(c.flushIntervalMessages >= 1)) throw new InvalidClusterConfigError(`flushIntervalMessages must be at least 1 record, got ${c.flushIntervalMessages}.`, { flushIntervalMessages: c.flushIntervalMessages });
  if (!(c.recordBudget >= 1)) throw new InvalidClusterConfigError(`recordBudget must be at least 1 record, got ${c.recordBudget}.`, { recordBudget: c.recordBudget });
  c.defaultReplicationFactor = Math.min(c.defaultReplicationFactor, c.brokers);
  return c;
}

export interface TopicSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  readonly uncleanLeaderElection: boolean;
  /** segment.bytes / segment.ms of the default replica logs. */
  readonly segmentBytes: number;
  readonly segmentMs: number;
}

/** Kafka's segment defaults: 1 GiB or 7 days. */
export const TOPIC_RETENTION_DEFAULTS = {
  segmentBytes: 1_073_741_824,
  segmentMs: 604_800_000,
};
