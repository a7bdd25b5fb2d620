// Mirror of the simulation worker for React: the latest snapshot, series and structure, and
// actions that send commands to the worker. Messages are kept as they arrive but applied to
// the store at most once per animation frame, so the UI never renders per message.
import { create } from 'zustand';
import type { Board } from '../model';
import type { Problem, ScenarioResult } from '../topology';
import type { AssignorName, ExperimentSummary, KafkaConsoleApi, KeyDistribution, ProducerAcks, RebalanceHistoryView, RemoteSchemaProposal, SimOptions, SimSeries, SimSnapshot, SimStructure } from '../sim';
import { MAX_COMMANDS_PER_SECOND } from '../sim';
import { createWorkerClient, type SimClient } from '../worker/client';
import { BadgeRates, type LiveBadge } from './badgeRates';
import type { StartOnlyOption } from './runChanges';
import type { BrokerAction, InstanceAction, ReplayView, SimCommand, SimMessage } from '../worker/protocol';

/** A replay command without its type tag (see protocol.ts). */
type Untagged<C> = C extends { type: 'replay' } ? Omit<C, 'type'> : never;
export type ReplayCommand = Untagged<Extract<SimCommand, { type: 'replay' }>>;

export type { SimSnapshot, SimSeries, SimStructure, ExperimentSummary, AssignorName, ProducerAcks, KeyDistribution, RebalanceHistoryView };
export type { GroupRebalanceHistory, RebalanceView, OwnershipSegment, RebalanceTrigger } from '../sim';
export type { LagHealthView, PartitionLagStatus, GroupLagStatus, GroupView, ServiceView, ReadModelView, ExperimentView, SimCounters, BrokerSnapshot, PartitionSnapshot, PartitionView, StampedEvent, StructureNode, StructureEdge } from '../sim';
export { ASSIGNOR_NAMES, MIN_SPEED, MAX_SPEED, MAX_BROKERS, SIM_DEFAULTS } from '../sim';
export type { BrokerAction, InstanceAction, ReplayView };

export type SimTab = 'cluster' | 'lag' | 'topics' | 'topology' | 'groups' | 'rebalances' | 'experiments' | 'readModels' | 'help';

export interface SimStoreState {
  open: boolean;
  tab: SimTab;
  snapshot: SimSnapshot | null;
  series: SimSeries | null;
  /** Per group: ownership over time and rebalances (sent when it changed). */
  rebalances: RebalanceHistoryView | null;
  structure: SimStructure | null;
  experiments: ExperimentSummary[];
  error: string | null;
  /** Options for the next run (and live changes to the current one). */
  options: Partial<SimOptions>;
  /** The latest compile problems of the open board (compiled in the worker). */
  problems: { seq: number; list: Problem[]; scenarios: ScenarioResult[]; schemas: Record<string, RemoteSchemaProposal> } | null;
  /** Store updates applied (at most one per animation frame). */
  applied: number;
  /** The board the current run belongs to (null before the first run). */
  runBoardId: string | null;
  /** The options the current run started with (start-only settings compare with them). */
  runOptions: Partial<SimOptions>;
  /** The board as the current run started it, to tell edits made mid-run (runChanges.ts). */
  runBoard: Board | null;
  /** Live badges of the run's stickies by element id (board runs only). */
  badges: Record<string, LiveBadge> | null;
  /** A run was stopped that is still stored: the page asks whether to discard it. */
  stoppedStored: { boardId: string; boardName: string; discarding?: boolean } | null;
  /** The run's timeline: the live run's recorded actions, or the replay on screen (docs/sim.md "Exact replay"). */
  replay: ReplayView | null;
  /** How fast the live run's simulated time really moves (× real time), null while not measured. */
  achievedSpeed: number | null;
}

