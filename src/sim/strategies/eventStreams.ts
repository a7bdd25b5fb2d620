// Where one aggregate type's events live under the run's topic strategy (its topic, one topic per
// instance, or the shared topic with type-prefixed keys), and one pass over them as a consumer
// reading from the start would make: events per aggregate, and the ordering the logs actually
// hold. This pass picks what to measure and checks ordering; it is not the measured read.
import type { AggregateSpec, Topology, TopicSpec } from '../../topology';
import { runtime } from '../../topology';
import { defaultPartition, VERSION_HEADER, type Cluster, type PartitionLog } from '../engineApi';
import type { OrderingFacts } from './strategyTypes';

const PAGE_RECORDS = 2_000;

export interface TypeStreams {
  aggregate: AggregateSpec;
  spec: TopicSpec;
  /** Topics holding the type's events now (one per instance with perAggregateInstance). */
  topics: string[];
  topicOf(aggregateId: string): string;
  keyOf(aggregateId: string): string;
}

/** The aggregate types whose events the run stores, in board order. */
export function streamsOf(cluster: Cluster, topology: Topology): TypeStreams[] {
  const names = [...cluster.engine.topics.keys()];
  return topology.aggregates.flatMap((aggregate) => {
    const spec = topology.topics.find((t) => t.id === aggregate.eventTopicId);
    if (!spec) return [];
    const topics = spec.perInstance ? names.filter((n) => n.startsWith(`${spec.name}.`)).sort() : [spec.name];
    return [
      {
        aggregate,
        spec,
        topics,
        topicOf: (id: string) => (spec.perInstance ? runtime.instanceTopicName(spec.name, id) : spec.name),
        keyOf: (id: string) => runtime.recordKey(aggregate.typeName, id, spec.keyPrefixedByType),
      },
    ];
  });
}

/** The leader log of the partition that holds `key` in `topic`. */
export function logOf(cluster: Cluster, topic: string, key: string): PartitionLog {
  const t = cluster.engine.topic(topic);
  return cluster.engine.leaderLog(t.partitions[defaultPartition(key, t.partitions.length)]!);
}

export interface TypeScan {
  /** Events per aggregate id of this type. */
  events: Map<string, number>;
  ordering: OrderingFacts;
}

const headerOf = (headers: [string, { toString(): string } | null][], name: string): string | undefined => headers.find(([n]) => n === name)?.[1]?.toString();

/** Reads every partition of the type's topics from the log start to the high watermark. */
export async function scanType(cluster: Cluster, s: TypeStreams): Promise<TypeScan> {
  const type = s.aggregate.typeName;
  const events = new Map<string, number>();
  const last = new Map<string, { version: number; inOrder: boolean }>();
  let maxAggregatesPerPartition = 0;
  let maxTypesPerPartition = 0;
  let partitionsToMerge = 0;
  for (const topic of s.topics) {
    const t = cluster.engine.topics.get(topic);
    if (!t) continue;
    for (const p of t.partitions) {
      const log = cluster.engine.leaderLog(p);
      const ids = new Set<string>();
      const types = new Set<string>();
      for (let at = log.logStartOffset; at < log.highWatermark; ) {
        const page = await log.read(at, { maxRecords: PAGE_RECORDS });
        if (page.length === 0) break;
        for (const r of page) {
          const rType = headerOf(r.headers, runtime.HEADER.aggregateType) ?? type;
          types.add(rType);
          if (rType !== type) continue;
          const id = headerOf(r.headers, runtime.HEADER.aggregateId) ?? r.key?.toString() ?? '';
          ids.add(id);
          events.set(id, (events.get(id) ?? 0) + 1);
          const v = Number(headerOf(r.headers, VERSION_HEADER));
          const prev = last.get(id);
          last.set(id, { version: v, inOrder: (prev?.inOrder ?? true) && (prev === undefined || v === prev.version + 1) });
        }
        at = page[page.length - 1]!.offset + 1;
      }
      if (ids.size > 0) partitionsToMerge++;
      maxAggregatesPerPartition = Math.max(maxAggregatesPerPartition, ids.size);
      maxTypesPerPartition = Math.max(maxTypesPerPartition, types.size);
    }
  }
  const checked = [...last.values()];
  return {
    events,
    ordering: {
      aggregatesChecked: checked.length,
      aggregatesInOrder: checked.filter((x) => x.inOrder).length,
      maxAggregatesPerPartition,
      maxTypesPerPartition,
      partitionsToMerge,
    },
  };
}

/** The aggregate with the most events (ties: the smallest id), or null when the type has none. */
export function busiest(events: Map<string, number>): { id: string; events: number } | null {
  let best: { id: string; events: number } | null = null;
  for (const [id, n] of events) if (!best || n > best.events || (n === best.events && id < best.id)) best = { id, events: n };
  return best;
}
