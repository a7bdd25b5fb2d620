// One strategy's run: the board with its topic strategy set, run on the simulated cluster with
// the comparison's seed and load for a fixed simulated time, then paused and measured: what
// the cluster holds, what rehydrating one aggregate reads, the ordering its logs hold, the
// rebalances and throughput of the run; then the capability demonstrations on the same cluster.
import type { Board, TopicStrategy } from '../../model';
import { Simulation } from '../simulation';
import type { Cluster } from '../engineApi';
import { demonstrateCapabilities } from './capabilityDemos';
import { busiest, scanType, streamsOf, type TypeScan, type TypeStreams } from './eventStreams';
import { countLogReads } from './logReadCounter';
import { rehydrationCost } from './rehydrationCost';
import { StrategyComparisonError } from '../errors';
import { STRATEGY_LABELS, type ComparisonSettings, type StrategyFigures, type StrategyResult } from './strategyTypes';

/** Simulated time per advance: progress is reported after each. */
const SLICE_MS = 1_000;

export type RunProgress = (fraction: number, phase: 'running' | 'measuring') => void;

export async function runStrategy(board: Board, strategy: TopicStrategy, settings: ComparisonSettings, progress: RunProgress = () => {}): Promise<StrategyResult> {
  const sim = new Simulation({ ...board, settings: { ...board.settings, topicStrategy: strategy } }, {
    seed: settings.seed,
    commandsPerSecond: settings.commandsPerSecond,
    aggregateIds: settings.aggregateIds,
  });
  try {
    await sim.start();
    for (let t = 0; t < settings.durationMs; t += SLICE_MS) {
      await sim.advance(Math.min(SLICE_MS, settings.durationMs - t));
      progress(Math.min(1, (t + SLICE_MS) / settings.durationMs), 'running');
    }
    sim.pause();
    progress(1, 'measuring');
    const cluster = sim.activeCluster!;
    const all = streamsOf(cluster, sim.topology);
    // A read of every event of every type from the start (counted), which also finds the
    // aggregate to measure and checks the ordering the logs hold.
    const logs = all.flatMap((s) => s.topics.flatMap((t) => cluster.engine.topic(t).partitions.map((p) => cluster.engine.leaderLog(p))));
    const full = await countLogReads(logs, async () => {
      const scans: TypeScan[] = [];
      for (const s of all) scans.push(await scanType(cluster, s));
      return scans;
    });
    const at = full.value.findIndex((x) => x.events.size > 0);
    if (at < 0) throw new StrategyComparisonError(
        `The "${STRATEGY_LABELS[strategy]}" run wrote no event in ${settings.durationMs / 1000} simulated seconds: run it longer (consumer groups start after a few seconds), or link commands that nobody else issues to the board's aggregates.`,
        { strategy },
      );
    const streams = all[at]!;
    const scan = full.value[at]!;
    const chosen = busiest(scan.events)!;
    const figures = await measure(sim, cluster, streams, scan, chosen.id, settings.durationMs);
    const fullRead = { records: full.reads.scanned, topics: new Set(logs.map((l) => l.topic)).size, partitions: logs.length };
    const typeRecords = [...scan.events.values()].reduce((a, b) => a + b, 0);
    const capabilities = await demonstrateCapabilities({ sim, cluster, streams, allStreams: all, aggregateId: chosen.id, figures, fullRead, typeRecords });
    return { strategy, settings, figures, capabilities };
  } finally {
    await sim.stop();
  }
}

async function measure(sim: Simulation, cluster: Cluster, streams: TypeStreams, scan: TypeScan, aggregateId: string, durationMs: number): Promise<StrategyFigures> {
  const board = [...cluster.engine.topics.entries()].filter(([name]) => !name.startsWith('__'));
  const eventNames = new Set(streamsOf(cluster, sim.topology).flatMap((s) => s.topics));
  const events = board.filter(([name]) => eventNames.has(name));
  let rebalances = 0;
  let bySubscription = 0;
  let pauseMs = 0;
  for (const g of cluster.groups.snapshot()) {
    for (const episode of cluster.groups.rebalances(g.groupId)) {
      rebalances++;
      if (/subscription/.test(episode.reason)) bySubscription++;
      pauseMs += episode.totalPauseMs;
    }
  }
  const secs = durationMs / 1000;
  const ledger = cluster.replication.core.ledger.counters();
  let appended = 0;
  for (const [topic, count] of sim.flow.produced) if (eventNames.has(topic)) appended += count;
  return {
    topics: board.length,
    partitions: board.reduce((sum, [, t]) => sum + t.partitions.length, 0),
    eventTopics: events.length,
    eventPartitions: events.reduce((sum, [, t]) => sum + t.partitions.length, 0),
    rehydration: await rehydrationCost(cluster, streams, aggregateId),
    ordering: scan.ordering,
    rebalances,
    rebalancesBySubscription: bySubscription,
    rebalancePauseMs: pauseMs,
    recordsPerSecond: Math.round(ledger.produced / secs),
    eventsPerSecond: Math.round(appended / secs),
    consumedPerSecond: Math.round(ledger.consumed / secs),
    lagAtEnd: cluster.groups.snapshot().reduce((sum, g) => sum + g.totalLag, 0),
    commandsIssued: sim.flow.commandsIssued,
    handlerErrors: sim.flow.handlerErrors,
  };
}
