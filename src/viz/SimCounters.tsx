// The run's counters, each an <output> named after what it counts: "Lost acknowledged
// records" and "Duplicates delivered" are the ones fault experiments are about. Each says what
// it counts in a tooltip, which is also its accessible description (texts in simHelp.ts).
// Drawn as a large figure beside a two-line label, so a run's nine fit one row at 1280 px.
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../store/simStore';
import { twoLines } from './counterLabel';
import { COUNTER_HELP, type CounterName } from './simHelp';

export function SimCounters() {
  const c = useSimStore(useShallow((s) => s.snapshot?.counters ?? null));
  const items: [CounterName, number, string?][] = [
    ['Produced records', c?.produced ?? 0],
    ['Acknowledged records', c?.acknowledged ?? 0],
    ['Written, not acknowledged', c?.unacknowledged ?? 0],
    ['Consumed records', c?.consumed ?? 0],
    ['Lost acknowledged records', c?.lost ?? 0, 'sb-counter-bad'],
    ['Duplicates delivered', c?.duplicated ?? 0, 'sb-counter-warn'],
    ['Retried sends', c?.sendRetries ?? 0],
    ['Failed sends', c?.sendErrors ?? 0],
    ['Rejected commands', c?.commandsRejected ?? 0],
  ];
  // Shown once old and new producers run side by side (Run settings).
  if (c && c.oldProducerEvents > 0) {
    items.push(['Written by old producers', c.oldProducerEvents], ['Read by old consumers', c.oldConsumerReads], ['Unreadable to old consumers', c.oldConsumerFailures, 'sb-counter-bad']);
  }
  return (
    <div className="sb-counters" role="group" aria-label="Counters">
      {items.map(([label, value, cls]) => {
        const id = `sb-counter-${label.replace(/\s+/g, '-')}`;
        const [first, second] = twoLines(label);
        return (
          <div key={label} className={`sb-counter ${value > 0 && cls ? cls : ''}`} title={COUNTER_HELP[label]}>
            <output aria-labelledby={id} title={COUNTER_HELP[label]}>
              {value.toLocaleString('en-US')}
            </output>
            {/* Two block lines; the space between them keeps the accessible name one phrase. */}
            <span className="sb-counter-label" id={id}>
              <span>{first}</span> <span>{second}</span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
