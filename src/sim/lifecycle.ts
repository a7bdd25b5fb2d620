// The simulation run as an explicit state machine (idle → running ⇄ paused → stopped; a stored
// run restores into paused), a table
// of legal transitions in the style of kafkajs's transactional producer: an illegal call
// throws instead of leaving the run half-changed.
import { IllegalSimTransitionError } from './errors';

export type SimState = 'idle' | 'running' | 'paused' | 'stopped';
export type SimAction = 'start' | 'restore' | 'pause' | 'resume' | 'step' | 'stop' | 'tick' | 'control';

const TABLE: Record<SimState, Partial<Record<SimAction, SimState>>> = {
  // A stored run comes back paused: the user resumes it.
  idle: { start: 'running', restore: 'paused', stop: 'stopped' },
  running: { pause: 'paused', stop: 'stopped', tick: 'running', control: 'running' },
  paused: { resume: 'running', step: 'paused', stop: 'stopped', control: 'paused' },
  stopped: {},
};

export class SimLifecycle {
  private current: SimState = 'idle';

  get state(): SimState {
    return this.current;
  }

  can(action: SimAction): boolean {
    return TABLE[this.current][action] !== undefined;
  }

  /** Moves to the next state, or throws IllegalSimTransitionError. */
  apply(action: SimAction): SimState {
    const next = TABLE[this.current][action];
    if (next === undefined) throw new IllegalSimTransitionError(this.current, action);
    this.current = next;
    return next;
  }

  is(...states: SimState[]): boolean {
    return states.includes(this.current);
  }
}
