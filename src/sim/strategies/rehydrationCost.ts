// Records the engine's event store reads to rehydrate one aggregate, measured on the log: once
// as a reader without a key index (a new event store, whose index must first read the whole
// partition, as a Kafka consumer filtering by key would), and once with the index in place (the
// engine's extension to Kafka: the key's own records only).
import { EventStore, type Cluster } from '../engineApi';
import { countLogReads } from './logReadCounter';
import { logOf, type TypeStreams } from './eventStreams';
import type { LogReads, RehydrationCost } from './strategyTypes';

const sum = (a: LogReads, b: LogReads): LogReads => ({ scanned: a.scanned + b.scanned, byOffset: a.byOffset + b.byOffset });

export async function rehydrationCost(cluster: Cluster, s: TypeStreams, aggregateId: string): Promise<RehydrationCost> {
  const topic = s.topicOf(aggregateId);
  const key = s.keyOf(aggregateId);
  const log = logOf(cluster, topic, key);
  // A store of its own: the run's store already has its index (and decoded events) in memory.
  const store = new EventStore(cluster.engine, topic);
  // Reading no version still brings the key index up to the log end: the scan, on its own.
  const index = await countLogReads([log], () => store.read(key, { fromVersion: 1, toVersion: 0 }));
  const read = await countLogReads([log], () => store.read(key));
  return {
    aggregateType: s.aggregate.typeName,
    aggregateId,
    topic,
    partition: log.partition,
    events: read.value.length,
    partitionRecords: log.logEndOffset - log.logStartOffset,
    withoutIndex: sum(index.reads, read.reads),
    withIndex: read.reads,
  };
}
