// "Compare topic strategies": runs the board under the three topic strategies of the "Kafka as
// an event store" talk in a worker of its own (same seed, load and simulated time), shows
// progress meanwhile, then the three side by side: what each cost, and the talk's event-store
// capability table with what each demonstration did on that run; under each column, "Use this
// strategy" makes it the board's (a board edit, undone with the board's undo). Closing it ends
// the worker.
import { useEffect, useRef, useState } from 'react';
import type { Board } from '../../model';
import { CAPABILITIES, COMPARISON_DEFAULTS, figureRows, STRATEGY_LABELS, type CapabilityAnswer, type ComparisonProgress, type ComparisonSettings, type StrategyComparison } from '../../sim';
import { setTopicStrategy } from '../../store/boardCommands';
import { useBoardStore } from '../../store/boardStore';
import { startComparison } from '../../worker/comparisonClient';
import './StrategyComparison.css';

type State = { status: 'running'; progress: ComparisonProgress | null } | { status: 'done'; comparison: StrategyComparison } | { status: 'failed'; message: string };

const ANSWER_TEXT: Record<CapabilityAnswer, string> = { yes: 'Yes', costly: 'Yes, at a cost', no: 'No' };

export default function StrategyComparisonDialog({ board, onClose }: { board: Board; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<State>({ status: 'running', progress: null });
  // The load the three runs share; "Compare again" runs them with the form's.
  const [settings, setSettings] = useState<ComparisonSettings>(COMPARISON_DEFAULTS);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    setState({ status: 'running', progress: null });
    const run = startComparison(board, settings, (progress) => setState({ status: 'running', progress }));
    let live = true;
    run.result.then(
      (comparison) => live && setState({ status: 'done', comparison }),
      (e: unknown) => live && setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
      run.cancel();
    };
  }, [board, settings]);

  const s = settings;
  return (
    <dialog
      ref={ref}
      className="sb-dialog sb-compare"
      aria-labelledby="sb-compare-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="sb-compare-header">
        <h2 id="sb-compare-title">Topic strategies compared</h2>
        <p className="sb-compare-sub">
          “{board.name}” run three times on the simulated cluster — seed {s.seed}, {s.commandsPerSecond} commands/s over {s.aggregateIds} aggregates, {s.durationMs / 1000} simulated
          seconds each — then measured, and each event-store capability demonstrated on that run.
        </p>
        <LoadForm settings={settings} running={state.status === 'running'} onCompare={setSettings} />
      </header>
      <div className="sb-compare-body">
        {state.status === 'running' ? <Progress progress={state.progress} /> : null}
        {state.status === 'failed' ? (
          <p role="alert" className="sb-compare-error">
            {state.message}
          </p>
        ) : null}
        {state.status === 'done' ? <Results comparison={state.comparison} /> : null}
      </div>
      <div className="sb-dialog-actions">
        <button type="button" className="sb-button" onClick={onClose} autoFocus>
          {state.status === 'running' ? 'Cancel' : 'Close'}
        </button>
      </div>
    </dialog>
  );
}

/** The form's fields: label, setting, bounds (whole numbers), and how the setting reads in the form. */
const FIELDS = [
  { label: 'Commands/s', key: 'commandsPerSecond', min: 1, max: 500, toForm: (v: number) => v, fromForm: (v: number) => v },
  { label: 'Aggregates', key: 'aggregateIds', min: 1, max: 2_000, toForm: (v: number) => v, fromForm: (v: number) => v },
  { label: 'Simulated seconds', key: 'durationMs', min: 2, max: 120, toForm: (v: number) => v / 1000, fromForm: (v: number) => v * 1000 },
  { label: 'Seed', key: 'seed', min: 0, max: 2 ** 31 - 1, toForm: (v: number) => v, fromForm: (v: number) => v },
] as const;

