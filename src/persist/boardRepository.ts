// The boards a person has in this browser: list, create, open, rename, duplicate, delete, and
// which one was open last. Each board's Yjs document is stored durably (boardDb.ts) and every
// change of an open board is saved at once (boardSaver.ts); components never touch IndexedDB.
import * as Y from 'yjs';
import { Emitter } from '../lib/emitter';
import { newId } from '../lib/ids';
import type { Clock } from '../lib/clock';
import { createRealClock } from '../lib/clock';
import { boardMetaOf, openBoardDoc, writeBoardInto, type Board, type BoardDoc, type BoardId } from '../model';
import {
  appendUpdate,
  deleteBoardRecords,
  getPref,
  getSummary,
  insertBoard,
  listSummaries,
  openBoardDb,
  readUpdates,
  setPref,
  type BoardDb,
  type BoardSummary,
} from './boardDb';
import { BoardSaver, type SaverEvents } from './boardSaver';
import { BoardNotFoundError, PersistError, storageError } from './errors';

export const DEFAULT_BOARD_DB_NAME = 'stormbench-boards';
const CURRENT_BOARD_KEY = 'currentBoardId';
const ROOM_KEY_PREFIX = 'room:';
/** Origin of a shared board's state merged into a board that is open here. */
const IMPORT_ORIGIN = Symbol('stormbench:import');
/** Origin of updates applied while loading a board from storage (not written back). */
const LOAD_ORIGIN = Symbol('stormbench:load');

export interface BoardRepositoryOptions {
  /** The IndexedDB to use (a fake one in tests); the global one by default. */
  indexedDB?: IDBFactory;
  dbName?: string;
  clock?: Clock;
  compactAfterUpdates?: number;
}

export interface OpenedBoard {
  readonly doc: BoardDoc;
  readonly ydoc: Y.Doc;
  /** Updates applied from storage that could not be read (damaged records), skipped on load. */
  readonly skippedUpdates: number;
  /** Resolves once every change so far is stored. */
  flush(): Promise<void>;
  /** Flushes, stops saving and releases the document. */
  close(): Promise<void>;
}

export type RepositoryEvents = SaverEvents;

export class BoardRepository {
  readonly events = new Emitter<RepositoryEvents>();
  private db: BoardDb | undefined;
  private opening: Promise<BoardDb> | undefined;
  private readonly open_ = new Map<BoardId, { opened: OpenedBoard; saver: BoardSaver }>();
  private readonly clock: Clock;
  private readonly factory: IDBFactory;
  private readonly name: string;

