// The board menu: which board is open, the other saved boards to switch to, and create,
// rename, duplicate and delete (delete asks first); and the board's rules and scenarios as
// slices, exported or imported (SlicesSection.tsx).
import { useRef, useState } from 'react';
import type { BoardId } from '../../model';
import { useBoardStore } from '../../store/boardStore';
import { useBoardsStore } from '../../store/boardsStore';
import { ConfirmDialog } from '../ConfirmDialog';
import { Disclosure } from './Disclosure';
import { SlicesFileInput, SlicesSection } from './SlicesSection';

export function BoardMenu() {
  const name = useBoardStore((s) => s.board?.name ?? '');
  const currentId = useBoardsStore((s) => s.currentId);
  const boards = useBoardsStore((s) => s.boards);
  const [confirmDelete, setConfirmDelete] = useState<BoardId | null>(null);
  const store = useBoardsStore.getState;
  const slicesInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <SlicesFileInput input={slicesInput} />
      <Disclosure label="Boards" display={<span className="sb-board-name">{name || 'Boards'}</span>} title="Switch, create, rename, duplicate or delete boards">
        {(close) => (
          <div className="sb-menu-list" aria-label="Boards">
            <RenameRow key={currentId ?? ''} name={name} onRename={(n) => currentId && void store().renameBoard(currentId, n)} />
            <div className="sb-menu-row">
              <button type="button" className="sb-button" onClick={() => (close(), void store().createBoard())}>
                New board
              </button>
              <button type="button" className="sb-button" disabled={!currentId} onClick={() => (close(), currentId && void store().duplicateBoard(currentId))}>
                Duplicate board
              </button>
              <button type="button" className="sb-button sb-danger" disabled={!currentId} onClick={() => (close(), setConfirmDelete(currentId))}>
                Delete board
              </button>
            </div>
            <p className="sb-menu-heading" id="sb-saved-boards">
              Saved boards
            </p>
            <ul className="sb-menu-list" aria-labelledby="sb-saved-boards" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {boards.map((b) => (
                <li key={b.id}>
                  <button
                    type="button"
                    className="sb-menu-item"
                    style={{ width: '100%' }}
                    aria-current={b.id === currentId ? 'true' : undefined}
                    onClick={() => (close(), void store().openBoard(b.id))}
                  >
                    {b.id === currentId ? name : b.name}
                  </button>
                </li>
              ))}
            </ul>
            <SlicesSection input={slicesInput} close={close} />
          </div>
        )}
      </Disclosure>
      {confirmDelete ? (
        <ConfirmDialog
          title="Delete this board?"
          message={`“${boards.find((b) => b.id === confirmDelete)?.name ?? name}” and everything on it will be deleted. This cannot be undone.`}
          confirmLabel="Delete"
          onConfirm={() => {
            const id = confirmDelete;
            setConfirmDelete(null);
            void store().deleteBoard(id);
          }}
          onCancel={() => setConfirmDelete(null)}
        />
      ) : null}
    </>
  );
}

function RenameRow({ name, onRename }: { name: string; onRename: (name: string) => void }) {
  const [draft, setDraft] = useState(name);
  const submit = () => {
    if (draft.trim() && draft.trim() !== name) onRename(draft.trim());
  };
  return (
    <form
      className="sb-menu-row"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input aria-label="Board name" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={120} />
      <button type="submit" className="sb-button" disabled={!draft.trim() || draft.trim() === name}>
        Rename
      </button>
    </form>
  );
}
