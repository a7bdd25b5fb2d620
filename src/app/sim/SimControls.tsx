// The run's transport and load controls: "Run simulation" / "Pause simulation", step, stop,
// speed (0.1× to 100× simulated time), command rate, key distribution and producer acks.
import { useBoardStore } from '../../store/boardStore';
import { boardProblems } from '../../store/simProblems';
import { SIM_DEFAULTS, useSimStore, type ProducerAcks } from '../../store/simStore';
import { useUiStore } from '../../store/uiStore';

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

export function runCurrentBoard(): void {
  const board = useBoardStore.getState().board;
  if (!board) return;
  const problems = boardProblems(board);
  useBoardStore.getState().setProblems(problems.byElement);
  if (problems.errors.length > 0) {
    useUiStore.getState().notify({
      kind: 'error',
      // One message listing every problem (they are also pinned to their stickies).
      message: `Fix ${problems.errors.length === 1 ? 'this problem' : `these ${problems.errors.length} problems`} before running:\n${problems.errors.map((p) => `• ${p.message}`).join('\n')}`,
    });
    return;
  }
  useSimStore.getState().run(board);
}

export function SimControls() {
  const state = useSimStore((s) => s.snapshot?.state ?? 'idle');
  const source = useSimStore((s) => s.snapshot?.source ?? 'board');
  const at = useSimStore((s) => s.snapshot?.at ?? 0);
  const speed = useSimStore((s) => s.options.speed ?? SIM_DEFAULTS.speed);
  const rate = useSimStore((s) => s.options.commandsPerSecond ?? SIM_DEFAULTS.commandsPerSecond);
  const keys = useSimStore((s) => s.options.keys ?? SIM_DEFAULTS.keys);
  const acks = useSimStore((s) => s.options.acks ?? SIM_DEFAULTS.acks);
  const a = useSimStore.getState();
  const live = source === 'board' && (state === 'running' || state === 'paused');
  return (
    <div className="sb-sim-controls" role="group" aria-label="Simulation controls">
      {live && state === 'running' ? (
        <button type="button" className="sb-button sb-primary" onClick={a.pause}>
          Pause simulation
        </button>
      ) : (
        <button type="button" className="sb-button sb-primary" onClick={() => (live && state === 'paused' ? a.resume() : runCurrentBoard())}>
          Run simulation
        </button>
      )}
      <button type="button" className="sb-button" disabled={!(live && state === 'paused')} onClick={() => a.step(100)} title="Advance 100 ms of simulated time">
        Step
      </button>
      <button type="button" className="sb-button" disabled={!live} onClick={runCurrentBoard} title="Start again from an empty cluster with the board as it is now">
        Restart
      </button>
      <button type="button" className="sb-button" disabled={!live} onClick={a.stop}>
        Stop
      </button>
      <label>
        Speed{' '}
        <select value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <label>
        Commands/s{' '}
        <input type="number" min={0} max={20000} step={10} value={rate} style={{ width: '5.5em' }} onChange={(e) => a.setRate(Math.max(0, Number(e.target.value) || 0))} />
      </label>
      <label>
        Keys{' '}
        <select value={keys.kind} onChange={(e) => a.setKeys(e.target.value === 'zipf' ? { kind: 'zipf', exponent: 1.1 } : { kind: 'uniform' })}>
          <option value="uniform">uniform</option>
          <option value="zipf">Zipf (hot keys)</option>
        </select>
      </label>
      <label>
        acks{' '}
        <select value={acks} onChange={(e) => a.setAcks(Number(e.target.value) as ProducerAcks)}>
          <option value={-1}>all</option>
          <option value={1}>1</option>
          <option value={0}>0</option>
        </select>
      </label>
      <span className="sb-sim-clock" aria-label="Simulated time">
        {source === 'experiment' ? 'experiment ' : ''}t = {(at / 1000).toFixed(2)} s
      </span>
    </div>
  );
}
