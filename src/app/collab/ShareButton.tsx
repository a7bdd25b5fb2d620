// The collaboration bar at the board's top right (beside the toolbar's own row, which is
// full at 1280 px): "Share board", "Facilitate", "Present" (presentation mode), the connection
// state of a shared board and who is here (a list of names, as text; press someone's name to
// follow their view). Opens the share dialog and, when needed, the name question.
import './collab.css';
import { useCollabStore } from '../../store/collabStore';
import { useFollowStore } from '../../store/followStore';
import { useSessionStore } from '../../store/sessionStore';
import { FacilitationPanel } from './FacilitationPanel';
import { NameDialog } from './NameDialog';
import { ShareDialog } from './ShareDialog';

const STATUS_TEXT: Record<string, string> = {
  connecting: 'Connecting…',
  online: 'Live',
  offline: 'Offline — your changes are kept and merge when the connection returns',
  refused: 'Refused by the server',
};

export function ShareButton() {
  const status = useCollabStore((s) => s.status);
  const shareOpen = useCollabStore((s) => s.shareOpen);
  const askName = useCollabStore((s) => s.askName);
  const participants = useCollabStore((s) => s.participants);
  const facilitating = useSessionStore((s) => s.panelOpen);
  const target = useFollowStore((s) => s.target);
  const followed = target?.kind === 'participant' ? target.clientId : null;
  return (
    <div className="sb-group sb-collab" role="group" aria-label="Collaboration">
      <button type="button" className="sb-button" onClick={() => void useCollabStore.getState().share()} title="Share this board with the people in the workshop">
        Share board
      </button>
      <button type="button" className="sb-button" aria-expanded={facilitating} onClick={() => useSessionStore.getState().setPanelOpen(!facilitating)} title="Timer, phases and dot voting for the session">
        Facilitate
      </button>
      <button type="button" className="sb-button" onClick={() => useFollowStore.getState().present()} title="Presentation mode for a projector: read-only, large, follows the facilitator's view (Shift+P; Esc leaves)">
        Present
      </button>
      {facilitating ? <FacilitationPanel /> : null}
      {status !== 'local' ? (
        <span className={`sb-collab-status sb-collab-${status}`} role="status" aria-label="Connection" title={STATUS_TEXT[status]}>
          {status === 'offline' ? 'Offline' : STATUS_TEXT[status]}
        </span>
      ) : null}
      {participants.length > 0 ? (
        <ul className="sb-participants" aria-label="Participants">
          {participants.map((p) => (
            <li key={p.clientId} style={{ borderColor: p.color }}>
              <span className="sb-participant-dot" style={{ background: p.color }} aria-hidden="true" />
              {p.self ? (
                p.name
              ) : (
                <button
                  type="button"
                  className="sb-participant-follow"
                  aria-label={`Follow ${p.name}`}
                  aria-pressed={followed === p.clientId}
                  title={followed === p.clientId ? `Following ${p.name}'s view` : `Follow ${p.name}'s view`}
                  onClick={() => useFollowStore.getState().follow({ kind: 'participant', clientId: p.clientId, name: p.name })}
                >
                  {p.name}
                </button>
              )}
              {p.self ? ' (you)' : ''}
              {p.facilitator ? ' (facilitator)' : ''}
              {p.presenting ? ' (presenting)' : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {shareOpen ? <ShareDialog /> : null}
      {askName && !shareOpen ? <NameDialog /> : null}
    </div>
  );
}
