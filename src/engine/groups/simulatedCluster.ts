// The replicated cluster together with its consumer groups: one snapshot() for the UI (brokers,
// partitions, groups, rebalances in progress, counters) and one event feed, on one clock.
import type { Clock } from '../../lib/clock';
import type { ClusterSimOptions } from '../replication/clusterConfig';
import { createClusterSim, type ClusterSim } from '../replication/clusterSim';
import type { StampedEvent } from '../replication/eventFeed';
import type { ReplicationSnapshot } from '../replication/snapshot';
import { ConsumerGroups, type GroupSnapshot } from './consumerGroups';
import type { GroupsOptions } from './types';

export interface ClusterSnapshot extends ReplicationSnapshot {
  groups: GroupSnapshot[];
  /** Groups currently rebalancing. */
  rebalancesInProgress: string[];
}

export interface SimulatedCluster {
  readonly sim: ClusterSim;
  readonly groups: ConsumerGroups;
  snapshot(): ClusterSnapshot;
  events(since?: number): StampedEvent[];
  advance(ms: number): void;
  shutdown(): void;
}

export function createSimulatedCluster(options: ClusterSimOptions & GroupsOptions & { clock?: Clock } = {}): SimulatedCluster {
  const { initialRebalanceDelayMs, joinSyncLatencyMs, asyncCommitDelayMs, lagSampleIntervalMs, lagSamplesKept, ...rest } = options;
  const sim = createClusterSim(rest);
  const groups = new ConsumerGroups(sim, { initialRebalanceDelayMs, joinSyncLatencyMs, asyncCommitDelayMs, lagSampleIntervalMs, lagSamplesKept });
  return {
    sim,
    groups,
    snapshot() {
      const g = groups.snapshot();
      return { ...sim.snapshot(), groups: g, rebalancesInProgress: g.filter((x) => x.rebalancing).map((x) => x.groupId) };
    },
    events: (since) => sim.events(since),
    advance: (ms) => sim.advance(ms),
    shutdown() {
      groups.shutdown();
      sim.shutdown();
    },
  };
}
