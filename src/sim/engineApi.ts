// The one place the simulator reaches into the cluster layer. The replicated cluster and its
// consumer groups are not yet re-exported from src/engine/index.ts; when they are, only this
// file changes.
export { createSimulatedCluster, type SimulatedCluster, type ClusterSnapshot } from '../engine/groups/simulatedCluster';
export type { GroupSnapshot, RebalanceEpisode } from '../engine/groups';
export type { ClusterSim } from '../engine/replication/clusterSim';
export type { StampedEvent, ClusterEvent } from '../engine/replication/eventFeed';
export type { BrokerSnapshot, PartitionSnapshot, CounterSnapshot } from '../engine/replication/snapshot';
export type { SimRecord } from '../engine/replication/replicaLog';
export type { ProduceRecord } from '../engine/replication/producePath';
export { EXPERIMENTS, applyStep, createExperimentCluster, type Experiment, type ExperimentStep } from '../engine/experiments';
export { ASSIGNOR_NAMES, type AssignorName } from '../engine/assignors';
export { defaultPartition } from '../engine/murmur2';