/** The runs' load: change it and compare again (a busier load shows the strategies' costs sooner). */
function LoadForm({ settings, running, onCompare }: { settings: ComparisonSettings; running: boolean; onCompare: (s: ComparisonSettings) => void }) {
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, String(f.toForm(settings[f.key]))])));
  const problems = FIELDS.flatMap((f) => {
    const v = Number(draft[f.key]);
    return draft[f.key]!.trim() !== '' && Number.isInteger(v) && v >= f.min && v <= f.max ? [] : [`${f.label}: a whole number from ${f.min} to ${f.max.toLocaleString('en')}`];
  });
  const next = (): ComparisonSettings => ({ ...settings, ...Object.fromEntries(FIELDS.map((f) => [f.key, f.fromForm(Number(draft[f.key]))])) });
  const unchanged = problems.length === 0 && FIELDS.every((f) => next()[f.key] === settings[f.key]);
  return (
    <form
      className="sb-compare-load"
      aria-label="Comparison load"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0 && !running) onCompare(next());
      }}
    >
      {FIELDS.map((f) => (
        <label key={f.key}>
          {f.label}{' '}
          <input
            type="number"
            inputMode="numeric"
            min={f.min}
            max={f.max}
            step={1}
            value={draft[f.key]}
            aria-invalid={problems.some((p) => p.startsWith(`${f.label}:`)) || undefined}
            onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
          />
        </label>
      ))}
      <button type="submit" className="sb-button" disabled={running || problems.length > 0 || unchanged}>
        Compare again
      </button>
      {problems.length > 0 ? (
        <span role="alert" className="sb-compare-load-problem">
          {problems.join('; ')}
        </span>
      ) : null}
    </form>
  );
}

function Progress({ progress }: { progress: ComparisonProgress | null }) {
  const fraction = progress?.fraction ?? 0;
  const what = progress ? `${progress.phase === 'running' ? 'Running' : 'Measuring'} “${STRATEGY_LABELS[progress.strategy]}” (${progress.index + 1} of ${progress.of})…` : 'Starting the runs…';
  return (
    <div className="sb-compare-progress">
      <progress aria-label="Comparison progress" max={1} value={fraction} />
      <span role="status">
        {what} {Math.round(fraction * 100)} %
      </span>
    </div>
  );
}

/** A comparison table's header: what the rows are, then one column per strategy. */
function StrategyHead({ first, results }: { first: string; results: StrategyComparison['results'] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {results.map((r) => (
          <th scope="col" key={r.strategy}>
            {STRATEGY_LABELS[r.strategy]}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function Results({ comparison }: { comparison: StrategyComparison }) {
  const results = comparison.results;
  return (
    <>
      <table className="sb-compare-table" aria-label="Strategy costs">
        <caption>What each strategy cost on this run</caption>
        <StrategyHead first="Figure" results={results} />
        <tbody>
          {figureRows(results).map((row) => (
            <tr key={row.label}>
              <th scope="row">
                {row.label}
                {row.note ? <span className="sb-compare-note">{row.note}</span> : null}
              </th>
              {row.values.map((v, i) => (
                <td key={results[i]!.strategy}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <UseStrategyRow results={results} />
      </table>
      <table className="sb-compare-table" aria-label="Event-store capabilities">
        <caption>The talk’s event-store table, answered by this engine — each answer shows what its demonstration did</caption>
        <StrategyHead first="Capability" results={results} />
        <tbody>
          {CAPABILITIES.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                {c.label}
                <span className="sb-compare-note">{c.question}</span>
              </th>
              {results.map((r) => {
                const x = r.capabilities.find((y) => y.id === c.id);
                return (
                  <td key={r.strategy}>
                    {x ? (
                      <>
                        <strong className={`sb-answer sb-answer-${x.answer}`}>{ANSWER_TEXT[x.answer]}</strong>
                        <span className="sb-compare-evidence">{x.evidence}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Under each column: make that strategy the board's, or say it already is. */
function UseStrategyRow({ results }: { results: StrategyComparison['results'] }) {
  const current = useBoardStore((s) => s.board?.settings.topicStrategy ?? null);
  return (
    <tfoot>
      <tr>
        <th scope="row">This board’s strategy</th>
        {results.map((r) => (
          <td key={r.strategy}>
            {r.strategy === current ? (
              <strong className="sb-compare-in-use">In use</strong>
            ) : (
              <button type="button" className="sb-button" aria-label={`Use this strategy: ${STRATEGY_LABELS[r.strategy]}`} onClick={() => setTopicStrategy(r.strategy)}>
                Use this strategy
              </button>
            )}
          </td>
        ))}
      </tr>
    </tfoot>
  );
}
