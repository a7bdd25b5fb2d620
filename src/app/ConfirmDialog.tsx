// A modal question with a confirm and a cancel button (native <dialog>: focus is trapped and
// Escape cancels).
import { useEffect, useRef } from 'react';

export interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  /** The cancel button's label (default "Cancel"). */
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, message, confirmLabel, cancelLabel = 'Cancel', onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="sb-dialog"
      aria-labelledby="sb-confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="sb-confirm-title">{title}</h2>
      <p>{message}</p>
      <div className="sb-dialog-actions">
        <button type="button" className="sb-button" onClick={onCancel} autoFocus>
          {cancelLabel}
        </button>
        <button type="button" className="sb-button sb-primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
