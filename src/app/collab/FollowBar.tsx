// Says whose view this page follows, with a way to stop ("Following Ada — Stop following"); in
// presentation mode also says when no facilitator is here (the view then stays where it is)
// and offers to follow the facilitator again after the view was moved by hand.
import { useCollabStore } from '../../store/collabStore';
import { useFollowStore, useLeader } from '../../store/followStore';

export function FollowBar() {
  const target = useFollowStore((s) => s.target);
  const presenting = useFollowStore((s) => s.presenting);
  const leader = useLeader();
  const shared = useCollabStore((s) => s.room !== null);
  const { stopFollowing, follow } = useFollowStore.getState();
  if (!target && !presenting) return null;
  let text: React.ReactNode;
  let why: string | undefined;
  if (!target) text = 'Not following anyone';
  else if (leader)
    text = (
      <>
        Following <strong>{leader.name}</strong>
        {target.kind === 'facilitator' ? ' (facilitator)' : ''}
      </>
    );
  else if (target.kind === 'facilitator') {
    text = 'No facilitator is here: the view stays put';
    why = shared
      ? 'The view follows the facilitator as soon as someone on this board opens "Facilitate".'
      : 'This board is not shared, so nobody can facilitate it from elsewhere: share it first.';
  } else text = `${target.name} has left: the view stays put`;
  return (
    <div className="sb-follow" role="status" aria-label="Following" title={why}>
      <span>{text}</span>
      {target ? (
        <button type="button" className="sb-button" onClick={stopFollowing} title="Stop following (Esc, or move the view yourself)">
          Stop following
        </button>
      ) : (
        <button type="button" className="sb-button" onClick={() => follow({ kind: 'facilitator' })}>
          Follow the facilitator
        </button>
      )}
    </div>
  );
}
