// What the whole room sees of the facilitation session, over the top of the board: the
// current EventStorming phase with its one-line instruction, the session timer (a gentle
// "Time is up" when it ends, no sound), the dot vote (your dots left, add or take back a dot
// on the selected sticky; your own dots marked on the board) and, once closed, the ranked
// results. The facilitator's controls are in FacilitationPanel.
import { useViewport } from '@xyflow/react';
import { PHASES, remainingMs } from '../../collab';
import { absoluteRect, type ElementId } from '../../model';
import { useBoardStore } from '../../store/boardStore';
import { useSessionStore } from '../../store/sessionStore';
import { useUiStore } from '../../store/uiStore';

function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function SessionBar() {
  const session = useSessionStore((s) => s.session);
  const now = useSessionStore((s) => s.now);
  const myDots = useSessionStore((s) => s.myDots);
  const results = useSessionStore((s) => s.results);
  const selected = useUiStore((s) => (s.selectedElementIds.length === 1 ? s.selectedElementIds[0]! : null));
  const elementsById = useBoardStore((s) => s.elementsById);
  const readOnly = useUiStore((s) => s.readOnly);
  const { x, y, zoom } = useViewport();
  const { timer, phase, vote } = session;
  if (!timer && phase === null && !vote) return null;
  const left = remainingMs(timer, now);
  const used = Object.values(myDots).reduce((a, b) => a + b, 0);
  const current = phase !== null ? PHASES[phase] : undefined;
  return (
    <>
      <section className="sb-session" aria-label="Session">
        {current ? (
          <p className="sb-session-phase">
            <strong>
              Phase {phase! + 1} of {PHASES.length}: {current.name}
            </strong>{' '}
            — {current.instruction}
          </p>
        ) : null}
        {timer ? (
          <p className={`sb-session-timer${left === 0 ? ' sb-session-timeup' : ''}`}>
            <span role="timer" aria-label="Session timer">
              {left === 0 ? 'Time is up' : clock(left)}
            </span>
            {timer.endsAt === null && left > 0 ? ' (paused)' : ''}
          </p>
        ) : null}
        {vote?.open && readOnly ? <p>Dot vote open: {vote.dotsPerPerson} dots each.</p> : null}
        {vote?.open && !readOnly ? (
          <div className="sb-session-vote" role="group" aria-label="Dot vote">
            <span>
              Dot vote: {vote.dotsPerPerson - used} of {vote.dotsPerPerson} dots left — select a sticky, then
            </span>
            <button type="button" className="sb-button" disabled={!selected || used >= vote.dotsPerPerson} onClick={() => selected && useSessionStore.getState().dot(selected, 1)}>
              Add dot
            </button>
            <button type="button" className="sb-button" disabled={!selected || !myDots[selected!]} onClick={() => selected && useSessionStore.getState().dot(selected, -1)}>
              Remove dot
            </button>
          </div>
        ) : null}
        {vote && !vote.open ? (
          <div className="sb-session-results">
            <strong>Vote results</strong>
            {results.length === 0 ? <span> — no dots were placed.</span> : null}
            <ol aria-label="Vote results">
              {results.slice(0, 10).map((r) => (
                <li key={r.elementId}>
                  {elementsById.get(r.elementId as ElementId)?.text || '(deleted sticky)'} — {r.dots} {r.dots === 1 ? 'dot' : 'dots'}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </section>
      {vote?.open
        ? Object.entries(myDots).map(([id, n]) => {
            const el = elementsById.get(id as ElementId);
            if (!el) return null;
            const r = absoluteRect(el, elementsById);
            return (
              <span key={id} className="sb-my-dots" aria-hidden="true" style={{ left: (r.x + r.width) * zoom + x - 8, top: r.y * zoom + y - 10 }}>
                {'●'.repeat(n)}
              </span>
            );
          })
        : null}
    </>
  );
}
