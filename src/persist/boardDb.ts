// The IndexedDB layout for boards, behind typed functions: a summary per board (for the board
// list), each board's Yjs document as a log of binary updates (appended on every change,
// merged into one record by compaction) and small preferences such as the current board.
// Every function is one IndexedDB transaction, so a change is stored whole or not at all.
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import * as Y from 'yjs';
import type { BoardId } from '../model';

export interface BoardSummary {
  id: BoardId;
  name: string;
  createdAt: number;
  updatedAt: number;
}

interface UpdateRecord {
  boardId: BoardId;
  update: Uint8Array;
}

export interface BoardDbSchema extends DBSchema {
  boards: { key: BoardId; value: BoardSummary };
  updates: { key: number; value: UpdateRecord; indexes: { byBoard: BoardId } };
  prefs: { key: string; value: unknown };
}

export type BoardDb = IDBPDatabase<BoardDbSchema>;

export const BOARD_DB_VERSION = 1;

export async function openBoardDb(factory: IDBFactory, name: string): Promise<BoardDb> {
  const request = factory.open(name, BOARD_DB_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    const db = request.result;
    if (event.oldVersion < 1) {
      db.createObjectStore('boards', { keyPath: 'id' });
      const updates = db.createObjectStore('updates', { autoIncrement: true });
      updates.createIndex('byBoard', 'boardId');
      db.createObjectStore('prefs');
    }
  });
  return (await wrap(request)) as unknown as BoardDb;
}

/** A request's own failure also fails its transaction, which the caller awaits: no double report. */
function quiet(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

function commit(tx: { commit?: () => void }): void {
  // An explicit commit makes the write go out now, which matters when the page is closing.
  try {
    tx.commit?.();
  } catch {
    // Already committing: nothing to do.
  }
}

export async function listSummaries(db: BoardDb): Promise<BoardSummary[]> {
  return db.getAll('boards');
}

export async function getSummary(db: BoardDb, id: BoardId): Promise<BoardSummary | undefined> {
  return db.get('boards', id);
}

export async function putSummary(db: BoardDb, summary: BoardSummary): Promise<void> {
  const tx = db.transaction('boards', 'readwrite');
  quiet(tx.store.put(summary));
  commit(tx);
  await tx.done;
}

/** Stores a new board: its summary and its first (whole-document) update, together. Returns false if the id is taken. */
export async function insertBoard(db: BoardDb, summary: BoardSummary, update: Uint8Array): Promise<boolean> {
  const tx = db.transaction(['boards', 'updates'], 'readwrite');
  if ((await tx.objectStore('boards').getKey(summary.id)) !== undefined) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return false;
  }
  quiet(tx.objectStore('boards').add(summary));
  quiet(tx.objectStore('updates').add({ boardId: summary.id, update }));
  commit(tx);
  await tx.done;
  return true;
}

/** Appends one update and refreshes the summary; returns how many updates the board now has. */
export async function appendUpdate(db: BoardDb, id: BoardId, update: Uint8Array, summary: Partial<BoardSummary>): Promise<number> {
  const tx = db.transaction(['boards', 'updates'], 'readwrite');
  const boards = tx.objectStore('boards');
  const updates = tx.objectStore('updates');
  const current = await boards.get(id);
  // A board deleted meanwhile (another tab) is not brought back by a late write.
  if (!current) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return 0;
  }
  quiet(updates.add({ boardId: id, update }));
  quiet(boards.put({ ...current, ...summary, id }));
  const count = await updates.index('byBoard').count(id);
  commit(tx);
  await tx.done;
  return count;
}

export async function readUpdates(db: BoardDb, id: BoardId): Promise<Uint8Array[]> {
  const records = await db.getAllFromIndex('updates', 'byBoard', id);
  return records.map((r) => r.update);
}

/** Replaces a board's updates by one merged update, in one transaction (safe against other tabs). */
export async function compactUpdates(db: BoardDb, id: BoardId): Promise<number> {
  const tx = db.transaction('updates', 'readwrite');
  const index = tx.store.index('byBoard');
  const keys = await index.getAllKeys(id);
  if (keys.length <= 1) {
    await tx.done;
    return keys.length;
  }
  const records = await index.getAll(id);
  const merged = Y.mergeUpdates(records.map((r) => r.update));
  for (const key of keys) quiet(tx.store.delete(key));
  quiet(tx.store.add({ boardId: id, update: merged }));
  commit(tx);
  await tx.done;
  return 1;
}

export async function deleteBoardRecords(db: BoardDb, id: BoardId): Promise<void> {
  const tx = db.transaction(['boards', 'updates'], 'readwrite');
  quiet(tx.objectStore('boards').delete(id));
  const updates = tx.objectStore('updates');
  for (const key of await updates.index('byBoard').getAllKeys(id)) quiet(updates.delete(key));
  commit(tx);
  await tx.done;
}

export async function getPref(db: BoardDb, key: string): Promise<unknown> {
  return db.get('prefs', key);
}

export async function setPref(db: BoardDb, key: string, value: unknown): Promise<void> {
  const tx = db.transaction('prefs', 'readwrite');
  if (value === undefined) quiet(tx.store.delete(key));
  else quiet(tx.store.put(value, key));
  commit(tx);
  await tx.done;
}
