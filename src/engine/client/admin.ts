// kafkajs-shaped admin client, plus runCleaner() (a manual retention + compaction pass, which
// Kafka has no API for: the simulator offers it so the effect can be shown on demand).
import { describeGroup, loadCommittedOffsets, type GroupsAccess } from './groupViews';
import type { CleanerReport, LogCleaner } from '../broker/cleaner';
import type { Engine } from '../broker/engine';
import { DEFAULT_TOPIC_CONFIG, type ConfigEntry, type TopicConfig } from '../log/topicConfig';
import { GroupNotInactiveError, IllegalStateError, OffsetOutOfRangeError } from '../errors';
import { deleteRecordsBefore } from '../log/retention';
import { offsetForTime } from '../log/reads';

export interface ITopicConfig {
  topic: string;
  numPartitions?: number;
  replicationFactor?: number;
  configEntries?: ConfigEntry[];
}

export interface PartitionMetadata {
  partitionErrorCode: number;
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

/** kafkajs's ConfigResourceTypes.TOPIC. */
export const CONFIG_RESOURCE_TOPIC = 2;
/** Kafka's ConfigSource: DYNAMIC_TOPIC_CONFIG (set on the topic) and DEFAULT_CONFIG. */
export const CONFIG_SOURCE_TOPIC = 1;
export const CONFIG_SOURCE_DEFAULT = 5;

export interface DescribedConfigEntry {
  configName: string;
  configValue: string;
  readOnly: boolean;
  isDefault: boolean;
  configSource: number;
  isSensitive: boolean;
  configSynonyms: { configName: string; configValue: string; configSource: number }[];
}

export interface DescribeConfigResponse {
  resources: { errorCode: number; errorMessage: string | null; resourceName: string; resourceType: number; configEntries: DescribedConfigEntry[] }[];
  throttleTime: number;
}

export class Admin {
  constructor(
    private readonly engine: Engine,
    private readonly cleaner: LogCleaner,
    private readonly access: GroupsAccess,
  ) {}

  async connect(): Promise<void> {}
  async disconnect(): Promise<void> {}

  /** Resolves true when every topic was created, false when one already existed (as kafkajs). */
  async createTopics({ topics, validateOnly }: { topics: ITopicConfig[]; validateOnly?: boolean; waitForLeaders?: boolean; timeout?: number }): Promise<boolean> {
    if (!Array.isArray(topics)) throw new IllegalStateError('createTopics needs { topics: [{ topic, numPartitions }] }.');
    if (validateOnly) return true;
    let all = true;
    for (const t of topics) {
      const created = await this.engine.createTopic(t.topic, t.numPartitions ?? 1, t.configEntries ?? [], t.replicationFactor ?? 1);
      all &&= created;
    }
    return all;
  }

  async deleteTopics({ topics }: { topics: string[]; timeout?: number }): Promise<void> {
    for (const t of topics) this.engine.topic(t);
    for (const t of topics) await this.engine.deleteTopic(t);
  }

  async listTopics(): Promise<string[]> {
    return [...this.engine.topics.keys()];
  }

  async fetchTopicMetadata({ topics }: { topics?: string[] } = {}): Promise<{ topics: { name: string; partitions: PartitionMetadata[] }[] }> {
    const names = topics ?? [...this.engine.topics.keys()];
    return {
      topics: names.map((name) => ({
        name,
        partitions: this.engine.topic(name).partitions.map((p) => ({
          partitionErrorCode: 0,
          partitionId: p.partition,
          leader: p.leader,
          replicas: [...p.replicas],
          isr: [...p.isr],
          offlineReplicas: p.replicas.filter((id) => this.engine.brokers.find((b) => b.id === id)?.status !== 'up'),
        })),
      })),
    };
  }

  /** Per partition: offset = high = the high watermark, low = the log start offset. */
  async fetchTopicOffsets(topic: string): Promise<{ partition: number; offset: string; high: string; low: string }[]> {
    return this.engine.topic(topic).partitions.map((p) => {
      const log = this.engine.leaderLog(p);
      return { partition: p.partition, offset: String(log.highWatermark), high: String(log.highWatermark), low: String(log.logStartOffset) };
    });
  }

  /**
   * Per partition, the earliest offset whose timestamp is at or after `timestamp` (Kafka's
   * ListOffsets by time); the high watermark when there is none, as kafkajs reports it.
   */
  async fetchTopicOffsetsByTimestamp(topic: string, timestamp?: number): Promise<{ partition: number; offset: string }[]> {
    const out: { partition: number; offset: string }[] = [];
    for (const p of this.engine.topic(topic).partitions) {
      const log = this.engine.leaderLog(p);
      out.push({ partition: p.partition, offset: String(timestamp === undefined ? log.highWatermark : await offsetForTime(log, timestamp)) });
    }
    return out;
  }

  async createPartitions({ topicPartitions }: { topicPartitions: { topic: string; count: number }[]; validateOnly?: boolean; timeout?: number }): Promise<boolean> {
    for (const { topic, count } of topicPartitions) await this.engine.addPartitions(topic, count);
    return true;
  }

  /** Moves each partition's log start offset; offset '-1' means the high watermark. */
  async deleteRecords({ topic, partitions }: { topic: string; partitions: { partition: number; offset: string }[] }): Promise<{ partition: number; lowWatermark: string }[]> {
    const targets = partitions.map(({ partition, offset }) => {
      const log = this.engine.log(topic, partition);
      const n = Number(offset);
      const to = n === -1 ? log.highWatermark : n;
      if (!Number.isInteger(to) || to < 0 || to > log.highWatermark) throw new OffsetOutOfRangeError(topic, partition, offset, String(log.logStartOffset), String(log.highWatermark));
      return { log, partition, to };
    });
    const out: { partition: number; lowWatermark: string }[] = [];
    for (const { log, partition, to } of targets) out.push({ partition, lowWatermark: String(await deleteRecordsBefore(log, to)) });
    return out;
  }

