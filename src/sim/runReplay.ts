// Exact replay of a recorded run: a fresh run of the recorded board with the recorded options
// (seed included), moved in the same 10 ms steps, with every recorded action applied at the
// boundary between steps where it took effect in the original. Nothing in a run depends on the
// host's speed or on how steps were grouped into ticks (simulation.ts), so the replay reaches the
// same offsets, assignments and counters at every step. Going back means replaying from the start.
import { yieldMacrotask } from '../lib/yieldMacrotask';
import { KafkaConsole } from './kafkaConsole';
import type { RunStorage } from './runStore';
import { changesRun, replayableEnd, type RecordedAction, type RunRecording } from './runRecording';
import { SIM_EPOCH_MS, Simulation, STEP_MS } from './simulation';

/** Called while a seek runs: where the replay is and where it is going. */
export type SeekProgress = (at: number, target: number) => void | Promise<void>;

export class RunReplay {
  /** Index of the next recorded action not applied yet. */
  private next = 0;
  private console: KafkaConsole | null = null;

  private constructor(
    readonly recording: RunRecording,
    private current: Simulation,
    private readonly storage: RunStorage | undefined,
  ) {}

  /**
   * A replay at time 0 (the actions recorded at 0 applied). With `storage`, the replayed run is
   * durable like a live one (used when the person takes over from a point of the replay).
   */
  static async open(recording: RunRecording, storage?: RunStorage): Promise<RunReplay> {
    const r = new RunReplay(recording, await RunReplay.fresh(recording, storage), storage);
    await r.applyDue();
    return r;
  }

  private static async fresh(recording: RunRecording, storage: RunStorage | undefined): Promise<Simulation> {
    const sim = new Simulation(recording.board, { ...recording.options });
    await sim.start(storage);
    sim.pause(false);
    return sim;
  }

  /** The replayed run (paused; moved only by this replay until someone takes it over). */
  get sim(): Simulation {
    return this.current;
  }

  get now(): number {
    return this.current.now;
  }

  /** How far the replay reproduces the original exactly. */
  get end(): number {
    return replayableEnd(this.recording);
  }

  /** The recorded actions applied so far. */
  get applied(): number {
    return this.next;
  }

  /** The next recorded action that changes the run, after this instant (null: none left). */
  nextAction(): RecordedAction | null {
    for (let i = this.next; i < this.recording.actions.length; i++) {
      const a = this.recording.actions[i]!;
      if (a.at > this.end) return null;
      if (changesRun(a.action)) return a;
    }
    return null;
  }

  /** One 10 ms step, then the actions recorded at its end. False at the end of the recording. */
  async step(): Promise<boolean> {
    if (this.now + STEP_MS > this.end) return false;
    await this.current.step(STEP_MS);
    await this.applyDue();
    return true;
  }

  /** Steps to the next recorded action that changes the run and applies it (or to the end). */
  async toNextAction(onProgress?: SeekProgress): Promise<void> {
    const a = this.nextAction();
    await this.seek(a ? a.at : this.end, onProgress);
  }

  /**
   * Moves to simulated time `target` (rounded down to a step, within the recording): forward
   * by stepping, back by replaying from the start. `onProgress` is awaited every simulated
   * second, which lets the host post progress and take a newer target (then `cancelled`
   * returns true and the seek stops where it is).
   */
  async seek(target: number, onProgress?: SeekProgress, cancelled: () => boolean = () => false): Promise<void> {
    const to = Math.max(0, Math.min(this.end, Math.floor(target / STEP_MS) * STEP_MS));
    if (to < this.now) await this.rewind();
    let sinceProgress = 0;
    while (this.now < to) {
      if (cancelled()) return;
      await this.step();
      sinceProgress += STEP_MS;
      if (onProgress && sinceProgress >= 1000) {
        sinceProgress = 0;
        await onProgress(this.now, to);
      }
    }
  }

  /** Back to time 0 on a fresh run (the run so far is closed). */
  private async rewind(): Promise<void> {
    await this.current.stop();
    if (this.storage) await this.current.discard();
    this.current = await RunReplay.fresh(this.recording, this.storage);
    this.console = null;
    this.next = 0;
    await this.applyDue();
  }

  /** Applies every recorded action due at this instant, as the worker applied them between steps. */
  private async applyDue(): Promise<void> {
    const actions = this.recording.actions;
    const before = this.next;
    while (this.next < actions.length && actions[this.next]!.at <= this.now) {
      const { action } = actions[this.next++]!;
      const sim = this.current;
      switch (action.kind) {
        case 'broker':
          sim.broker(action.action, action.id);
          break;
        case 'instance':
          if (action.action === 'add') sim.addInstance(action.target);
          else if (action.action === 'remove') sim.removeInstance(action.target);
          else sim.crashInstance(action.target);
          break;
        case 'assignor':
          sim.setAssignor(action.assignor);
          break;
        case 'rate':
          sim.setRate(action.commandsPerSecond);
          break;
        case 'keys':
          sim.setKeys(action.keys);
          break;
        case 'acks':
          sim.setAcks(action.acks);
          break;
        case 'produce':
        case 'resetOffsets':
        case 'runCleaner': {
          // Started here and left to finish as simulated time moves, as the console's call was
          // (the next step lets it run first, as after any action); a refusal (a reset of a
          // group with members) was a refusal in the original too.
          sim.record(action);
          const c = (this.console ??= new KafkaConsole(sim.activeCluster!, SIM_EPOCH_MS));
          const call = action.kind === 'produce' ? c.produce(action.request) : action.kind === 'resetOffsets' ? c.resetOffsets(action.request) : c.runCleaner(action.request);
          call.catch(() => undefined);
          break;
        }
        case 'speed':
        case 'pause':
        case 'resume':
          // Marks: they changed how the run was shown, not what happened in it.
          sim.record(action);
          break;
        case 'restored':
          break; // the end of what replays exactly (never passed)
      }
    }
    // The worker shows a run after an action in a later turn of its event loop, when the work
    // the action released (acks failed, retries woken) has run: show the replay the same way.
    if (this.next > before) await yieldMacrotask();
  }
}
