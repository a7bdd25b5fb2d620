// "Export services": preview of the exported project (file tree and code) before the zip
// download. Loaded lazily by the toolbar; owned by the code export.
import type { Board } from '../../model';

export interface ExportDialogProps {
  board: Board;
  onClose: () => void;
}

export default function ExportDialog({ board, onClose }: ExportDialogProps) {
  return (
    <div role="dialog" aria-label="Export services">
      <p>Export of “{board.name}” is not available yet.</p>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
