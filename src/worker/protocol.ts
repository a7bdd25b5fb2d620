// The one typed protocol between the page and the worker that runs the engine and the
// simulation. The page sends commands: simulation controls, and engine calls (request/reply by
// id). The worker answers with coalesced simulation snapshots (at most 10 a second, series as
// transferred Float64Array buffers), the run's static structure, the experiment list, compile
// problems, errors, and engine replies. Everything that crosses is structured-clone friendly:
// strings, numbers, plain objects and byte arrays.
import type { ITopicConfig, KafkaMessage, Message, RecordMetadata } from '../engine/index';
import type { Board } from '../model';
import type { Problem, ScenarioResult } from '../topology';
import type { AssignorName, ExperimentSummary, KafkaConsoleApi, KeyDistribution, ProducerAcks, RebalanceHistoryView, RemoteSchemaProposal, RunAction, SimOptions, SimSeries, SimSnapshot, SimStructure } from '../sim';

export interface OpenOptions {
  /** 'memory', or the name of an IndexedDB database in the worker's origin. */
  storage: 'memory' | { name: string; durability?: 'strict' | 'relaxed' };
  clock?: 'real' | 'virtual';
  seed?: number;
  brokers?: number;
}

export interface TopicOffsets {
  partition: number;
  low: string;
  high: string;
}

export interface ConsumeRequest {
  groupId: string;
  topic: string;
  fromBeginning?: boolean;
  /** Resolve once this many messages arrived (they are committed before resolving). */
  count: number;
}

export interface EngineWorkerApi {
  open(options: OpenOptions): Promise<void>;
  createTopics(topics: ITopicConfig[]): Promise<boolean>;
  listTopics(): Promise<string[]>;
  send(topic: string, messages: Message[], acks?: -1 | 0 | 1): Promise<RecordMetadata[]>;
  fetchTopicOffsets(topic: string): Promise<TopicOffsets[]>;
  fetchOffsets(groupId: string, topic: string): Promise<{ partition: number; offset: string }[]>;
  /** Runs a consumer in the worker until `count` messages arrived, commits, and returns them. */
  consume(request: ConsumeRequest): Promise<KafkaMessage[]>;
  /** Reads a partition from an offset up to the high watermark (at most maxRecords). */
  read(topic: string, partition: number, offset: string, maxRecords: number): Promise<KafkaMessage[]>;
  runCleaner(): Promise<{ segmentsDeleted: number; partitionsCompacted: number; recordsRemoved: number }>;
  /** The worker's used JS heap in bytes, when the browser reports it. */
  heapUsed(): Promise<number | null>;
  close(): Promise<void>;
}

export type BrokerAction = 'stop' | 'start' | 'crash' | 'isolate' | 'heal';
export type InstanceAction = 'add' | 'remove' | 'crash';

export type SimCommand =
  /** Starts a run of the board; in a browser with IndexedDB the run is stored per board (survives a reload). */
  | { type: 'start'; board: Board; options: Partial<SimOptions>; /** false: memory only, not stored (benchmarks compare the two). */ stored?: boolean }
  /** Brings back the board's stored run, paused (answered with `restored`); the run on screen before is stored and closed. */
  | { type: 'restore'; board: Board }
  /** Stores the run now (the page is being hidden or closed). */
  | { type: 'checkpoint' }
  /** Deletes the board's stored run (after Stop, when the person chose to discard it). */
  | { type: 'discard'; boardId: string }
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
  /** finish: play every step now; next: stop playing on and apply the next step; play: play on again. */
  | { type: 'experiment'; action: 'finish' | 'close' | 'next' | 'play' }
  | { type: 'listExperiments' }
  /**
   * Exact replay of the run on screen (docs/sim.md "Exact replay"): open it (the live run pauses),
   * step 10 ms, go to the next action, seek to a time (back means replaying from the start),
   * play or hold, take over from where it stands ("Continue from here": the replayed run becomes
   * the board's run, recording new actions from there), or close it (back to the live run).
   */
  | { type: 'replay'; action: 'open' | 'step' | 'nextAction' | 'play' | 'hold' | 'takeOver' | 'close' }
  | { type: 'replay'; action: 'seek'; at: number }
  /** Compile a board for its problems, off the main thread (large boards take a while). */
  | { type: 'compile'; board: Board; seq: number };

