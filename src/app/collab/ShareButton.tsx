// The collaboration bar at the board's top right (beside the toolbar's own row, which is
// full at 1280 px): "Share board", the connection state of a shared board and who is here (a
// list of names, as text). Opens the share dialog and, when needed, the name question.
import './collab.css';
import { useCollabStore } from '../../store/collabStore';
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
  return (
    <div className="sb-group sb-collab" role="group" aria-label="Collaboration">
      <button type="button" className="sb-button" onClick={() => void useCollabStore.getState().share()} title="Share this board with the people in the workshop">
        Share board
      </button>
      <button type="button" className="sb-button" aria-expanded={facilitating} onClick={() => useSessionStore.getState().setPanelOpen(!facilitating)} title="Timer, phases and dot voting for the session">
        Facilitate
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
            <li key={p.clientId} style={{ borderColor: p.color }} title={p.self ? `${p.name} (you)` : p.name}>
              <span className="sb-participant-dot" style={{ background: p.color }} aria-hidden="true" />
              {p.name}
              {p.self ? ' (you)' : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {shareOpen ? <ShareDialog /> : null}
      {askName && !shareOpen ? <NameDialog /> : null}
    </div>
  );
}
