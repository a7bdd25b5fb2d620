// Wires the boards store to the IndexedDB board repository (src/persist): every change of the
// open board is saved at once by the repository; pending writes are flushed when the page is
// hidden or closed, and storage errors reach the person in role="alert".
import type { BoardDoc } from '../model';
import { createBoardRepository, type OpenedBoard } from '../persist';
import type { BoardRepositoryPort } from '../store/boardRepositoryPort';
import { useBoardsStore } from '../store/boardsStore';
import { useUiStore } from '../store/uiStore';

export function createRepository(): BoardRepositoryPort {
  const repo = createBoardRepository();
  const opened = new Map<BoardDoc, OpenedBoard>();
  const notify = useUiStore.getState().notify;
  repo.events.on('error', (error) => notify({ kind: 'error', message: error.message, source: 'storage' }));
  // Saving works again: a storage error on screen is out of date.
  repo.events.on('saved', () => {
    if (useUiStore.getState().notice?.source === 'storage') notify(null);
  });
  repo.events.on('deleted', () =>
    notify({
      kind: 'error',
      message: 'This board was deleted in another tab, so changes made here are not saved. Keep a copy?',
      action: { label: 'Keep a copy', run: () => void useBoardsStore.getState().keepCopy() },
    }),
  );
  // flushNow issues the writes before the handler returns (a closing page may run nothing after).
  const flush = () => {
    repo.flushNow();
    void repo.flush().catch(() => undefined);
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  return {
    async list() {
      return (await repo.list()).map((s) => ({ id: s.id, name: s.name, updatedAt: s.updatedAt }));
    },
    async create(board) {
      await repo.create(board);
    },
    async open(id) {
      const board = await repo.open(id);
      opened.set(board.doc, board);
      return board.doc;
    },
    async close(doc) {
      const board = opened.get(doc);
      opened.delete(doc);
      await board?.close();
    },
    rename: (id, name) => repo.rename(id, name),
    async duplicate(id, name) {
      return (await repo.duplicate(id, name)).id;
    },
    remove: (id) => repo.delete(id),
    async lastOpened() {
      return (await repo.getCurrentId()) ?? null;
    },
    setLastOpened: (id) => repo.setCurrentId(id),
    async importState(state) {
      return (await repo.importState(state)).id;
    },
    async boardForRoom(room) {
      return (await repo.boardForRoom(room)) ?? null;
    },
    bindRoom: (room, id) => repo.bindRoom(room, id),
  };
}
