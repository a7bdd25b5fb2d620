// "Export services": opens the code export's preview dialog, loaded only when first asked for.
import { lazy, Suspense } from 'react';
import { useBoardStore } from '../../store/boardStore';
import { useUiStore } from '../../store/uiStore';

const ExportDialog = lazy(() => import('../export/ExportDialog'));

export function ExportServicesButton() {
  const open = useUiStore((s) => s.exportDialogOpen);
  const board = useBoardStore((s) => s.board);
  return (
    <>
      <button
        type="button"
        className="sb-button"
        disabled={!board}
        onClick={() => useUiStore.getState().setExportDialogOpen(true)}
        title="Preview and download the board as TypeScript services for Kafka"
      >
        Export services
      </button>
      {open && board ? (
        <Suspense fallback={<div role="status">Loading export…</div>}>
          <ExportDialog board={board} onClose={() => useUiStore.getState().setExportDialogOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
