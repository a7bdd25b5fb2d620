// Public face of the simulation layer: a board run on the simulated cluster, the fault
// experiment player, and the plain data the worker sends to the UI.
export { Simulation, STEP_MS, SIM_EPOCH_MS } from './simulation';
export { discardRun, type RunStorage } from './runStore';
export { ExperimentPlayer, listExperiments, type ExperimentSummary } from './experimentPlayer';
export { SIM_DEFAULTS, MIN_SPEED, MAX_SPEED, MAX_COMMANDS_PER_SECOND, MAX_BROKERS, resolveSimOptions, type SimOptions, type ProducerAcks } from './options';
export type { KeyDistribution } from './keyDistribution';
export type { SimState, SimAction } from './lifecycle';
export type * from './simSnapshot';
export type { SimStructure, StructureNode, StructureEdge } from './structure';
export type { RoleKind } from './groupRoles';
export { ASSIGNOR_NAMES, type AssignorName, type BrokerSnapshot, type PartitionSnapshot, type StampedEvent } from './engineApi';
export * from './errors';
export { KafkaConsole, prettyJson, DEFAULT_BROWSE_LIMIT, MAX_BROWSE_LIMIT, BROWSE_SCAN_BUDGET } from './kafkaConsole';
export { COMPACTION_RECORDS_SHOWN, type CompactionRequest, type CompactionView, type SegmentView, type LogRecordView, type CleanerPassResult } from './compactionView';
export type { KafkaConsoleApi, BrowseRequest, BrowseFrom, BrowsePage, BrowsedMessage, TopicConfigView, ProduceRequest, ResetRequest, ResetTarget, ResetResult } from './kafkaConsole';
export { partitionLagStatus, groupLagStatus, type PartitionLagStatus, type GroupLagStatus, type OffsetCommit, type PartitionLagInput, type GroupLagInput, type GroupPartitionInput, type GroupHealth, type PartitionHealth } from './lagHealth/burrow';
export { estimateClearMs, lagTrend, type LagTrend } from './lagHealth/clearTime';
export type { LagHealthView } from './lagHealth/lagHealthTracker';
export { currentCauses, ImpactTracker, RECOVERED_SHOWN_MS, type ImpactState, type StickyImpact, type RecoveredImpact } from './businessImpact';
export { triggerOf, type RebalanceTrigger, type OwnershipSegment, type RebalanceView, type GroupRebalanceHistory, type RebalanceHistoryView } from './rebalanceHistory';
export { RunReplay, type SeekProgress } from './runReplay';
export { changesRun, replayableEnd, type RunAction, type RecordedAction, type RunRecording } from './runRecording';
export { boardSchemaProposals, type RemoteSchemaProposal } from './schemaEvolution';
export { compareTopicStrategies } from './strategies/compareStrategies';
export { TOPIC_STRATEGIES, STRATEGY_LABELS, CAPABILITIES, COMPARISON_DEFAULTS, type StrategyComparison, type StrategyResult, type StrategyFigures, type CapabilityResult, type CapabilityAnswer, type CapabilityId, type ComparisonProgress, type ComparisonSettings, type RehydrationCost, type OrderingFacts } from './strategies/strategyTypes';
export { figureRows, orderingGuarantee, type FigureRow } from './strategies/figureRows';
