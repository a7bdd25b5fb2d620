// The dock's Help tab: what the numbers mean (texts in simHelp.ts, shared with the tooltips).
import { COUNTER_HELP, HELP_SECTIONS, PARTITION_COLUMN_HELP } from './simHelp';

export function SimHelpPanel() {
  return (
    <section className="sb-sim-help" aria-label="Simulation help">
      {HELP_SECTIONS.map((s) => (
        <div key={s.title}>
          <h3>{s.title}</h3>
          <p>{s.text}</p>
        </div>
      ))}
      <div>
        <h3>Counters</h3>
        <dl>
          {Object.entries(COUNTER_HELP).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div>
        <h3>Partitions table</h3>
        <dl>
          {Object.entries(PARTITION_COLUMN_HELP).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
