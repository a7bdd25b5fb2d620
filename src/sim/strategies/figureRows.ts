// The comparison's figures as the rows a table shows, one value per strategy, each derived from
// what the run measured (the ordering guarantee is read off the logs' ordering facts). Pure, so
// the words are tested here and the UI only lays them out.
import type { OrderingFacts, StrategyResult } from './strategyTypes';

export interface FigureRow {
  label: string;
  /** Why the figure matters, shown beside the label. */
  note?: string;
  values: string[];
}

const n = (x: number) => x.toLocaleString('en-US');

/** The ordering a reader can rely on, as the logs of the run hold it. */
export function orderingGuarantee(o: OrderingFacts): string {
  const own = o.aggregatesChecked === 0 ? 'no aggregate to check' : o.aggregatesInOrder === o.aggregatesChecked ? `in order (all ${n(o.aggregatesChecked)} checked)` : `out of order in ${n(o.aggregatesChecked - o.aggregatesInOrder)} of ${n(o.aggregatesChecked)}`;
  const across =
    o.maxAggregatesPerPartition <= 1
      ? `across aggregates: none (${n(o.partitionsToMerge)} single-aggregate topics to merge)`
      : `across aggregates: within a partition only (up to ${n(o.maxAggregatesPerPartition)} interleave in one of ${n(o.partitionsToMerge)})`;
  const types = o.maxTypesPerPartition > 1 ? `; ${o.maxTypesPerPartition} aggregate types share a partition, ordered together` : '';
  return `Per aggregate: ${own}; ${across}${types}.`;
}

export function figureRows(results: readonly StrategyResult[]): FigureRow[] {
  const row = (label: string, value: (r: StrategyResult) => string, note?: string): FigureRow => ({ label, values: results.map(value), ...(note ? { note } : {}) });
  return [
    row('Topics created', (r) => n(r.figures.topics), 'the board’s topics at the end of the run'),
    row('Partitions created', (r) => n(r.figures.partitions)),
    row('Event-store topics (partitions)', (r) => `${n(r.figures.eventTopics)} (${n(r.figures.eventPartitions)})`),
    row(
      'Records scanned to rehydrate one aggregate',
      (r) => `${n(r.figures.rehydration.withoutIndex.scanned)} (the whole partition) to find ${n(r.figures.rehydration.events)} events`,
      'without an index, as a Kafka consumer must read; counted on the partition log while the engine’s event store read',
    ),
    row('Records read with the engine’s key index', (r) => n(r.figures.rehydration.withIndex.byOffset + r.figures.rehydration.withIndex.scanned), 'the aggregate’s own records only'),
    row('Aggregate measured', (r) => `${r.figures.rehydration.aggregateType} ${r.figures.rehydration.aggregateId}: ${n(r.figures.rehydration.events)} events in a partition of ${n(r.figures.rehydration.partitionRecords)} records`),
    row('Ordering guarantee', (r) => orderingGuarantee(r.figures.ordering)),
    row('Rebalances caused', (r) => `${n(r.figures.rebalances)} (${n(r.figures.rebalancesBySubscription)} by new topics), ${n(r.figures.rebalancePauseMs)} ms paused`),
    row('Records/s produced', (r) => n(r.figures.recordsPerSecond), 'commands, events and read-model rows, per simulated second'),
    row('Events/s appended', (r) => n(r.figures.eventsPerSecond)),
    row('Records/s consumed', (r) => n(r.figures.consumedPerSecond), 'by the consumer groups, per simulated second'),
    row('Lag at the end', (r) => n(r.figures.lagAtEnd), 'records not consumed yet when the run stopped'),
  ];
}
