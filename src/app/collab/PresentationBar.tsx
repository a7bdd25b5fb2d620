// The top of a presentation screen (a projector): the board's name in large type, whose view
// it follows, and the way out ("Leave presentation", or Esc). Nothing here edits the board.
import { useBoardStore } from '../../store/boardStore';
import { useFollowStore } from '../../store/followStore';
import { FollowBar } from './FollowBar';

export function PresentationBar() {
  const name = useBoardStore((s) => s.board?.name ?? '');
  return (
    <header className="sb-presentation-bar" aria-label="Presentation">
      <h1 className="sb-presentation-title">{name}</h1>
      <FollowBar />
      <button type="button" className="sb-button" onClick={() => useFollowStore.getState().leavePresentation()} title="Back to editing (Esc)">
        Leave presentation
      </button>
    </header>
  );
}
