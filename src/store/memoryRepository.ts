// An in-memory BoardRepositoryPort: boards live in a Map and a document is saved into it on
// every change, as the IndexedDB repository does. Tests of the stores use it, and the app
// falls back to it when the browser refuses IndexedDB (boards then last as long as the tab).
import * as Y from 'yjs';
import type { Board, BoardDoc, BoardId } from '../model';
import { boardMetaOf, createBoardDoc, openBoardDoc, ydocOf } from '../model';
import type { BoardRepositoryPort, BoardSummary } from './boardRepositoryPort';

export interface MemoryRepository extends BoardRepositoryPort {
  readonly saved: Map<BoardId, Board>;
}

export function createMemoryRepository(initial: Board[] = []): MemoryRepository {
  const saved = new Map<BoardId, Board>(initial.map((b) => [b.id, b]));
  const updated = new Map<BoardId, number>();
  const open = new Map<BoardDoc, () => void>();
  // Boards received as Yjs state keep it (their Yjs identity), so they merge with other copies.
  const states = new Map<BoardId, Uint8Array>();
  const rooms = new Map<string, BoardId>();
  let last: BoardId | null = null;
  let tick = 0;
  const touch = (id: BoardId) => updated.set(id, ++tick);
  return {
    saved,
    async list(): Promise<BoardSummary[]> {
      return [...saved.values()].map((b) => ({ id: b.id, name: b.name, updatedAt: updated.get(b.id) ?? 0 }));
    },
    async create(board) {
      if (saved.has(board.id)) throw new Error(`a board with id ${board.id} exists`);
      saved.set(board.id, board);
      touch(board.id);
    },
    async open(id) {
      const board = saved.get(id);
      if (!board) throw new Error(`no board ${id}`);
      const state = states.get(id);
      let doc: BoardDoc;
      if (state) {
        const ydoc = new Y.Doc();
        Y.applyUpdate(ydoc, state);
        doc = openBoardDoc(ydoc);
      } else doc = createBoardDoc(board);
      open.set(
        doc,
        doc.subscribe((b) => {
          saved.set(id, b);
          states.set(id, Y.encodeStateAsUpdate(ydocOf(doc)));
          touch(id);
        }),
      );
      return doc;
    },
    async close(doc) {
      open.get(doc)?.();
      open.delete(doc);
      doc.destroy();
    },
    async rename(id, name) {
      const board = saved.get(id);
      if (board) saved.set(id, { ...board, name });
      const state = states.get(id);
      if (state) {
        const ydoc = new Y.Doc();
        Y.applyUpdate(ydoc, state);
        ydoc.getMap('meta').set('name', name);
        states.set(id, Y.encodeStateAsUpdate(ydoc));
      }
    },
    async duplicate(id, name) {
      const board = saved.get(id);
      if (!board) throw new Error(`no board ${id}`);
      const copy: Board = { ...structuredClone(board), id: `board:copy${++tick}` as BoardId, name };
      saved.set(copy.id, copy);
      touch(copy.id);
      return copy.id;
    },
    async remove(id) {
      saved.delete(id);
      states.delete(id);
    },
    async lastOpened() {
      return last;
    },
    async setLastOpened(id) {
      last = id;
    },
    async importState(state) {
      const ydoc = new Y.Doc();
      Y.applyUpdate(ydoc, state);
      const meta = boardMetaOf(ydoc);
      if (!meta) throw new Error('the shared state holds no board');
      const id = meta.id as BoardId;
      const before = states.get(id);
      if (before) Y.applyUpdate(ydoc, before);
      const doc = openBoardDoc(ydoc);
      saved.set(id, doc.getBoard());
      states.set(id, Y.encodeStateAsUpdate(ydoc));
      doc.destroy();
      touch(id);
      return id;
    },
    async boardForRoom(room) {
      const id = rooms.get(room);
      return id && saved.has(id) ? id : null;
    },
    async bindRoom(room, id) {
      rooms.set(room, id);
    },
  };
}
