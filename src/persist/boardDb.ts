// The IndexedDB layout for boards, behind typed functions: a summary per board (for the board
// list), each board's Yjs document as a log of binary updates (appended on every change,
// merged into one record by compaction) and small preferences such as the current board.
// Every function is one IndexedDB transaction, so a change is stored whole or not at all.
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
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

type StoreName = 'boards' | 'updates' | 'prefs';
type Tx<S extends StoreName[], M extends IDBTransactionMode> = IDBPTransaction<BoardDbSchema, S, M>;

/**
 * Runs `body` in one transaction and settles only when the transaction has: its result once the
 * transaction completed, or the transaction's own error (a full disk's QuotaExceededError rather
 * than the AbortError its other requests get). The transaction's completion is always handled,
 * also when `body` throws half-way, so a failure never surfaces as an unhandled rejection.
 */
async function inTransaction<S extends StoreName[], M extends IDBTransactionMode, T>(
  db: BoardDb,
  stores: S,
  mode: M,
  body: (tx: Tx<S, M>) => Promise<T> | T,
): Promise<T> {
  const tx = db.transaction(stores, mode);
  const done = tx.done.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  let result: T;
  try {
    result = await body(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborting.
    }
    const end = await done;
    throw cause(tx) ?? (end.ok || isAbort(end.error) ? e : end.error);
  }
  if (mode === 'readwrite') commit(tx);
  const end = await done;
  if (!end.ok) throw cause(tx) ?? end.error;
  return result;
}

/** Why a transaction failed, once it has: its own error (set by the abort), unless it was only aborted. */
function cause(tx: { error: DOMException | null }): DOMException | undefined {
  const error = tx.error;
  return error && !isAbort(error) ? error : undefined;
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Thrown inside a transaction body to roll it back and return a value instead. */
class Rollback<T> {
  constructor(readonly value: T) {}
}

async function orRollback<T>(run: Promise<T>): Promise<T> {
  try {
    return await run;
  } catch (e) {
    if (e instanceof Rollback) return e.value as T;
    throw e;
  }
}

export async function listSummaries(db: BoardDb): Promise<BoardSummary[]> {
  return inTransaction(db, ['boards'], 'readonly', (tx) => tx.objectStore('boards').getAll());
}

export async function getSummary(db: BoardDb, id: BoardId): Promise<BoardSummary | undefined> {
  return inTransaction(db, ['boards'], 'readonly', (tx) => tx.objectStore('boards').get(id));
}

export async function putSummary(db: BoardDb, summary: BoardSummary): Promise<void> {
  await inTransaction(db, ['boards'], 'readwrite', (tx) => quiet(tx.objectStore('boards').put(summary)));
}

/** Stores a new board: its summary and its first (whole-document) update, together. Returns false if the id is taken. */
export async function insertBoard(db: BoardDb, summary: BoardSummary, update: Uint8Array): Promise<boolean> {
  return orRollback(
    inTransaction(db, ['boards', 'updates'], 'readwrite', async (tx) => {
      if ((await tx.objectStore('boards').getKey(summary.id)) !== undefined) throw new Rollback(false);
      quiet(tx.objectStore('boards').add(summary));
      quiet(tx.objectStore('updates').add({ boardId: summary.id, update }));
      return true;
    }),
  );
}

/**
 * Appends one update and refreshes the summary; returns how many updates the board now has, or
 * 'deleted' (writing nothing) when the board is gone: another tab deleted it meanwhile, and a
 * late write must not bring back a board of one update.
 */
export async function appendUpdate(db: BoardDb, id: BoardId, update: Uint8Array, summary: Partial<BoardSummary>): Promise<number | 'deleted'> {
  return orRollback(
    inTransaction(db, ['boards', 'updates'], 'readwrite', async (tx) => {
      const boards = tx.objectStore('boards');
      const updates = tx.objectStore('updates');
      const current = await boards.get(id);
      if (!current) throw new Rollback('deleted' as const);
      quiet(updates.add({ boardId: id, update }));
      quiet(boards.put({ ...current, ...summary, id }));
      return updates.index('byBoard').count(id);
    }),
  );
}

/**
 * Appends one update with every request issued at once and the transaction committed before
 * returning: the only write that still goes out from a `pagehide` handler, where the page may
 * run no further task. It skips the summary (that needs a read first); if the board was
 * deleted, the record is an orphan that nothing reads. Resolves when the write completed.
 */
export function appendUpdateNow(db: BoardDb, id: BoardId, update: Uint8Array): Promise<void> {
  const tx = db.transaction('updates', 'readwrite');
  quiet(tx.store.add({ boardId: id, update }));
  // Committed here, in the caller's task: not after an await, which a closing page may never reach.
  commit(tx);
  return tx.done.catch((e: unknown) => {
    throw cause(tx) ?? e;
  });
}

export async function readUpdates(db: BoardDb, id: BoardId): Promise<Uint8Array[]> {
  const records = await inTransaction(db, ['updates'], 'readonly', (tx) => tx.objectStore('updates').index('byBoard').getAll(id));
  return records.map((r) => r.update);
}

/** Replaces a board's updates by one merged update, in one transaction (safe against other tabs). */
export async function compactUpdates(db: BoardDb, id: BoardId): Promise<number> {
  return inTransaction(db, ['updates'], 'readwrite', async (tx) => {
    const store = tx.objectStore('updates');
    const index = store.index('byBoard');
    const keys = await index.getAllKeys(id);
    if (keys.length <= 1) return keys.length;
    const records = await index.getAll(id);
    const merged = Y.mergeUpdates(records.map((r) => r.update));
    for (const key of keys) quiet(store.delete(key));
    quiet(store.add({ boardId: id, update: merged }));
    return 1;
  });
}

export async function deleteBoardRecords(db: BoardDb, id: BoardId): Promise<void> {
  await inTransaction(db, ['boards', 'updates'], 'readwrite', async (tx) => {
    quiet(tx.objectStore('boards').delete(id));
    const updates = tx.objectStore('updates');
    for (const key of await updates.index('byBoard').getAllKeys(id)) quiet(updates.delete(key));
  });
}

export async function getPref(db: BoardDb, key: string): Promise<unknown> {
  return inTransaction(db, ['prefs'], 'readonly', (tx) => tx.objectStore('prefs').get(key));
}

export async function setPref(db: BoardDb, key: string, value: unknown): Promise<void> {
  await inTransaction(db, ['prefs'], 'readwrite', (tx) => {
    const store = tx.objectStore('prefs');
    if (value === undefined) quiet(store.delete(key));
    else quiet(store.put(value, key));
  });
}
