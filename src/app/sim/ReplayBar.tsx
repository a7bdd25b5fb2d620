// The run's timeline: for a live run, "Replay run" and how many actions it recorded (beside the
// view tabs: the control bar has no room left at 1280 px); for a replay, a row under the controls with play / hold, one 10 ms step, the next action, a slider to scrub with
// the recorded actions marked on it (each mark goes to its instant), the progress of a seek that
// replays from the start, "Continue from here" and "Close replay". The replay is read-only.
import { useSimStore, type ReplayView } from '../../store/simStore';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const useShownReplay = () => useSimStore((s) => (s.snapshot?.source === 'board' ? s.replay : null));

/** The replay row (only while a replay is on screen). */
export function ReplayBar() {
  const replay = useShownReplay();
  return replay?.mode === 'replay' ? <ReplayTimeline replay={replay} /> : null;
}

/** "Replay run" for the live run, beside the view tabs. */
export function ReplayRunButton() {
  const replay = useShownReplay();
  return replay?.mode === 'live' ? <LiveTimeline replay={replay} /> : null;
}

function LiveTimeline({ replay }: { replay: ReplayView }) {
  const send = useSimStore.getState().replayCommand;
  const actions = replay.marks.filter((m) => m.kind !== 'restored').length;
  const reload = replay.marks.find((m) => m.kind === 'restored');
  return (
    <div className="sb-replay sb-replay-live" role="group" aria-label="Run timeline">
      <button type="button" className="sb-button" disabled={replay.end <= 0} onClick={() => send({ action: 'open' })} title="Run the recording again from the start, exactly: same offsets, assignments and counters at every step">
        Replay run
      </button>
      <span className="sb-muted" title={reload ? `A replay reaches up to the reload at t = ${seconds(reload.at)}` : 'Actions recorded: broker faults, instance changes, settings, console writes'}>
        {actions} action{actions === 1 ? '' : 's'}
      </span>
    </div>
  );
}

function ReplayTimeline({ replay }: { replay: ReplayView }) {
  const send = useSimStore.getState().replayCommand;
  const end = Math.max(replay.end, 10);
  const seeking = replay.seeking;
  const shownAt = seeking ? seeking.target : replay.at;
  const progress = seeking && seeking.target > 0 ? Math.min(100, Math.round((replay.at / seeking.target) * 100)) : null;
  return (
    <div className="sb-replay" role="group" aria-label="Replay">
      <strong className="sb-replay-title">Replay</strong>
      <button type="button" className="sb-button" onClick={() => send({ action: replay.playing ? 'hold' : 'play' })} disabled={!replay.playing && replay.at >= replay.end}>
        {replay.playing ? 'Hold replay' : 'Play replay'}
      </button>
      <button type="button" className="sb-button" onClick={() => send({ action: 'step' })} disabled={replay.at >= replay.end} title="One step of 10 ms of simulated time">
        Step 10 ms
      </button>
      <button type="button" className="sb-button" onClick={() => send({ action: 'nextAction' })} disabled={replay.at >= replay.end} title="To the next recorded action, applied">
        Next action
      </button>
      <div className="sb-replay-track">
        <input
          type="range"
          aria-label="Replay time"
          aria-valuetext={`t = ${seconds(shownAt)} of ${seconds(replay.end)}`}
          min={0}
          max={end}
          step={10}
          value={shownAt}
          onChange={(e) => send({ action: 'seek', at: Number(e.target.value) })}
        />
        <div className="sb-replay-marks">
          {replay.marks.map((m, i) => (
            <button
              key={`${m.at}-${i}`}
              type="button"
              className={`sb-replay-mark sb-replay-mark-${m.kind}`}
              style={{ left: `${(Math.min(m.at, end) / end) * 100}%` }}
              aria-label={`Go to ${m.label} at t = ${seconds(m.at)}`}
              title={`${m.label} at t = ${seconds(m.at)}`}
              onClick={() => send({ action: 'seek', at: m.at })}
            />
          ))}
        </div>
      </div>
      <span className="sb-replay-clock" aria-label="Replay position">
        t = {seconds(replay.at)} / {seconds(replay.end)}
      </span>
      {progress !== null && (
        <span className="sb-replay-progress">
          <progress aria-label="Replay progress" max={100} value={progress} /> {seeking?.fromStart ? 'replaying from the start' : 'replaying'} to {seconds(seeking!.target)}
        </span>
      )}
      <button type="button" className="sb-button sb-primary" onClick={() => send({ action: 'takeOver' })} disabled={seeking !== null} title="Make this point of the replay the board's run: new actions are recorded from here (the run stored before is replaced)">
        Continue from here
      </button>
      <button type="button" className="sb-button" onClick={() => send({ action: 'close' })}>
        Close replay
      </button>
    </div>
  );
}
