// The run's counters, each an <output> named after what it counts: "Lost acknowledged
// records" and "Duplicates delivered" are the ones fault experiments are about.
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../store/simStore';

export function SimCounters() {
  const c = useSimStore(useShallow((s) => s.snapshot?.counters ?? null));
  const items: [string, number, string?][] = [
    ['Produced records', c?.produced ?? 0],
    ['Acknowledged records', c?.acknowledged ?? 0],
    ['Consumed records', c?.consumed ?? 0],
    ['Lost acknowledged records', c?.lost ?? 0, 'sb-counter-bad'],
    ['Duplicates delivered', c?.duplicated ?? 0, 'sb-counter-warn'],
    ['Retried sends', c?.sendRetries ?? 0],
    ['Failed sends', c?.sendErrors ?? 0],
  ];
  return (
    <div className="sb-counters" role="group" aria-label="Counters">
      {items.map(([label, value, cls]) => (
        <div key={label} className={`sb-counter ${value > 0 && cls ? cls : ''}`}>
          <span className="sb-counter-label" id={`sb-counter-${label.replace(/\s+/g, '-')}`}>
            {label}
          </span>
          <output aria-labelledby={`sb-counter-${label.replace(/\s+/g, '-')}`}>{value.toLocaleString('en-US')}</output>
        </div>
      ))}
    </div>
  );
}