  constructor(private readonly options: BoardRepositoryOptions = {}) {
    const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!factory) throw new PersistError('This browser offers no IndexedDB, so boards cannot be saved', 'NO_INDEXEDDB');
    this.factory = factory;
    this.name = options.dbName ?? DEFAULT_BOARD_DB_NAME;
    this.clock = options.clock ?? createRealClock();
  }

  /** The database connection, reopened if the browser closed it (storage cleared, eviction). */
  private connection = async (): Promise<BoardDb> => {
    if (this.db) return this.db;
    this.opening ??= openBoardDb(this.factory, this.name)
      .then((db) => {
        db.addEventListener('close', () => (this.db = undefined));
        db.addEventListener('versionchange', () => {
          db.close();
          this.db = undefined;
        });
        this.db = db;
        return db;
      })
      .catch((e: unknown) => {
        throw storageError('open the board storage', e);
      })
      .finally(() => (this.opening = undefined));
    return this.opening;
  };

  private async run<T>(action: string, fn: (db: BoardDb) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.connection());
    } catch (e) {
      throw storageError(action, e);
    }
  }

  /** Every saved board, most recently changed first. */
  async list(): Promise<BoardSummary[]> {
    const stored = await this.run('list the boards', listSummaries);
    // An open board's name is its document's, even while its latest write is still on the way.
    const all = stored.map((s) => {
      const open = this.open_.get(s.id);
      return open ? { ...s, name: open.opened.doc.getBoard().name } : s;
    });
    return all.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
  }

  async get(id: BoardId): Promise<BoardSummary | undefined> {
    return this.run('read the board list', (db) => getSummary(db, id));
  }

  /** Stores a new board (e.g. an empty one, an import or an example). Its id must be new. */
  async create(board: Board): Promise<BoardSummary> {
    const ydoc = new Y.Doc();
    writeBoardInto(ydoc, board);
    const now = this.clock.now();
    const summary: BoardSummary = { id: board.id, name: board.name, createdAt: now, updatedAt: now };
    let inserted: boolean;
    try {
      inserted = await insertBoard(await this.connection(), summary, Y.encodeStateAsUpdate(ydoc));
    } catch (e) {
      throw storageError('save the new board', e);
    } finally {
      ydoc.destroy();
    }
    if (!inserted)
      throw new PersistError(`A board with id ${board.id} is already saved; give the new board its own id`, 'BOARD_EXISTS', { context: { id: board.id } });
    return summary;
  }

  /**
   * Stores a board received as Yjs state (a shared board fetched from its room), keeping its
   * Yjs history so it merges with its other copies. A board with the same id already here
   * gets the state merged in.
   */
  async importState(state: Uint8Array): Promise<BoardSummary> {
    const ydoc = new Y.Doc();
    try {
      Y.applyUpdate(ydoc, state);
    } catch (e) {
      ydoc.destroy();
      throw new PersistError('The shared board could not be read', 'BOARD_UNREADABLE', { cause: e });
    }
    const meta = boardMetaOf(ydoc);
    ydoc.destroy();
    if (!meta) throw new PersistError('The shared state holds no board', 'BOARD_UNREADABLE');
    const id = meta.id as BoardId;
    const open = this.open_.get(id);
    if (open) {
      Y.applyUpdate(open.opened.ydoc, state, IMPORT_ORIGIN);
      await open.opened.flush();
      return (await this.get(id))!;
    }
    const existing = await this.get(id);
    if (existing) {
      await this.run('merge the shared board', (db) => appendUpdate(db, id, state, { updatedAt: this.clock.now() }));
      return (await this.get(id))!;
    }
    const now = this.clock.now();
    const summary: BoardSummary = { id, name: meta.name, createdAt: now, updatedAt: now };
    await this.run('save the shared board', (db) => insertBoard(db, summary, state));
    return summary;
  }

  /** The board stored here for a sync room, if any. */
  async boardForRoom(room: string): Promise<BoardId | undefined> {
    const value = await this.run('look up the shared board', (db) => getPref(db, ROOM_KEY_PREFIX + room));
    return typeof value === 'string' && (await this.get(value as BoardId)) ? (value as BoardId) : undefined;
  }

  async bindRoom(room: string, id: BoardId): Promise<void> {
    await this.run('remember the shared board', (db) => setPref(db, ROOM_KEY_PREFIX + room, id));
  }

  /** Loads a board's document and saves every change to it from now on. */
  async open(id: BoardId): Promise<OpenedBoard> {
    const already = this.open_.get(id);
    if (already) return already.opened;
    const summary = await this.get(id);
    if (!summary) throw new BoardNotFoundError(id);
    const updates = await this.run('load the board', (db) => readUpdates(db, id));
    const ydoc = new Y.Doc();
    let skipped = 0;
    ydoc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(ydoc, update, LOAD_ORIGIN);
        } catch {
          skipped++;
        }
      }
    }, LOAD_ORIGIN);
    const doc = openBoardDoc(ydoc);
    const saver = new BoardSaver(this.connection, id, ydoc, () => this.clock.now(), this.events, this.options.compactAfterUpdates, () => this.db);
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin !== LOAD_ORIGIN) saver.enqueue(update);
    };
    ydoc.on('update', onUpdate);
    const opened: OpenedBoard = {
      doc,
      ydoc,
      skippedUpdates: skipped,
      flush: () => saver.flush(),
      close: async () => {
        try {
          // A board deleted elsewhere has nowhere to flush to; the person was told and asked to keep a copy.
          if (!saver.deleted) await saver.flush();
        } finally {
          ydoc.off('update', onUpdate);
          this.open_.delete(id);
          doc.destroy();
          ydoc.destroy();
        }
      },
    };
    this.open_.set(id, { opened, saver });
    return opened;
  }

  /** Renames a board; an open board is renamed through its document (one undo step). */
  async rename(id: BoardId, name: string): Promise<void> {
    const open = this.open_.get(id);
    if (open) {
      open.opened.doc.rename(name);
      return open.opened.flush();
    }
    const opened = await this.open(id);
    try {
      opened.doc.rename(name);
    } finally {
      await opened.close();
    }
  }

  /** Saves a copy under a new id and returns its summary. */
  async duplicate(id: BoardId, name?: string): Promise<BoardSummary> {
    const open = this.open_.get(id);
    if (open) await open.opened.flush();
    const opened = open?.opened ?? (await this.open(id));
    try {
      const board = opened.doc.getBoard();
      return await this.create({ ...board, id: newId('board'), name: name ?? `${board.name} (copy)` });
    } finally {
      if (!open) await opened.close();
    }
  }

  /** Deletes a board for good (the caller asks the person first). */
  async delete(id: BoardId): Promise<void> {
    const open = this.open_.get(id);
    if (open) await open.opened.close().catch(() => undefined);
    await this.run('delete the board', (db) => deleteBoardRecords(db, id));
    if ((await this.getCurrentId()) === id) await this.setCurrentId(undefined);
  }

  async getCurrentId(): Promise<BoardId | undefined> {
    const value = await this.run('read the current board', (db) => getPref(db, CURRENT_BOARD_KEY));
    return typeof value === 'string' ? (value as BoardId) : undefined;
  }

  async setCurrentId(id: BoardId | undefined): Promise<void> {
    await this.run('remember the current board', (db) => setPref(db, CURRENT_BOARD_KEY, id));
  }

  /** Resolves once every open board's changes are stored (call on pagehide). */
  async flush(): Promise<void> {
    await Promise.all([...this.open_.values()].map((o) => o.saver.flush()));
  }

  /**
   * Issues the writes of every open board's unsaved changes before returning (call on pagehide,
   * where the page may run no further task and an awaited write would never go out).
   */
  flushNow(): void {
    for (const o of this.open_.values()) o.saver.flushNow();
  }

  /** Flushes and closes every open board, then the database. */
  async close(): Promise<void> {
    await Promise.all([...this.open_.values()].map((o) => o.opened.close()));
    this.db?.close();
    this.db = undefined;
  }
}

export function createBoardRepository(options: BoardRepositoryOptions = {}): BoardRepository {
  return new BoardRepository(options);
}