  /** Committed offsets of a group (kafkajs 2 shape); '-1' where nothing is committed. */
  async fetchOffsets({ groupId, topics }: { groupId: string; topics?: string[] }): Promise<{ topic: string; partitions: { partition: number; offset: string; metadata: string | null }[] }[]> {
    await loadCommittedOffsets(this.access, groupId);
    // The coordinator's memory is the newest (a commit's record may still be on its way to
    // __consumer_offsets); the stored records give the metadata.
    const live = this.access.groups.group(groupId).committed;
    const stored = await this.access.offsets.fetch(groupId, topics);
    const names = topics ?? [...new Set([...stored.map((c) => c.topic), ...[...live.keys()].map((k) => k.slice(0, k.lastIndexOf('\u0000')))])];
    for (const t of names) this.engine.topic(t);
    return names.map((topic) => ({
      topic,
      partitions: this.engine.topic(topic).partitions.map(({ partition }) => {
        const s = stored.find((c) => c.topic === topic && c.partition === partition);
        const mine = live.get(`${topic}\u0000${partition}`);
        return { partition, offset: mine !== undefined ? String(mine) : (s?.offset ?? '-1'), metadata: s?.metadata ?? null };
      }),
    }));
  }

  /**
   * Commits offsets for a group, as kafkajs's admin.setOffsets and Kafka's
   * AlterConsumerGroupOffsets: only while the group has no members (GroupNotInactiveError,
   * Kafka's UNKNOWN_MEMBER_ID, otherwise). Like Kafka, the offsets are not checked against the
   * log (kafka/groupOffsets.kafka.test.ts). The commit goes to __consumer_offsets with acks=all:
   * on a virtual clock it resolves as time moves.
   */
  async setOffsets({ groupId, topic, partitions }: { groupId: string; topic: string; partitions: { partition: number; offset: string }[] }): Promise<void> {
    const t = this.engine.topic(topic);
    const offsets = partitions.map(({ partition, offset }) => {
      if (!t.partitions[partition]) this.engine.log(topic, partition); // throws UNKNOWN_TOPIC_OR_PARTITION
      const n = Number(offset);
      if (!/^\d+$/.test(String(offset)) || !Number.isSafeInteger(n)) throw new IllegalStateError(`Offset "${offset}" for ${topic}-${partition} is not a whole number ≥ 0.`, { topic, partition, offset });
      return { topic, partition, offset: String(n) };
    });
    const group = this.access.groups.group(groupId);
    const refuseActive = () => {
      if (group.members.size > 0) throw new GroupNotInactiveError(groupId, group.phase, group.members.size);
    };
    refuseActive();
    await loadCommittedOffsets(this.access, groupId);
    // Commits accepted earlier reach __consumer_offsets first, so this one lands after them.
    await this.access.persisted();
    // A consumer may have joined meanwhile: the coordinator decides when the commit arrives.
    refuseActive();
    for (const o of offsets) group.committed.set(`${topic}\u0000${o.partition}`, Number(o.offset));
    await this.access.offsets.commit(groupId, offsets);
  }

  /** kafkajs's admin.resetOffsets: every partition of the topic to its log start (earliest) or high watermark. */
  async resetOffsets({ groupId, topic, earliest = false }: { groupId: string; topic: string; earliest?: boolean }): Promise<void> {
    const partitions = (await this.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: earliest ? p.low : p.high }));
    await this.setOffsets({ groupId, topic, partitions });
  }

  /** Topic configs in kafkajs's describeConfigs shape (resource type 2 = TOPIC); every config the engine knows, or `configNames`. */
  async describeConfigs({ resources }: { resources: { type: number; name: string; configNames?: string[] }[]; includeSynonyms?: boolean }): Promise<DescribeConfigResponse> {
    return {
      throttleTime: 0,
      resources: resources.map(({ type, name, configNames }) => {
        if (type !== CONFIG_RESOURCE_TOPIC) throw new IllegalStateError(`describeConfigs supports topics only (resource type ${CONFIG_RESOURCE_TOPIC}), not type ${type}.`);
        const config = this.engine.topic(name).config;
        const names = (configNames ?? Object.keys(config)).filter((n): n is keyof TopicConfig => n in config);
        return {
          errorCode: 0,
          errorMessage: null,
          resourceName: name,
          resourceType: type,
          configEntries: names.sort().map((configName) => {
            const isDefault = config[configName] === DEFAULT_TOPIC_CONFIG[configName];
            return { configName, configValue: String(config[configName]), readOnly: false, isDefault, configSource: isDefault ? CONFIG_SOURCE_DEFAULT : CONFIG_SOURCE_TOPIC, isSensitive: false, configSynonyms: [] };
          }),
        };
      }),
    };
  }

  async describeGroups(groupIds: string[]) {
    return { groups: groupIds.map((id) => ({ ...describeGroup(this.access, id), errorCode: 0 })) };
  }

  async listGroups(): Promise<{ groups: { groupId: string; protocolType: string }[] }> {
    const ids = new Set([...this.access.groups.groupIds(), ...this.access.offsets.groups()]);
    return { groups: [...ids].map((groupId) => ({ groupId, protocolType: 'consumer' })) };
  }

  /** One retention + compaction pass now (an extension: Kafka's cleaner only runs on its schedule). */
  runCleaner(): Promise<CleanerReport> {
    return this.cleaner.runOnce();
  }
}
