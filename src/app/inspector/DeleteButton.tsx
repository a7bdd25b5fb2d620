// Deletes the selection (one undo step) from the inspector: the way to delete with a mouse or on
// a touch screen, besides the Delete key and the sticky's context menu.
import { deleteSelection } from '../../store/boardCommands';

export function DeleteButton({ label }: { label: string }) {
  return (
    <div className="sb-inspector-actions">
      <button type="button" className="sb-button sb-danger" onClick={() => deleteSelection()} title={`${label} (Delete key; undo with Ctrl+Z)`}>
        {label}
      </button>
    </div>
  );
}
