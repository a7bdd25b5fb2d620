// What a run is, for an exact replay: the board as it ran, the options it started with (seed
// included), and every user action with the simulated time it took effect at. Actions take
// effect between two 10 ms steps (the worker applies them only there), so replaying the list
// on a fresh run of the same board and seed reaches the same state at every step.
import type { Board } from '../model';
import type { AssignorName } from './engineApi';
import type { KeyDistribution } from './keyDistribution';
import type { ProduceRequest, ResetRequest } from './kafkaConsole';
import type { ProducerAcks, SimOptions } from './options';

export type RunAction =
  | { kind: 'broker'; action: 'stop' | 'start' | 'crash' | 'isolate' | 'heal'; id: number }
  | { kind: 'instance'; action: 'add' | 'remove' | 'crash'; target: string }
  | { kind: 'assignor'; assignor: AssignorName }
  | { kind: 'rate'; commandsPerSecond: number }
  | { kind: 'keys'; keys: KeyDistribution }
  | { kind: 'acks'; acks: ProducerAcks }
  /** Kafka console calls that write: a test message, an offset reset, a cleaner pass. */
  | { kind: 'produce'; request: ProduceRequest }
  | { kind: 'resetOffsets'; request: ResetRequest }
  | { kind: 'runCleaner'; request: { topic: string; partition: number } }
  /** Marks only: they change how fast the run is shown, never what happens in it. */
  | { kind: 'speed'; speed: number }
  | { kind: 'pause' }
  | { kind: 'resume' }
  /**
   * A reload brought the run back from its stored checkpoint here: consumers rejoined and
   * redelivered from their commits, the load drew from a new random stream. None of that is a
   * user action a replay can repeat, so a replay reaches exactly up to this mark.
   */
  | { kind: 'restored' };

export interface RecordedAction {
  /** Simulated time (ms) at which the action took effect: a whole number of steps. */
  at: number;
  action: RunAction;
}

export interface RunRecording {
  version: 1;
  board: Board;
  /** The options the run started with (its seed among them); later changes are actions. */
  options: SimOptions;
  actions: RecordedAction[];
  /** Simulated time the run had reached when this recording was taken. */
  end: number;
}

export const RUN_RECORDING_VERSION = 1;

/** Actions that change what happens in the run (the rest are marks on the timeline). */
export function changesRun(a: RunAction): boolean {
  return a.kind !== 'speed' && a.kind !== 'pause' && a.kind !== 'resume' && a.kind !== 'restored';
}

/** How far a recording replays exactly: its end, or its first reload mark. */
export function replayableEnd(r: RunRecording): number {
  const reload = r.actions.find((a) => a.action.kind === 'restored');
  return reload ? reload.at : r.end;
}

/** Keeps a run's actions as they happen (one per run, held by the Simulation). */
export class RunRecorder {
  private readonly actions: RecordedAction[];

  constructor(
    private readonly board: Board,
    private readonly options: SimOptions,
    actions: readonly RecordedAction[] = [],
  ) {
    this.actions = actions.map((a) => ({ at: a.at, action: structuredClone(a.action) }));
  }

  add(at: number, action: RunAction): void {
    this.actions.push({ at, action: structuredClone(action) });
  }

  get count(): number {
    return this.actions.length;
  }

  /** Plain data (structured-clone friendly) up to `end`. */
  export(end: number): RunRecording {
    return { version: RUN_RECORDING_VERSION, board: this.board, options: { ...this.options }, actions: this.actions.map((a) => ({ at: a.at, action: structuredClone(a.action) })), end };
  }
}
