import { beforeAll, describe, expect, it } from 'vitest';
import { exampleBoard } from '../testing/exampleBoards';
import { compareTopicStrategies } from './compareStrategies';
import type { CapabilityId, ComparisonProgress, StrategyComparison, StrategyResult } from './strategyTypes';

const TALK_ORDER: CapabilityId[] = ['append', 'orderedRead', 'sequentialRead', 'consistentWrites', 'versioning', 'subscription', 'corrections', 'biTemporal', 'adHocQuery', 'snapshots', 'availability'];

const of = (c: StrategyComparison, s: StrategyResult['strategy']) => c.results.find((r) => r.strategy === s)!;
const answer = (r: StrategyResult, id: CapabilityId) => r.capabilities.find((c) => c.id === id)!;

describe('topic strategies compared on Banking with many accounts', () => {
  let c: StrategyComparison;
  const progress: ComparisonProgress[] = [];
  beforeAll(async () => {
    c = await compareTopicStrategies(exampleBoard('banking'), { seed: 5, durationMs: 8_000, commandsPerSecond: 60, aggregateIds: 120 }, (p) => progress.push(p));
  }, 240_000);

  it('runs the three strategies on the same load, reporting progress up to the end', () => {
    expect(c.results.map((r) => r.strategy)).toEqual(['perAggregateType', 'perAggregateInstance', 'sharedTopic']);
    // 60 commands a second for 8 s (the last fraction of a command carries over).
    for (const r of c.results) expect(r.figures.commandsIssued).toBe(c.results[0]!.figures.commandsIssued);
    expect(c.results[0]!.figures.commandsIssued).toBeGreaterThanOrEqual(479);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(new Set(progress.map((p) => p.strategy)).size).toBe(3);
  });

  it('counts the topics and partitions each strategy created: one single-partition topic per account', () => {
    const type = of(c, 'perAggregateType').figures;
    const instance = of(c, 'perAggregateInstance').figures;
    const accounts = instance.ordering.aggregatesChecked;
    expect(accounts).toBeGreaterThan(100);
    expect(type.eventTopics).toBe(1);
    expect(type.eventPartitions).toBe(6);
    expect(instance.eventTopics).toBe(accounts);
    expect(instance.eventPartitions).toBe(accounts);
    expect(instance.topics).toBe(type.topics - 1 + accounts);
    expect(instance.topics - instance.eventTopics).toBe(type.topics - type.eventTopics);
  });

  it('measures records scanned to rehydrate one account: the whole partition per type, only its own events per instance', () => {
    const type = of(c, 'perAggregateType').figures.rehydration;
    const instance = of(c, 'perAggregateInstance').figures.rehydration;
    for (const r of [type, instance]) {
      expect(r.withIndex).toEqual({ scanned: 0, byOffset: r.events });
      expect(r.withoutIndex.byOffset).toBe(r.events + 1);
    }
    expect(instance.partitionRecords).toBe(instance.events);
    expect(instance.withoutIndex.scanned).toBe(instance.events);
    expect(type.withoutIndex.scanned).toBe(type.partitionRecords);
    expect(type.withoutIndex.scanned).toBeGreaterThan(5 * type.events);
  });

  it('checks ordering on the logs: every account in version order; accounts interleave in a partition unless each has its own topic', () => {
    for (const r of c.results) expect(r.figures.ordering.aggregatesInOrder).toBe(r.figures.ordering.aggregatesChecked);
    expect(of(c, 'perAggregateType').figures.ordering.maxAggregatesPerPartition).toBeGreaterThan(10);
    expect(of(c, 'perAggregateInstance').figures.ordering.maxAggregatesPerPartition).toBe(1);
    expect(of(c, 'perAggregateInstance').figures.ordering.partitionsToMerge).toBe(of(c, 'perAggregateInstance').figures.eventTopics);
  });

  it('answers every capability with a demonstration on the run', () => {
    for (const r of c.results) {
      expect(r.capabilities.map((x) => x.id)).toEqual(TALK_ORDER);
      for (const id of ['append', 'orderedRead', 'consistentWrites', 'versioning', 'corrections', 'biTemporal', 'snapshots', 'availability'] as const) {
        expect(answer(r, id).answer, `${r.strategy} ${id}: ${answer(r, id).evidence}`).toBe('yes');
      }
      expect(answer(r, 'consistentWrites').evidence).toMatch(/1 wrote version (\d+), 1 was refused \(CONCURRENCY_CONFLICT: expected (\d+), the key was at \1\)/);
      expect(answer(r, 'snapshots').evidence).toMatch(/read 1 event after it/);
      expect(answer(r, 'availability').evidence).toMatch(/was elected [\d,]+ ms later/);
    }
    expect(answer(of(c, 'perAggregateType'), 'sequentialRead').answer).toBe('yes');
    expect(answer(of(c, 'perAggregateInstance'), 'sequentialRead').answer).toBe('costly');
    expect(answer(of(c, 'perAggregateInstance'), 'adHocQuery').answer).toBe('costly');
    expect(answer(of(c, 'perAggregateType'), 'adHocQuery').answer).toBe('yes');
  });
});

describe('topic strategies compared on E-commerce', () => {
  let c: StrategyComparison;
  beforeAll(async () => {
    c = await compareTopicStrategies(exampleBoard('ecommerce'), { seed: 3, durationMs: 8_000 });
  }, 240_000);

  it('counts the rebalances new instance topics cause, which the other strategies do not', () => {
    const instance = of(c, 'perAggregateInstance').figures;
    expect(instance.rebalancesBySubscription).toBeGreaterThan(0);
    expect(instance.rebalances).toBeGreaterThan(of(c, 'perAggregateType').figures.rebalances);
    expect(of(c, 'perAggregateType').figures.rebalancesBySubscription).toBe(0);
    expect(of(c, 'sharedTopic').figures.rebalancesBySubscription).toBe(0);
    expect(answer(of(c, 'perAggregateInstance'), 'subscription').answer).toBe('costly');
    expect(answer(of(c, 'perAggregateType'), 'subscription').answer).toBe('yes');
  });

  it('shows the shared topic mixing aggregate types in a partition, and its query reading them all', () => {
    expect(of(c, 'sharedTopic').figures.ordering.maxTypesPerPartition).toBe(2);
    expect(of(c, 'perAggregateType').figures.ordering.maxTypesPerPartition).toBe(1);
    expect(of(c, 'sharedTopic').figures.eventTopics).toBe(1);
    expect(of(c, 'perAggregateType').figures.eventTopics).toBe(2);
    expect(answer(of(c, 'sharedTopic'), 'adHocQuery').answer).toBe('costly');
  });

  it('reports the throughput each run achieved at the same load', () => {
    for (const r of c.results) {
      expect(r.figures.recordsPerSecond).toBeGreaterThan(0);
      expect(r.figures.eventsPerSecond).toBeGreaterThan(0);
      expect(r.figures.eventsPerSecond).toBeLessThan(r.figures.recordsPerSecond);
      expect(r.figures.handlerErrors).toBe(0);
    }
  });
});
