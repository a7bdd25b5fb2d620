// What the topic-strategy comparison hands the UI: per strategy, the figures measured on its run
// and the event-store capability table answered by demonstrations on that run's cluster. Plain
// data (structured-clone friendly), so it crosses the worker boundary as it is.
import type { TopicStrategy } from '../../model';

export const TOPIC_STRATEGIES: readonly TopicStrategy[] = ['perAggregateType', 'perAggregateInstance', 'sharedTopic'];

export const STRATEGY_LABELS: Record<TopicStrategy, string> = {
  perAggregateType: 'One topic per aggregate type',
  perAggregateInstance: 'One topic per aggregate instance',
  sharedTopic: 'One shared topic',
};

/** The same run for every strategy: seed, load and simulated duration. */
export interface ComparisonSettings {
  seed: number;
  /** Simulated milliseconds each strategy runs before it is measured. */
  durationMs: number;
  commandsPerSecond: number;
  aggregateIds: number;
}

export const COMPARISON_DEFAULTS: ComparisonSettings = { seed: 42, durationMs: 20_000, commandsPerSecond: 40, aggregateIds: 50 };

/** Records the event store asked the partition log for while it did one thing. */
export interface LogReads {
  /** Records in the chunks it scanned (a key index catching up reads every record of the partition). */
  scanned: number;
  /** Records it read by offset (the key's own events, a version header). */
  byOffset: number;
}

export interface RehydrationCost {
  /** The aggregate measured: the one of its type with the most events in this run. */
  aggregateType: string;
  aggregateId: string;
  topic: string;
  partition: number;
  /** Its events (the stream's version). */
  events: number;
  /** Records in the partition that holds it. */
  partitionRecords: number;
  /** A reader without a key index (a new event store; as a Kafka consumer must): scan + reads. */
  withoutIndex: LogReads;
  /** The same read once the partition's key index exists (the engine's extension). */
  withIndex: LogReads;
}

export interface OrderingFacts {
  /** Aggregates whose events sit in offset order with versions 1, 2, 3, … (checked over every aggregate of the type). */
  aggregatesChecked: number;
  aggregatesInOrder: number;
  /** Most aggregates of the type whose events interleave in one partition (1: no total order between aggregates). */
  maxAggregatesPerPartition: number;
  /** Most aggregate types in one partition (more than 1 only when types share a topic). */
  maxTypesPerPartition: number;
  /** Partitions one full read of the type must merge (no order between them). */
  partitionsToMerge: number;
}

export interface StrategyFigures {
  /** The board's topics (internal ones, __*, left out) and their partitions at the end of the run. */
  topics: number;
  partitions: number;
  /** Of those, the event topics (the event store) and their partitions. */
  eventTopics: number;
  eventPartitions: number;
  rehydration: RehydrationCost;
  ordering: OrderingFacts;
  /** Rebalances of the run's consumer groups, and how many a new topic (a subscription change) set off. */
  rebalances: number;
  rebalancesBySubscription: number;
  /** Sum over rebalances of the time partitions were not consumed. */
  rebalancePauseMs: number;
  /** Records the producers wrote per simulated second (commands, events, read-model rows). */
  recordsPerSecond: number;
  /** Events the aggregates appended per simulated second. */
  eventsPerSecond: number;
  /** Records the consumer groups read per simulated second (a rebalance pause lowers it). */
  consumedPerSecond: number;
  /** Records the groups had not consumed yet when the run ended. */
  lagAtEnd: number;
  commandsIssued: number;
  handlerErrors: number;
}

export type CapabilityId =
  | 'append'
  | 'orderedRead'
  | 'sequentialRead'
  | 'consistentWrites'
  | 'versioning'
  | 'subscription'
  | 'corrections'
  | 'biTemporal'
  | 'adHocQuery'
  | 'snapshots'
  | 'availability';

/** The talk's event-store capability table, in its order, with the question each row asks. */
export const CAPABILITIES: readonly { id: CapabilityId; label: string; question: string }[] = [
  { id: 'append', label: 'Append', question: 'Can an event be added to an aggregate’s stream?' },
  { id: 'orderedRead', label: 'Per-aggregate ordered read', question: 'Can one aggregate’s events be read in order, without reading others?' },
  { id: 'sequentialRead', label: 'Full sequential read', question: 'Can every event be read from the start, in one pass?' },
  { id: 'consistentWrites', label: 'Consistent writes', question: 'Is a write refused when the stream moved on since it was read?' },
  { id: 'versioning', label: 'Versioning', question: 'Does each event carry its stream version?' },
  { id: 'subscription', label: 'Subscription', question: 'Can a reader follow new events as they come?' },
  { id: 'corrections', label: 'Correction events', question: 'Can a mistake be corrected by a new event, keeping history?' },
  { id: 'biTemporal', label: 'Bi-temporal time', question: 'Are event time and recording time both kept, and queryable?' },
  { id: 'adHocQuery', label: 'Ad-hoc query', question: 'Can events be found by their content?' },
  { id: 'snapshots', label: 'Snapshots', question: 'Can rehydration start from a saved state?' },
  { id: 'availability', label: 'Availability', question: 'Do writes go on when a broker fails?' },
];

/** 'yes': done as asked; 'costly': done, at a cost this run measured; 'no': refused or not possible. */
export type CapabilityAnswer = 'yes' | 'costly' | 'no';

export interface CapabilityResult {
  id: CapabilityId;
  answer: CapabilityAnswer;
  /** What the demonstration did and saw, with the figures it measured ("show me"). */
  evidence: string;
}

export interface StrategyResult {
  strategy: TopicStrategy;
  settings: ComparisonSettings;
  figures: StrategyFigures;
  capabilities: CapabilityResult[];
}

export interface StrategyComparison {
  boardName: string;
  settings: ComparisonSettings;
  results: StrategyResult[];
}

/** Progress of a comparison: which strategy, and how far its simulated time has gone. */
export interface ComparisonProgress {
  strategy: TopicStrategy;
  index: number;
  of: number;
  /** 0..1 of all three runs. */
  fraction: number;
  phase: 'running' | 'measuring';
}