export interface SimStoreActions {
  /** Starts a run of the board (stored in the browser unless `stored` is false). */
  run(board: Board, stored?: boolean): void;
  /**
   * The board on screen changed: a run belongs to its board, so a run of another board that is
   * going is paused (and "Run simulation" then runs the board on screen, see runControls).
   */
  boardShown(boardId: string | null): void;
  /** Asks the worker for the board's compile problems (answered into `problems`). */
  /**
   * Brings back the board's stored run, paused, when it has one (a reload, or coming back to a
   * board): the worker stores and closes the run it had on screen first.
   */
  restoreStored(board: Board): void;
  /** Deletes the stored run of a board (offered after Stop). */
  discardStored(boardId: string): void;
  /** The page is being hidden or closed: a stored run is stored now. */
  checkpoint(): void;
  /** Keeps the stopped run stored (closes the question). */
  keepStored(): void;
  compile(board: Board): void;
  pause(): void;
  resume(): void;
  step(ms?: number): void;
  stop(): void;
  setSpeed(speed: number): void;
  /** Sets the command rate, clamped to 0..MAX_COMMANDS_PER_SECOND. */
  setRate(commandsPerSecond: number): void;
  setKeys(keys: KeyDistribution): void;
  setAcks(acks: ProducerAcks): void;
  setAssignor(assignor: AssignorName): void;
  /** Settings read when a run starts (brokers, min.insync.replicas): kept for the next start. */
  setRunSettings(patch: Partial<Pick<SimOptions, StartOnlyOption>>): void;
  instance(action: InstanceAction, target: string): void;
  /** A crashed instance comes back: it is removed and a new instance of its service starts. */
  restartInstance(instanceId: string, serviceId: string): void;
  broker(action: BrokerAction, id: number): void;
  startExperiment(id: string, variant?: string): void;
  finishExperiment(): void;
  /** Stops the experiment playing on by itself and applies its next step. */
  nextExperimentStep(): void;
  /** A stepped experiment plays on by itself again. */
  playExperiment(): void;
  closeExperiment(): void;
  /** Exact replay: open, step, next action, seek, play, hold, take over ("Continue from here"), close. */
  replayCommand(cmd: ReplayCommand): void;
  loadExperiments(): void;
  setTab(tab: SimTab): void;
  setOpen(open: boolean): void;
  clearError(): void;
  reset(): void;
}

const initial: SimStoreState = {
  open: false,
  tab: 'cluster',
  snapshot: null,
  series: null,
  rebalances: null,
  structure: null,
  experiments: [],
  error: null,
  options: {},
  applied: 0,
  problems: null,
  runBoardId: null,
  runOptions: {},
  runBoard: null,
  badges: null,
  stoppedStored: null,
  replay: null,
  achievedSpeed: null,
};

let client: SimClient | null = null;
let unsubscribe: (() => void) | null = null;
let pending: Partial<SimStoreState> | null = null;
let frameRequested = false;
let received = 0;
let compileSeq = 0;
/** Boards asked to be restored, by id, until the worker answers. */
const restoring = new Map<string, Board>();
/** The board whose run the worker has open (it stores and closes it when another board's run comes). */
let onWorker: string | null = null;
/** A stored run came back: its first snapshot sets the controls (speed, rate, acks, assignor) to the run's own. */
let adoptRunOptions = false;
const badgeRates = new BadgeRates();

/**
 * Most commands per simulated second a run may be asked for (the simulation refuses more): the
 * rate is clamped here, before any command reaches the worker, whatever set it.
 */
export { MAX_COMMANDS_PER_SECOND };

/** A command rate within 0..MAX_COMMANDS_PER_SECOND (anything not a number counts as 0). */
export function clampRate(commandsPerSecond: number): number {
  return Number.isFinite(commandsPerSecond) ? Math.min(MAX_COMMANDS_PER_SECOND, Math.max(0, commandsPerSecond)) : commandsPerSecond === Infinity ? MAX_COMMANDS_PER_SECOND : 0;
}

/** The one way to the worker keeps every rate within bounds. */
function bounded(cmd: SimCommand): SimCommand {
  if (cmd.type === 'rate') return { ...cmd, commandsPerSecond: clampRate(cmd.commandsPerSecond) };
  if (cmd.type === 'start' && cmd.options.commandsPerSecond !== undefined)
    return { ...cmd, options: { ...cmd.options, commandsPerSecond: clampRate(cmd.options.commandsPerSecond) } };
  return cmd;
}
/** What the run was last told to do (snapshots lag a frame behind the commands sent). */
let intended: 'running' | 'paused' | 'stopped' | null = null;

/** Messages received from the worker so far (the benchmark compares it with `applied`). */
export function simMessagesReceived(): number {
  return received;
}

const nextFrame: (fn: () => void) => void = (fn) => {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  if (raf) raf(fn);
  else setTimeout(fn, 16);
};

/** The Kafka console calls (message browser, configs, produce, reset offsets) of the worker that runs the board; null when the client has none. */
export function simConsole(): KafkaConsoleApi | null {
  if (!client) client = createWorkerClient();
  return client.console ?? null;
}

/** Swaps the worker client (tests inject a fake; the app uses the default worker). */
export function setSimClient(next: SimClient | null): void {
  unsubscribe?.();
  unsubscribe = null;
  client = next;
}

