// "Share board": the link that opens this board in another browser (on the workshop server's
// origin, with the room's unguessable id) and a copy button. Without a server, it says that
// tabs of this browser stay in step and what is needed to share further.
import { useEffect, useRef, useState } from 'react';
import { useCollabStore } from '../../store/collabStore';

export function ShareDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const server = useCollabStore((s) => s.server);
  const room = useCollabStore((s) => s.room);
  const status = useCollabStore((s) => s.status);
  const reason = useCollabStore((s) => s.reason);
  const [copied, setCopied] = useState(false);
  const link = server && room ? useCollabStore.getState().link() : null;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const close = () => useCollabStore.getState().setShareOpen(false);
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard permission: select the text so Ctrl+C copies it.
      inputRef.current?.select();
    }
  };
  return (
    <dialog
      ref={ref}
      className="sb-dialog sb-share-dialog"
      aria-labelledby="sb-share-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id="sb-share-title">Share board</h2>
      {link ? (
        <>
          <p>Anyone with this link can open and edit this board, live. It also stays in their browser, so it works offline and merges when they reconnect.</p>
          <label className="sb-share-link">
            <span>Board link</span>
            <input ref={inputRef} type="text" readOnly value={link} aria-label="Board link" onFocus={(e) => e.currentTarget.select()} />
          </label>
          {status === 'refused' && reason ? <p role="alert">{reason}</p> : null}
        </>
      ) : (
        <p>
          Other tabs of this browser on this board already stay in step. To share it beyond this browser, a server is needed: run <code>npm run collab</code> on one
          machine, open Stormbench from the address it prints, and share the board from there.
        </p>
      )}
      <div className="sb-dialog-actions">
        {link ? (
          <button type="button" className="sb-button sb-primary" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy link'}
          </button>
        ) : null}
        <button type="button" className="sb-button" onClick={close} autoFocus={!link}>
          Close
        </button>
      </div>
    </dialog>
  );
}
