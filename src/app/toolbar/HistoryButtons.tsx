// Undo and redo, greyed out when there is nothing to undo or redo.
import { redo, undo } from '../../store/boardCommands';
import { useBoardStore } from '../../store/boardStore';

export function HistoryButtons() {
  const canUndo = useBoardStore((s) => s.canUndo);
  const canRedo = useBoardStore((s) => s.canRedo);
  return (
    <div className="sb-group" role="group" aria-label="History">
      <button type="button" className="sb-button sb-icon" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
        ↶
      </button>
      <button type="button" className="sb-button sb-icon" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
        ↷
      </button>
    </div>
  );
}