function send(cmd: SimCommand): void {
  if (cmd.type === 'start' || cmd.type === 'resume') intended = 'running';
  else if (cmd.type === 'pause') intended = 'paused';
  else if (cmd.type === 'stop') intended = 'stopped';
  if (!client) client = createWorkerClient();
  if (!unsubscribe) unsubscribe = client.onMessage(receive);
  client.send(bounded(cmd));
}

function receive(m: SimMessage): void {
  received++;
  pending ??= {};
  switch (m.type) {
    case 'snapshot':
      pending.snapshot = m.snapshot;
      if (adoptRunOptions && m.snapshot.source === 'board') {
        adoptRunOptions = false;
        const s = m.snapshot;
        const options: Partial<SimOptions> = { ...useSimStore.getState().options, speed: s.speed, commandsPerSecond: s.commandsPerSecond, acks: s.acks as ProducerAcks, assignor: s.assignor as AssignorName };
        Object.assign(pending, { options, runOptions: { ...options } });
      }
      if (m.snapshot.source === 'board' && (m.snapshot.state === 'running' || m.snapshot.state === 'paused' || m.snapshot.state === 'stopped')) intended = m.snapshot.state;
      // Series come only when a sample was added; otherwise the last ones stay.
      if (m.series.columns.length > 0) pending.series = m.series;
      if (m.rebalances) pending.rebalances = m.rebalances;
      pending.replay = m.replay ?? null;
      pending.achievedSpeed = m.achievedSpeed ?? null;
      break;
    case 'structure':
      pending.structure = m.structure;
      break;
    case 'discarded':
      if (useSimStore.getState().stoppedStored?.boardId === m.boardId) pending.stoppedStored = null;
      break;
    case 'restored': {
      const board = restoring.get(m.boardId);
      // No longer asked for: a run started since (see run()).
      if (!board) break;
      restoring.delete(m.boardId);
      onWorker = m.found ? m.boardId : null;
      if (m.found) {
        badgeRates.reset();
        Object.assign(pending, { runBoardId: m.boardId, runBoard: board, badges: null });
        intended = 'paused';
        adoptRunOptions = true;
      } else {
        // The board on screen has no run: what the dock showed was another board's, now stored away.
        Object.assign(pending, { snapshot: null, series: null, rebalances: null, structure: null, badges: null, runBoardId: null });
      }
      break;
    }
    case 'experiments':
      pending.experiments = m.list;
      break;
    case 'error':
      pending.error = m.message;
      break;
    case 'problems':
      // Answers can overtake each other only in theory; keep the newest request's.
      if (!pending.problems || pending.problems.seq < m.seq) pending.problems = { seq: m.seq, list: m.problems, scenarios: m.scenarios, schemas: m.schemas ?? {} };
      break;
  }
  if (frameRequested) return;
  frameRequested = true;
  nextFrame(() => {
    frameRequested = false;
    const p = pending;
    pending = null;
    if (p?.snapshot) p.badges = p.snapshot.source === 'board' && p.snapshot.stickies ? badgeRates.update(p.snapshot.at, p.snapshot.stickies) : null;
    if (p) useSimStore.setState({ ...p, applied: useSimStore.getState().applied + 1 });
  });
}

/** What received messages say about the run on screen (the rest, e.g. compile problems, stays pending). */
const RUN_FIELDS = ['snapshot', 'series', 'rebalances', 'structure', 'badges', 'runBoardId', 'runBoard', 'replay', 'options', 'runOptions'] as const satisfies readonly (keyof SimStoreState)[];

/** Forgets what was received about the previous run and not applied yet. */
function dropPendingRun(): void {
  if (pending) for (const key of RUN_FIELDS) delete pending[key];
}

export type RunAction = 'pause' | 'resume' | 'run';

/**
 * What the controls offer for the board on screen: a run of this board that is going can be
 * paused, a paused one resumed; for any other board (or none), "Run simulation" starts a run of
 * the board on screen, never the previous board's.
 */
export function runControls(s: Pick<SimStoreState, 'snapshot' | 'runBoardId'>, boardId: string | null): { live: boolean; action: RunAction } {
  const state = s.snapshot?.state ?? 'idle';
  const live = (s.snapshot?.source ?? 'board') === 'board' && boardId !== null && s.runBoardId === boardId && (state === 'running' || state === 'paused');
  return { live, action: !live ? 'run' : state === 'running' ? 'pause' : 'resume' };
}

/** A replay is on screen: it only shows what happened, so controls that act on the run wait. */
export const useReplaying = (): boolean => useSimStore((s) => s.replay?.mode === 'replay');

