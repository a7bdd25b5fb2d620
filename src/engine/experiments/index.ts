// Ready-made fault experiments for the UI and the tests.
export { EXPERIMENTS } from './catalog';
export { runExperiment, applyStep, createExperimentCluster } from './runExperiment';
export type { Experiment, ExperimentStep, ExperimentResult, ExperimentVariant, ExpectedOutcome } from './types';
