// The one typed protocol between the page and the simulation worker. The page sends
// commands; the worker answers with coalesced snapshots (at most 10 a second, series as
// transferred Float64Array buffers), the run's static structure, the experiment list and
// errors. Nothing else crosses the boundary.
import type { Board } from '../model';
import type { Problem } from '../topology';
import type { AssignorName, ExperimentSummary, KeyDistribution, ProducerAcks, SimOptions, SimSeries, SimSnapshot, SimStructure } from '../sim';

export type BrokerAction = 'stop' | 'start' | 'crash' | 'isolate' | 'heal';
export type InstanceAction = 'add' | 'remove' | 'crash';

export type SimCommand =
  | { type: 'start'; board: Board; options: Partial<SimOptions> }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step'; ms: number }
  | { type: 'stop' }
  | { type: 'speed'; speed: number }
  | { type: 'rate'; commandsPerSecond: number }
  | { type: 'keys'; keys: KeyDistribution }
  | { type: 'acks'; acks: ProducerAcks }
  | { type: 'assignor'; assignor: AssignorName }
  | { type: 'instance'; action: InstanceAction; target: string }
  | { type: 'broker'; action: BrokerAction; id: number }
  | { type: 'experiment'; action: 'start'; id: string; variant?: string }
  | { type: 'experiment'; action: 'finish' | 'close' }
  | { type: 'listExperiments' }
  /** Compile a board for its problems, off the main thread (large boards take a while). */
  | { type: 'compile'; board: Board; seq: number };

export type SimMessage =
  | { type: 'snapshot'; snapshot: SimSnapshot; series: SimSeries }
  | { type: 'structure'; structure: SimStructure }
  | { type: 'experiments'; list: ExperimentSummary[] }
  | { type: 'problems'; seq: number; problems: Problem[] }
  | { type: 'error'; code: string; message: string; problems: { message: string; elementIds: readonly string[] }[] };

/**
 * The worker never posts snapshots more often than this: 10 a second reads as live, and each
 * one costs the page a render, paint and raster; 30 and then 20 a second gave main-thread
 * frames over 50 ms on a busy 2-core machine (docs/sim.md).
 */
export const SNAPSHOT_INTERVAL_MS = 100;
/** How often the worker moves simulated time. */
export const TICK_MS = 16;
/** The most simulated time one tick may run (beyond it, time runs slower than asked). */
export const MAX_SIM_MS_PER_TICK = 2_000;
