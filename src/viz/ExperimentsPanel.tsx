// The ready fault experiments: what each shows, what to watch, one button per variant; the
// one on screen lists its steps as they play, or one at a time with "Next step" and what to
// watch after each. Its cluster replaces the board's in the panels until it is closed.
import { useEffect } from 'react';
import { useSimStore } from '../store/simStore';

export function ExperimentsPanel() {
  const list = useSimStore((s) => s.experiments);
  const current = useSimStore((s) => s.snapshot?.experiment ?? null);
  const load = useSimStore((s) => s.loadExperiments);
  const start = useSimStore((s) => s.startExperiment);
  const finish = useSimStore((s) => s.finishExperiment);
  const next = useSimStore((s) => s.nextExperimentStep);
  const playOn = useSimStore((s) => s.playExperiment);
  const close = useSimStore((s) => s.closeExperiment);
  useEffect(() => {
    if (list.length === 0) load();
  }, [list.length, load]);
  return (
    <section className="sb-experiments" aria-label="Fault experiments">
      {current ? (
        <div className="sb-experiment-current" role="region" aria-label="Experiment in progress">
          <h3>
            {current.title} <span className="sb-muted">— {current.variant}</span>
          </h3>
          <p>{current.explanation}</p>
          <p className="sb-muted">Watch: {current.watch.join(' · ')}</p>
          <ol className="sb-steps" aria-label="Steps">
            {current.steps.map((s, i) => (
              <li key={i} className={i < current.step - 1 ? 'sb-step-done' : i === current.step - 1 ? 'sb-step-now' : undefined} aria-current={i === current.step - 1 ? 'step' : undefined}>
                {s}
              </li>
            ))}
          </ol>
          {current.step > 0 ? (
            <p className="sb-step-watch" role="note" aria-label="What to watch">
              <strong>Watch:</strong> {current.hints[current.step - 1]}
            </p>
          ) : null}
          <p>
            {current.done
              ? 'Finished.'
              : !current.stepping
                ? 'Playing…'
                : current.step === 0
                  ? 'Press Next step to begin, or Play to watch every step.'
                  : `Step ${current.step} of ${current.steps.length}: press Next step to go on.`}{' '}
            Kafka's behaviour
            predicts {current.expectedLost === 'some' ? 'some lost acknowledged records' : `${current.expectedLost} lost acknowledged records`}.
          </p>
          <button type="button" className="sb-button sb-small sb-primary" disabled={current.done} onClick={next}>
            Next step
          </button>{' '}
          {current.stepping && !current.done ? (
            <>
              <button type="button" className="sb-button sb-small" onClick={playOn}>
                Play
              </button>{' '}
            </>
          ) : null}
          <button type="button" className="sb-button sb-small" disabled={current.done} onClick={finish}>
            Play to the end
          </button>{' '}
          <button type="button" className="sb-button sb-small" onClick={close}>
            Close experiment
          </button>
        </div>
      ) : null}
      <ul className="sb-experiment-list">
        {list.map((e) => (
          <li key={e.id}>
            <strong>{e.title}</strong>
            <p className="sb-small-text">{e.explanation}</p>
            <div className="sb-row">
              {e.variants.map((v) => (
                <button key={v.id} type="button" className="sb-button sb-small" onClick={() => start(e.id, v.id)} aria-label={`Run experiment: ${e.title} (${v.label})`}>
                  Run: {v.label}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
