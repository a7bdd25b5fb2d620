// The replay on screen in the worker: a RunReplay of the run's recording, moved by the worker's
// timer toward a target time (a step, the next action, a point scrubbed to) a few tens of
// milliseconds of wall time per tick so that commands keep coming in, or played on at the run's
// speed. Read-only: controls are refused until the person takes over ("Continue from here").
import { changesRun, replayableEnd, RunReplay, STEP_MS, type RecordedAction, type RunAction, type RunRecording } from '../sim';
import type { ReplayMark, ReplayView } from './protocol';

/** Wall time one tick may spend replaying, so commands (a newer scrub target) get through. */
const REPLAY_SLICE_MS = 40;

export class ReplayHost {
  /** Where the replay is going, or null when it stays (or plays). */
  private target: number | null = null;
  playing = false;
  /** Set while a seek back replays from the start: the view shows progress toward the target. */
  private rewound = false;

  private constructor(private readonly replay: RunReplay) {}

  static async open(recording: RunRecording): Promise<ReplayHost> {
    return new ReplayHost(await RunReplay.open(recording));
  }

  get sim() {
    return this.replay.sim;
  }

  get now(): number {
    return this.replay.now;
  }

  get busy(): boolean {
    return this.target !== null;
  }

  seek(at: number): void {
    this.playing = false;
    this.target = Math.max(0, Math.min(this.replay.end, Math.floor(at / STEP_MS) * STEP_MS));
  }

  step(): void {
    this.seek((this.target ?? this.now) + STEP_MS);
  }

  nextAction(): void {
    const a = this.replay.nextAction();
    this.seek(a ? a.at : this.replay.end);
  }

  play(on: boolean): void {
    this.target = null;
    this.playing = on && this.now < this.replay.end;
  }

  /**
   * One tick's work: toward the target (from the start if it lies behind), or `playMs` of
   * simulated time when playing. Returns whether anything moved.
   */
  async tick(playMs: number, wallNow: () => number = () => performance.now()): Promise<boolean> {
    const started = wallNow();
    if (this.target !== null) {
      if (this.target < this.now) {
        this.rewound = true;
        await this.replay.seek(0);
      }
      while (this.now < this.target && wallNow() - started < REPLAY_SLICE_MS) await this.replay.step();
      if (this.now >= this.target) {
        this.target = null;
        this.rewound = false;
      }
      return true;
    }
    if (!this.playing) return false;
    const to = Math.min(this.replay.end, this.now + Math.floor(playMs / STEP_MS) * STEP_MS);
    while (this.now < to && wallNow() - started < REPLAY_SLICE_MS) await this.replay.step();
    if (this.now >= this.replay.end) this.playing = false;
    return true;
  }

  view(): ReplayView {
    return { mode: 'replay', at: this.now, end: this.replay.end, marks: marksOf(this.replay.recording), playing: this.playing, seeking: this.target === null ? null : { target: this.target, fromStart: this.rewound } };
  }

  /** The recording up to where the replay stands (what a run taken over from here starts with). */
  recordingSoFar(): RunRecording {
    return this.sim.recording();
  }

  async close(): Promise<void> {
    await this.sim.stop();
  }
}

/** The live run's timeline: its recording's marks, replayable up to its end or its reload. */
export function liveView(recording: RunRecording, now: number): ReplayView {
  return { mode: 'live', at: now, end: replayableEnd(recording), marks: marksOf(recording), playing: false, seeking: null };
}

function marksOf(r: RunRecording): ReplayMark[] {
  return r.actions.filter((a) => changesRun(a.action) || a.action.kind === 'restored').map(markOf);
}

function markOf({ at, action }: RecordedAction): ReplayMark {
  return { at, kind: action.kind, label: actionLabel(action) };
}

/** What an action did, in words for the timeline. */
export function actionLabel(a: RunAction): string {
  switch (a.kind) {
    case 'broker':
      return a.action === 'heal' ? 'Heal the network' : `${a.action[0]!.toUpperCase()}${a.action.slice(1)} broker ${a.id}`;
    case 'instance':
      return a.action === 'add' ? `Add an instance of ${a.target}` : `${a.action === 'remove' ? 'Remove' : 'Crash'} ${a.target}`;
    case 'assignor':
      return `Assignor ${a.assignor}`;
    case 'rate':
      return `${a.commandsPerSecond} commands/s`;
    case 'keys':
      return `Keys: ${a.keys.kind}`;
    case 'acks':
      return `acks=${a.acks === -1 ? 'all' : a.acks}`;
    case 'produce':
      return `Produce to ${a.request.topic}`;
    case 'resetOffsets':
      return `Reset offsets of ${a.request.groupId}`;
    case 'runCleaner':
      return `Run the cleaner on ${a.request.topic}-${a.request.partition}`;
    case 'speed':
      return `Speed ${a.speed}×`;
    case 'pause':
      return 'Pause';
    case 'resume':
      return 'Resume';
    case 'restored':
      return 'Reloaded from storage';
  }
}