export type SimMessage =
  /** `rebalances` comes only when the rebalance history changed since the last one sent. */
  /**
   * `achievedSpeed`: simulated per wall milliseconds over the last seconds a live run ran (absent
   * before enough of it, while paused, and in replays and experiments).
   */
  | { type: 'snapshot'; snapshot: SimSnapshot; series: SimSeries; rebalances?: RebalanceHistoryView; replay?: ReplayView; achievedSpeed?: number }
  | { type: 'structure'; structure: SimStructure }
  /** The answer to `restore`: whether the board had a stored run (then a snapshot follows, paused). */
  | { type: 'restored'; boardId: string; found: boolean }
  /** The answer to `discard`: the board's stored run is deleted. */
  | { type: 'discarded'; boardId: string }
  | { type: 'experiments'; list: ExperimentSummary[] }
  /**
   * A compile's answer: the board's problems, the results of its Given-When-Then scenarios, and
   * the schema verdicts of events with registered versions (by element id; computed here because
   * the workshop server's page policy forbids the code generation Avro needs).
   */
  | { type: 'problems'; seq: number; problems: Problem[]; scenarios: ScenarioResult[]; schemas?: Record<string, RemoteSchemaProposal> }
  | { type: 'error'; code: string; message: string; problems: { message: string; elementIds: readonly string[] }[] };

/** One recorded action on the replay timeline. */
export interface ReplayMark {
  at: number;
  kind: RunAction['kind'];
  label: string;
}

/** The run's timeline: the live run's recording, or the replay on screen and where it stands. */
export interface ReplayView {
  mode: 'live' | 'replay';
  /** Simulated time shown. */
  at: number;
  /** How far the recording replays exactly (its end, or where a reload continued it). */
  end: number;
  marks: ReplayMark[];
  playing: boolean;
  /** A seek under way: its target, and whether it went back to replay from the start. */
  seeking: { target: number; fromStart: boolean } | null;
}

/**
 * The worker never posts snapshots more often than this: 10 a second reads as live, and each
 * one costs the page a render, paint and raster; 30 and then 20 a second gave main-thread
 * frames over 50 ms on a busy 2-core machine (docs/sim.md).
 */
export const SNAPSHOT_INTERVAL_MS = 100;
/** How often a stored run is checkpointed while it runs (wall milliseconds). */
export const CHECKPOINT_INTERVAL_MS = 5_000;
/** How often the worker moves simulated time. */
export const TICK_MS = 16;
/** The most simulated time one tick may run (beyond it, time runs slower than asked). */
export const MAX_SIM_MS_PER_TICK = 2_000;

/** An engine call: one method of EngineWorkerApi with its arguments, answered by an `engineReply` with the same id. */
export type EngineCall = { [K in keyof EngineWorkerApi]: { type: 'engine'; id: number; method: K; args: Parameters<EngineWorkerApi[K]> } }[keyof EngineWorkerApi];

export type EngineReply = { type: 'engineReply'; id: number; ok: true; value: unknown } | { type: 'engineReply'; id: number; ok: false; code: string; message: string };

/**
 * A Kafka console call (message browser, topic configs, produce, reset offsets) on the running
 * board's cluster, answered by a `consoleReply` with the same id. It waits for commands sent
 * before it (a start), and reads never disturb the run.
 */
export type ConsoleCall = { [K in keyof KafkaConsoleApi]: { type: 'console'; id: number; method: K; args: Parameters<KafkaConsoleApi[K]> } }[keyof KafkaConsoleApi];

export type ConsoleReply = { type: 'consoleReply'; id: number; ok: true; value: unknown } | { type: 'consoleReply'; id: number; ok: false; code: string; message: string };

/** Everything the page sends to the worker. */
export type WorkerCommand = SimCommand | EngineCall | ConsoleCall;
/** Everything the worker sends to the page. */
export type WorkerMessage = SimMessage | EngineReply | ConsoleReply;