export const useSimStore = create<SimStoreState & SimStoreActions>()((set, get) => ({
  ...initial,
  run(board, stored) {
    badgeRates.reset();
    // A run started now supersedes any restore still unanswered: the worker handles commands in
    // order, so that answer comes before this run's snapshots and must not clear them.
    restoring.clear();
    adoptRunOptions = false;
    // Nor may what was received before but waits for its frame (a restore's "nothing stored",
    // the previous run's last snapshot): applied after this, it would clear the run's board and
    // leave "Run simulation" on screen while the run goes on (seen on a loaded machine).
    dropPendingRun();
    set({ open: true, error: null, snapshot: null, series: null, rebalances: null, structure: null, badges: null, runBoardId: board.id, runOptions: { ...get().options }, runBoard: board });
    onWorker = board.id;
    send({ type: 'start', board, options: get().options, ...(stored === false ? { stored: false } : {}) });
  },
  boardShown(boardId) {
    const run = get().runBoardId;
    if (run !== null && run !== boardId && intended === 'running') send({ type: 'pause' });
  },
  restoreStored(board) {
    if (onWorker === board.id) return;
    restoring.set(board.id, board);
    send({ type: 'restore', board });
  },
  discardStored(boardId) {
    // The question stays up until the worker confirms: a reload right after must not find the run.
    const s = get().stoppedStored;
    set({ stoppedStored: s ? { ...s, discarding: true } : null });
    send({ type: 'discard', boardId });
  },
  checkpoint() {
    if (client && get().snapshot?.stored) send({ type: 'checkpoint' });
  },
  keepStored: () => set({ stoppedStored: null }),
  compile(board) {
    send({ type: 'compile', board, seq: ++compileSeq });
  },
  pause: () => send({ type: 'pause' }),
  resume: () => send({ type: 'resume' }),
  step: (ms = 100) => send({ type: 'step', ms }),
  stop() {
    const snap = get().snapshot;
    const boardId = get().runBoardId;
    send({ type: 'stop' });
    if (snap?.stored && boardId) set({ stoppedStored: { boardId, boardName: snap.boardName } });
  },
  setSpeed(speed) {
    set({ options: { ...get().options, speed } });
    send({ type: 'speed', speed });
  },
  setRate(requested) {
    const commandsPerSecond = clampRate(requested);
    set({ options: { ...get().options, commandsPerSecond } });
    if (get().snapshot?.source === 'board') send({ type: 'rate', commandsPerSecond });
  },
  setKeys(keys) {
    set({ options: { ...get().options, keys } });
    if (get().snapshot?.source === 'board') send({ type: 'keys', keys });
  },
  setAcks(acks) {
    set({ options: { ...get().options, acks } });
    if (get().snapshot?.source === 'board') send({ type: 'acks', acks });
  },
  setAssignor(assignor) {
    set({ options: { ...get().options, assignor } });
    if (get().snapshot?.source === 'board') send({ type: 'assignor', assignor });
  },
  setRunSettings(patch) {
    set({ options: { ...get().options, ...patch } });
  },
  instance: (action, target) => send({ type: 'instance', action, target }),
  restartInstance(instanceId, serviceId) {
    // The worker applies commands in order: the crashed member is gone before its replacement joins.
    send({ type: 'instance', action: 'remove', target: instanceId });
    send({ type: 'instance', action: 'add', target: serviceId });
  },
  broker: (action, id) => send({ type: 'broker', action, id }),
  startExperiment(id, variant) {
    set({ open: true, tab: 'experiments' });
    send({ type: 'experiment', action: 'start', id, ...(variant ? { variant } : {}) });
  },
  finishExperiment: () => send({ type: 'experiment', action: 'finish' }),
  nextExperimentStep: () => send({ type: 'experiment', action: 'next' }),
  playExperiment: () => send({ type: 'experiment', action: 'play' }),
  closeExperiment: () => send({ type: 'experiment', action: 'close' }),
  replayCommand: (cmd) => send({ type: 'replay', ...cmd } as SimCommand),
  loadExperiments: () => send({ type: 'listExperiments' }),
  setTab: (tab) => set({ tab }),
  setOpen: (open) => set({ open }),
  clearError: () => set({ error: null }),
  reset() {
    client?.terminate();
    setSimClient(null);
    pending = null;
    intended = null;
    onWorker = null;
    adoptRunOptions = false;
    restoring.clear();
    badgeRates.reset();
    set({ ...initial });
  },
}));
