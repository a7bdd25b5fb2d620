// The ready fault experiments: what each shows, what to watch, one button per variant; the
// one on screen lists its steps as they play. Its cluster replaces the board's in the panels
// until it is closed.
import { useEffect } from 'react';
import { useSimStore } from '../store/simStore';

export function ExperimentsPanel() {
  const list = useSimStore((s) => s.experiments);
  const current = useSimStore((s) => s.snapshot?.experiment ?? null);
  const load = useSimStore((s) => s.loadExperiments);
  const start = useSimStore((s) => s.startExperiment);
  const finish = useSimStore((s) => s.finishExperiment);
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
          <ol className="sb-steps">
            {current.steps.map((s, i) => (
              <li key={i} className={i < current.step ? 'sb-step-done' : i === current.step ? 'sb-step-now' : undefined}>
                {s}
              </li>
            ))}
          </ol>
          <p>
            {current.done ? 'Finished.' : 'Playing…'} Kafka's behaviour predicts{' '}
            {current.expectedLost === 'some' ? 'some lost acknowledged records' : `${current.expectedLost} lost acknowledged records`}.
          </p>
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
