// The run's transport and load controls: "Run simulation" / "Pause simulation", step, stop,
// speed (0.1× to 100× simulated time), command rate, key distribution and producer acks.
import { useBoardStore } from '../../store/boardStore';
import { boardProblems } from '../../store/simProblems';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_COMMANDS_PER_SECOND, SIM_DEFAULTS, runControls, useSimStore, type ProducerAcks } from '../../store/simStore';
import { useUiStore } from '../../store/uiStore';
import { ConfirmDialog } from '../ConfirmDialog';
import { speedShortfall } from './speedShortfall';

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

/** The rate field: a value above the limit is clamped, and the person is told why. */
function setRateFromInput(text: string): void {
  const requested = Number(text) || 0;
  useSimStore.getState().setRate(requested);
  if (requested > MAX_COMMANDS_PER_SECOND)
    useUiStore.getState().notify({
      kind: 'info',
      message: `The command rate is at most ${MAX_COMMANDS_PER_SECOND.toLocaleString('en-US')} per second (the simulator's memory and pausing stay quick up to there); it is set to ${MAX_COMMANDS_PER_SECOND.toLocaleString('en-US')}.`,
    });
}

export function SimControls() {
  const boardId = useBoardStore((s) => s.board?.id ?? null);
  // A run belongs to its board: showing another board pauses it (and stores it), and the board
  // on screen gets its own stored run back, paused, when it has one (also after a reload).
  useEffect(() => {
    const sim = useSimStore.getState();
    sim.boardShown(boardId);
    const board = useBoardStore.getState().board;
    if (board && board.id === boardId) sim.restoreStored(board);
  }, [boardId]);
  // Closing or hiding the page stores the run as it is.
  useEffect(() => {
    const store = () => useSimStore.getState().checkpoint();
    const hidden = () => document.visibilityState === 'hidden' && store();
    window.addEventListener('pagehide', store);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', store);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);
  const stoppedStored = useSimStore((s) => s.stoppedStored);
  const { live, action } = useSimStore(useShallow((s) => runControls(s, boardId)));
  const source = useSimStore((s) => s.snapshot?.source ?? 'board');
  const at = useSimStore((s) => s.snapshot?.at ?? 0);
  const stored = useSimStore((s) => (s.snapshot?.source === 'board' && s.snapshot.stored) ?? false);
  const storedAt = useSimStore((s) => s.snapshot?.storedAt ?? null);
  const speed = useSimStore((s) => s.options.speed ?? SIM_DEFAULTS.speed);
  const achieved = useSimStore((s) => s.achievedSpeed);
  const rate = useSimStore((s) => s.options.commandsPerSecond ?? SIM_DEFAULTS.commandsPerSecond);
  const keys = useSimStore((s) => s.options.keys ?? SIM_DEFAULTS.keys);
  const acks = useSimStore((s) => s.options.acks ?? SIM_DEFAULTS.acks);
  // A replay only shows what happened: the run's controls wait until it is taken over or closed.
  const replaying = useSimStore((s) => s.replay?.mode === 'replay');
  // Said only while a live run goes (a replay or a paused run has no pace to keep).
  const shortfall = live && action === 'pause' && !replaying ? speedShortfall(achieved, speed) : null;
  const a = useSimStore.getState();
  return (
    <div className="sb-sim-controls" role="group" aria-label="Simulation controls">
      {action === 'pause' ? (
        <button type="button" className="sb-button sb-primary" disabled={replaying} onClick={a.pause}>
          Pause simulation
        </button>
      ) : (
        <button type="button" className="sb-button sb-primary" disabled={replaying} onClick={() => (action === 'resume' ? a.resume() : runCurrentBoard())}>
          {action === 'resume' ? 'Resume simulation' : 'Run simulation'}
        </button>
      )}
      <button type="button" className="sb-button" disabled={action !== 'resume' || replaying} onClick={() => a.step(100)} title="Advance 100 ms of simulated time">
        Step
      </button>
      <button type="button" className="sb-button" disabled={!live || replaying} onClick={runCurrentBoard} title="Start again from an empty cluster with the board as it is now">
        Restart
      </button>
      <button type="button" className="sb-button" disabled={!live || replaying} onClick={a.stop}>
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
      {shortfall ? (
        <span className="sb-sim-shortfall" role="note" aria-label="Achieved speed" title={shortfall.title}>
          {shortfall.text}
        </span>
      ) : null}
      {source === 'experiment' ? null : (
        <>
          <label>
            Commands/s{' '}
            <input type="number" disabled={replaying} min={0} max={MAX_COMMANDS_PER_SECOND} step={10} value={rate} style={{ width: '5.5em' }} onChange={(e) => setRateFromInput(e.target.value)} />
          </label>
          <label>
            Keys{' '}
            <select disabled={replaying} value={keys.kind} onChange={(e) => a.setKeys(e.target.value === 'zipf' ? { kind: 'zipf', exponent: 1.1 } : { kind: 'uniform' })}>
              <option value="uniform">uniform</option>
              <option value="zipf">Zipf (hot keys)</option>
            </select>
          </label>
          <label>
            acks{' '}
            <select disabled={replaying} value={acks} onChange={(e) => a.setAcks(Number(e.target.value) as ProducerAcks)}>
              <option value={-1}>all</option>
              <option value={1}>1</option>
              <option value={0}>0</option>
            </select>
          </label>
        </>
      )}
      <span className="sb-sim-clock" aria-label="Simulated time">
        {source === 'experiment' ? 'experiment ' : ''}t = {(at / 1000).toFixed(2)} s
      </span>
      {stored && source === 'board' && (
        <span
          className="sb-sim-stored"
          aria-label="Stored run"
          title="The run's logs, offsets and counters are stored in this browser (IndexedDB) every few seconds, at pause and when the page closes: reloading the page brings it back, paused, as of the time shown."
        >
          {storedAt === null ? 'Not saved yet' : `Saved at t = ${(storedAt / 1000).toFixed(2)} s`}
        </span>
      )}
      {stoppedStored && (
        <ConfirmDialog
          title="Keep the stopped run?"
          message={`The run of "${stoppedStored.boardName}" is stored in this browser: reloading the page or coming back to the board brings it back, paused. Discard it to start afresh.`}
          confirmLabel={stoppedStored.discarding ? 'Discarding…' : 'Discard stored run'}
          cancelLabel="Keep it stored"
          onConfirm={() => a.discardStored(stoppedStored.boardId)}
          onCancel={a.keepStored}
        />
      )}
    </div>
  );
}
