// Topic layout for the three ways of keeping an event store on Kafka: one partitioned topic
// per aggregate type keyed by aggregate id (default), one single-partition topic per aggregate
// instance, or one shared topic for every aggregate type. Command, table (read model) and
// external topics are the same under every strategy.
import type { AggregateElement, CleanupPolicy, StreamSettings } from '../model';
import { DEFAULT_STREAM } from '../model';
import { NameScope, topicName } from './naming';
import type { TopicSpec } from './types';

export const MAX_PARTITIONS = 1000;
export const MAX_REPLICATION_FACTOR = 9;

export function clampStream(stream: Partial<StreamSettings> | undefined): StreamSettings {
  const int = (v: unknown, lo: number, hi: number, dflt: number) =>
    typeof v === 'number' && Number.isInteger(v) ? Math.min(hi, Math.max(lo, v)) : dflt;
  return {
    partitions: int(stream?.partitions, 1, MAX_PARTITIONS, DEFAULT_STREAM.partitions),
    replicationFactor: int(stream?.replicationFactor, 1, MAX_REPLICATION_FACTOR, DEFAULT_STREAM.replicationFactor),
    cleanupPolicy: stream?.cleanupPolicy === 'compact' ? 'compact' : 'delete',
    retentionMs:
      typeof stream?.retentionMs === 'number' && Number.isInteger(stream.retentionMs) && stream.retentionMs >= -1
        ? stream.retentionMs
        : DEFAULT_STREAM.retentionMs,
  };
}

export function configsOf(cleanupPolicy: CleanupPolicy, retentionMs: number): Record<string, string> {
  return { 'cleanup.policy': cleanupPolicy, 'retention.ms': String(retentionMs) };
}

/** Builds topics with unique names; ids are stable strings derived from element ids. */
export class TopicRegistry {
  readonly topics: TopicSpec[] = [];
  private readonly names = new NameScope();
  private readonly byId = new Map<string, TopicSpec>();

  add(spec: Omit<TopicSpec, 'name'> & { segments: string[] }): TopicSpec {
    const { segments, ...rest } = spec;
    const topic: TopicSpec = { ...rest, name: this.names.claim(topicName(segments), '-') };
    this.topics.push(topic);
    this.byId.set(topic.id, topic);
    return topic;
  }

  get(id: string): TopicSpec | undefined {
    return this.byId.get(id);
  }
}

/** Settings of the one shared topic: wide enough and kept long enough for every aggregate. */
export function sharedStream(aggregates: readonly AggregateElement[]): StreamSettings {
  const streams = aggregates.map((a) => clampStream(a.stream));
  if (streams.length === 0) return { ...DEFAULT_STREAM };
  return {
    partitions: Math.max(...streams.map((s) => s.partitions)),
    replicationFactor: Math.max(...streams.map((s) => s.replicationFactor)),
    cleanupPolicy: streams.every((s) => s.cleanupPolicy === 'compact') ? 'compact' : 'delete',
    retentionMs: streams.some((s) => s.retentionMs === -1) ? -1 : Math.max(...streams.map((s) => s.retentionMs)),
  };
}
