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
      <HelpList title="Counters" entries={COUNTER_HELP} />
      <HelpList title="Partitions table" entries={PARTITION_COLUMN_HELP} />
    </section>
  );
}

/** A titled list of names and what they mean. */
function HelpList({ title, entries }: { title: string; entries: Readonly<Record<string, string>> }) {
  return (
    <div>
      <h3>{title}</h3>
      <dl>
        {Object.entries(entries).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
