// The list of saved boards and the lifecycle of the open one: start (reopen the board you were
// on, or create a first one), switch, create, rename, duplicate, delete, import and examples.
// Storage sits behind a BoardRepositoryPort; the open document is handed to the board store.
import type { Board, BoardId } from '../model';
import { createEmptyBoard } from '../model/elements';
import { newId } from '../lib/ids';
import { create } from 'zustand';
import type { BoardRepositoryPort, BoardSummary } from './boardRepositoryPort';
import { useBoardStore } from './boardStore';
import { useUiStore } from './uiStore';

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface BoardsState {
  boards: readonly BoardSummary[];
  currentId: BoardId | null;
  status: SessionStatus;
}

export interface BoardsActions {
  start(repo: BoardRepositoryPort): Promise<void>;
  openBoard(id: BoardId): Promise<void>;
  createBoard(name?: string): Promise<BoardId | null>;
  renameBoard(id: BoardId, name: string): Promise<void>;
  duplicateBoard(id: BoardId): Promise<BoardId | null>;
  deleteBoard(id: BoardId): Promise<void>;
  /** Saves the open board as a new board and opens it (e.g. after another tab deleted it). */
  keepCopy(): Promise<BoardId | null>;
  /** Adds a board read from a file or an example as a new board and opens it. */
  addBoard(board: Board): Promise<BoardId | null>;
  refresh(): Promise<void>;
  reset(): void;
}

const initial: BoardsState = { boards: [], currentId: null, status: 'idle' };

let repo: BoardRepositoryPort | null = null;
// Serialises lifecycle operations so that quick clicks cannot interleave open/close.
let queue: Promise<unknown> = Promise.resolve();

function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

function fail(what: string, error: unknown): null {
  const detail = error instanceof Error ? error.message : String(error);
  useUiStore.getState().notify({ kind: 'error', message: `${what}: ${detail}` });
  return null;
}

/** `base`, or `base (2)`, `base (3)` … whichever no board has yet ("Banking (2)"). */
export function uniqueName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} (${i})`)) return `${base} (${i})`;
}

export const useBoardsStore = create<BoardsState & BoardsActions>()((set, get) => {
  async function switchTo(id: BoardId): Promise<void> {
    if (!repo) return;
    const previous = useBoardStore.getState().doc;
    const doc = await repo.open(id);
    // Remembered before it shows: a reload as soon as the board is on screen reopens it (after
    // it, the page could unload before the write went out and reopen the previous board).
    try {
      await repo.setLastOpened(id);
    } catch (error) {
      if (doc !== previous) await repo.close(doc);
      throw error;
    }
    useUiStore.getState().setSelection([], []);
    useUiStore.getState().stopEditing();
    useBoardStore.getState().attach(doc);
    if (previous && previous !== doc) await repo.close(previous);
    set({ currentId: id });
  }
  async function refreshList(): Promise<void> {
    if (repo) set({ boards: await repo.list() });
  }

  return {
    ...initial,
    start(r) {
      repo = r;
      set({ status: 'loading' });
      return serial(async () => {
        try {
          let boards = await r.list();
          if (boards.length === 0) {
            await r.create(createEmptyBoard('My first board'));
            boards = await r.list();
          }
          const last = await r.lastOpened();
          const target = boards.find((b) => b.id === last) ?? [...boards].sort((a, b) => b.updatedAt - a.updatedAt)[0];
          set({ boards });
          if (target) await switchTo(target.id);
          set({ status: 'ready' });
        } catch (error) {
          set({ status: 'failed' });
          fail('Could not open your boards', error);
        }
      });
    },
    openBoard(id) {
      return serial(async () => {
        if (get().currentId === id) return;
        try {
          await switchTo(id);
          await refreshList();
        } catch (error) {
          fail('Could not open the board', error);
        }
      });
    },
    createBoard(name) {
      return serial(async () => {
        if (!repo) return null;
        try {
          const board = createEmptyBoard(name ?? uniqueName('Untitled board', get().boards.map((b) => b.name)));
          await repo.create(board);
          await switchTo(board.id);
          await refreshList();
          return board.id;
        } catch (error) {
          return fail('Could not create a board', error);
        }
      });
    },
    renameBoard(id, name) {
      return serial(async () => {
        const trimmed = name.trim();
        if (!repo || !trimmed) return;
        try {
          const doc = useBoardStore.getState().doc;
          if (doc && doc.id === id) doc.rename(trimmed);
          else await repo.rename(id, trimmed);
          await refreshList();
        } catch (error) {
          fail('Could not rename the board', error);
        }
      });
    },
    duplicateBoard(id) {
      return serial(async () => {
        if (!repo) return null;
        try {
          const source = get().boards.find((b) => b.id === id);
          const name = uniqueName(`${source?.name ?? 'Board'} (copy)`, get().boards.map((b) => b.name));
          const copy = await repo.duplicate(id, name);
          await switchTo(copy);
          await refreshList();
          return copy;
        } catch (error) {
          return fail('Could not duplicate the board', error);
        }
      });
    },
    deleteBoard(id) {
      return serial(async () => {
        if (!repo) return;
        try {
          const doc = useBoardStore.getState().doc;
          if (doc && doc.id === id) {
            useBoardStore.getState().detach();
            await repo.close(doc);
            set({ currentId: null });
          }
          await repo.remove(id);
          let boards = await repo.list();
          if (boards.length === 0) {
            await repo.create(createEmptyBoard('Untitled board'));
            boards = await repo.list();
          }
          set({ boards });
          if (get().currentId === null) {
            const next = [...boards].sort((a, b) => b.updatedAt - a.updatedAt)[0];
            if (next) await switchTo(next.id);
          }
        } catch (error) {
          fail('Could not delete the board', error);
        }
      });
    },
    keepCopy() {
      return serial(async () => {
        const doc = useBoardStore.getState().doc;
        if (!repo || !doc) return null;
        try {
          const board = doc.getBoard();
          const names = (await repo.list()).map((b) => b.name);
          const copy: Board = { ...board, id: newId('board'), name: uniqueName(`${board.name} (copy)`, names) };
          await repo.create(copy);
          await switchTo(copy.id);
          await refreshList();
          return copy.id;
        } catch (error) {
          return fail('Could not keep a copy of the board', error);
        }
      });
    },
    addBoard(board) {
      return serial(async () => {
        if (!repo) return null;
        try {
          const taken = get().boards.some((b) => b.id === board.id);
          // An example opened twice or a board imported again gets a name of its own too.
          const name = uniqueName(board.name, get().boards.map((b) => b.name));
          const stored: Board = { ...board, ...(taken ? { id: newId('board') } : {}), name };
          await repo.create(stored);
          await switchTo(stored.id);
          await refreshList();
          return stored.id;
        } catch (error) {
          return fail('Could not add the board', error);
        }
      });
    },
    refresh() {
      return serial(refreshList);
    },
    reset() {
      repo = null;
      queue = Promise.resolve();
      set(initial);
    },
  };
});
