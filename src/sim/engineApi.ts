// The one place the simulator reaches into the engine; everything comes through the engine's
// public face (src/engine/index.ts), except the experiment stepper, whose step-by-step API is
// not exported there yet.
export {
  createCluster,
  parseTopicConfig,
  utf8,
  EXPERIMENTS,
  ASSIGNOR_NAMES,
  defaultPartition,
  sendRetrying,
  type Cluster,
  type Engine,
  type ConfigEntry,
  type ConsumedRecord,
  type ClusterSnapshot,
  type StampedEvent,
  type ClusterEvent,
  type BrokerSnapshot,
  type PartitionSnapshot,
  type CounterSnapshot,
  type Experiment,
  type ExperimentStep,
  type AssignorName,
  type DeliveryLease,
  type GroupSnapshot,
  type RebalanceEpisode,
  type ClusterSim,
  type PartitionLog,
  type LedgerCounters,
  type DecodedRecord,
  type Admin,
  type Producer,
} from '../engine';
// The simulator's event store still reads records by offset on the replicas (until it is the engine's own).
export { idAt, recordAt, type SimRecord, type ProduceRecord } from '../engine/replication/records';
export { applyStep, createExperimentCluster } from '../engine/experiments';
