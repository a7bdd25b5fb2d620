// The facilitator's controls, opened from "Facilitate" in the collaboration bar: the session
// timer (start, pause, resume, add minutes, stop), the phases (previous, next) and the dot
// vote (open with N dots per person, close to show the ranked results, clear). Whoever opens
// these controls on a shared board takes the facilitator's role: presentation screens follow
// their view, until "Stop facilitating".
import { useEffect, useState } from 'react';
import { PHASES } from '../../collab';
import { useCollabStore } from '../../store/collabStore';
import { useSessionStore } from '../../store/sessionStore';

export function FacilitationPanel() {
  const { timer, phase, vote } = useSessionStore((s) => s.session);
  const s = useSessionStore.getState();
  const [minutes, setMinutes] = useState('10');
  const [dots, setDots] = useState('3');
  const room = useCollabStore((s) => s.room);
  const facilitator = useCollabStore((s) => s.room !== null && s.facilitatorRooms.includes(s.room));
  useEffect(() => {
    if (room) useCollabStore.getState().setFacilitator(true);
  }, [room]);
  return (
    <div className="sb-facilitation" role="group" aria-label="Facilitation">
      {facilitator ? (
        <p className="sb-facilitation-role">
          You are the facilitator: presentation screens follow your view.{' '}
          <button type="button" className="sb-button" onClick={() => useCollabStore.getState().setFacilitator(false)}>
            Stop facilitating
          </button>
        </p>
      ) : null}
      <fieldset>
        <legend>Timer</legend>
        <label>
          Minutes <input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-label="Timer minutes" />
        </label>
        <button type="button" className="sb-button" onClick={() => s.startTimer(Number(minutes) || 10)}>
          Start timer
        </button>
        {timer?.endsAt != null ? (
          <button type="button" className="sb-button" onClick={() => s.pauseTimer()}>
            Pause timer
          </button>
        ) : timer ? (
          <button type="button" className="sb-button" onClick={() => s.resumeTimer()}>
            Resume timer
          </button>
        ) : null}
        <button type="button" className="sb-button" onClick={() => s.addMinutes(1)}>
          +1 min
        </button>
        <button type="button" className="sb-button" onClick={() => s.addMinutes(5)}>
          +5 min
        </button>
        {timer ? (
          <button type="button" className="sb-button" onClick={() => s.stopTimer()}>
            Stop timer
          </button>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>Phase</legend>
        <button type="button" className="sb-button" disabled={phase === null} onClick={() => s.setPhase(phase! > 0 ? phase! - 1 : null)}>
          Previous phase
        </button>
        <button type="button" className="sb-button" disabled={phase === PHASES.length - 1} onClick={() => s.setPhase(phase === null ? 0 : phase + 1)}>
          {phase === null ? 'Start phases' : 'Next phase'}
        </button>
      </fieldset>
      <fieldset>
        <legend>Dot voting</legend>
        <label>
          Dots each <input type="number" min={1} max={20} value={dots} onChange={(e) => setDots(e.target.value)} aria-label="Dots per person" />
        </label>
        {vote?.open ? (
          <button type="button" className="sb-button" onClick={() => s.closeVote()}>
            Close vote
          </button>
        ) : (
          <button type="button" className="sb-button" onClick={() => s.openVote(Number(dots) || 3)}>
            Open vote
          </button>
        )}
        {vote && !vote.open ? (
          <button type="button" className="sb-button" onClick={() => s.endVote()}>
            Clear results
          </button>
        ) : null}
      </fieldset>
    </div>
  );
}
