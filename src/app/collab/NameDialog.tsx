// Asked once, on the first shared board: the name others see beside this participant's cursor
// and in the participant list. Remembered in this browser.
import { useEffect, useRef, useState } from 'react';
import { MAX_NAME_LENGTH } from '../../collab';
import { useCollabStore } from '../../store/collabStore';

export function NameDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = () => {
    if (name.trim()) useCollabStore.getState().setMyName(name);
  };
  return (
    <dialog
      ref={ref}
      className="sb-dialog"
      aria-labelledby="sb-name-title"
      onCancel={(e) => {
        e.preventDefault();
        useCollabStore.getState().setMyName('Guest');
      }}
    >
      <h2 id="sb-name-title">Your name</h2>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p>Others on this board see it beside your cursor.</p>
        <input type="text" aria-label="Your name" maxLength={MAX_NAME_LENGTH} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        <div className="sb-dialog-actions">
          <button type="submit" className="sb-button sb-primary" disabled={!name.trim()}>
            Join
          </button>
        </div>
      </form>
    </dialog>
  );
}
