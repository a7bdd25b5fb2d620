// What happened, newest first, with simulated timestamps, one incident per line led by its
// cause ("Broker 1 stopped", then "2 leaders elected · 12 ISRs shrank") and coloured by what it
// means (good news is green, never red); open an incident to read each of its events.
import { memo } from 'react';
import { useSimStore } from '../store/simStore';
import { describeEvent, groupIncidents, toneOf, type Incident } from './incidents';

const time = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// An incident re-renders only when it grew (its id is its first event's sequence number).
const Item = memo(
  function Item({ i }: { i: Incident }) {
    const head = (
      <>
        <time>{time(i.at)}</time> <strong className="sb-tl-title">{i.title}</strong>
        {i.summary ? <span className="sb-tl-summary"> — {i.summary}</span> : null}
      </>
    );
    return (
      <li className={`sb-tl-${i.tone}`}>
        {i.consequences.length === 0 ? (
          head
        ) : (
          <details>
            <summary>{head}</summary>
            <ol className="sb-tl-events" aria-label={`Events of: ${i.title}`}>
              {[i.cause, ...i.consequences].map((e) => (
                <li key={e.seq} className={`sb-tl-${toneOf(e)}`}>
                  <time>{time(e.at)}</time> {describeEvent(e)}
                </li>
              ))}
            </ol>
          </details>
        )}
      </li>
    );
  },
  (a, b) => a.i.id === b.i.id && a.i.consequences.length === b.i.consequences.length,
);

export function Timeline() {
  const events = useSimStore((s) => s.snapshot?.timeline);
  const incidents = groupIncidents(events ?? []).reverse();
  return (
    <section className="sb-timeline" aria-label="Timeline">
      <h3>Timeline</h3>
      <ol aria-label="Incidents, newest first">
        {incidents.length === 0 ? <li className="sb-muted">Nothing has happened yet.</li> : null}
        {incidents.map((i) => (
          <Item key={i.id} i={i} />
        ))}
      </ol>
    </section>
  );
}
