// The one place the simulator reaches into the engine. Most of it is the engine's public API
// (src/engine/index.ts); the replicated cluster's produce/fetch types, the record shape and
// the experiment stepper are not exported there yet, so they come from their modules.
export {
  createSimulatedCluster,
  EXPERIMENTS,
  ASSIGNOR_NAMES,
  defaultPartition,
  sendRetrying,
  type SimulatedCluster,
  type ClusterSnapshot,
  type StampedEvent,
  type ClusterEvent,
  type BrokerSnapshot,
  type PartitionSnapshot,
  type CounterSnapshot,
  type Experiment,
  type ExperimentStep,
  type AssignorName,
} from '../engine';
export type { DeliveryLease, GroupSnapshot, RebalanceEpisode } from '../engine/groups';
export type { ClusterSim } from '../engine/replication/clusterSim';
export { idAt, recordAt, type SimRecord, type ProduceRecord } from '../engine/replication/records';
export { applyStep, createExperimentCluster } from '../engine/experiments';
