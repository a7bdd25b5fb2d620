// Saves one open board: every Yjs update is written as soon as it happens. Updates that arrive
// while a write is in flight are merged into the next write, so a burst of changes costs a few
// transactions, not one each; a failed write keeps its data queued and is retried with the next
// change or flush, so nothing is dropped while storage is briefly unavailable. A board deleted
// meanwhile (in another tab) stops the writes, keeps every change and says so ('deleted').
import * as Y from 'yjs';
import type { Emitter } from '../lib/emitter';
import type { BoardId } from '../model';
import { appendUpdate, appendUpdateNow, compactUpdates, type BoardDb } from './boardDb';
import { BoardDeletedError, storageError, type PersistError } from './errors';

/** Merge the stored updates of a board into one record once it has more than this many. */
export const COMPACT_AFTER_UPDATES = 200;

export interface SaverEvents extends Record<string, unknown> {
  error: PersistError;
  saved: { id: BoardId; updates: number };
  /** The board is no longer stored (deleted in another tab); its changes here are kept, unsaved. */
  deleted: { id: BoardId; unsaved: number };
}

export class BoardSaver {
  private pending: Uint8Array[] = [];
  /** The update of the write in flight, until it is stored. */
  private writing: Uint8Array | undefined;
  private running: Promise<void> | undefined;
  private lastError: PersistError | undefined;
  private gone = false;

  constructor(
    private readonly db: () => Promise<BoardDb>,
    private readonly id: BoardId,
    private readonly ydoc: Y.Doc,
    private readonly now: () => number,
    private readonly events: Emitter<SaverEvents>,
    private readonly compactAfter = COMPACT_AFTER_UPDATES,
    /** The connection if it is open now (for flushNow, which cannot wait for one). */
    private readonly openDb: () => BoardDb | undefined = () => undefined,
  ) {}

  enqueue(update: Uint8Array): void {
    this.pending.push(update);
    // Started from a timer, not at once: a change made in a pagehide handler must not open a
    // transaction (which waits on a read the closing page never gets) before flushNow's, which
    // would then queue behind it and never run.
    if (!this.gone) this.soon ??= setTimeout(() => this.kick(), 0);
  }

  private soon: ReturnType<typeof setTimeout> | undefined;

  private kick(): void {
    if (this.soon !== undefined) clearTimeout(this.soon);
    this.soon = undefined;
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.gone) {
      const batch = this.pending.splice(0);
      const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
      this.writing = update;
      try {
        const db = await this.db();
        const name = this.ydoc.getMap('meta').get('name');
        const count = await appendUpdate(db, this.id, update, { updatedAt: this.now(), ...(typeof name === 'string' ? { name } : {}) });
        this.writing = undefined;
        if (count === 'deleted') {
          this.pending.unshift(update);
          this.gone = true;
          this.events.emit('deleted', { id: this.id, unsaved: this.pending.length });
          return;
        }
        this.lastError = undefined;
        if (count > this.compactAfter) await compactUpdates(db, this.id);
        this.events.emit('saved', { id: this.id, updates: count });
      } catch (e) {
        this.writing = undefined;
        this.pending.unshift(update);
        this.lastError = storageError('save the board', e);
        this.events.emit('error', this.lastError);
        return;
      }
    }
  }

  /** Resolves once everything changed so far is stored; rejects if it could not be. */
  async flush(): Promise<void> {
    if (this.pending.length > 0 && !this.gone) this.kick();
    while (this.running) await this.running;
    if (this.gone) throw new BoardDeletedError(this.id);
    if (this.pending.length > 0) throw this.lastError ?? storageError('save the board', undefined);
  }

  /**
   * Writes everything not yet stored with its requests issued before returning (for pagehide,
   * after which the page may run nothing more). A write already in flight is written again:
   * applying a Yjs update twice changes nothing.
   */
  flushNow(): void {
    const db = this.openDb();
    const parts = [...(this.writing ? [this.writing] : []), ...this.pending];
    if (!db || parts.length === 0 || this.gone) {
      if (parts.length > 0 && !this.gone) this.kick();
      return;
    }
    const update = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
    const queued = this.pending.splice(0);
    if (this.soon !== undefined) clearTimeout(this.soon);
    this.soon = undefined;
    let issued: Promise<void>;
    try {
      issued = appendUpdateNow(db, this.id, update);
    } catch (e) {
      // The connection is closing: keep the updates for the normal path.
      this.pending.unshift(...queued);
      this.lastError = storageError('save the board', e);
      return;
    }
    issued.catch((e: unknown) => {
      this.pending.unshift(...queued);
      this.lastError = storageError('save the board', e);
      this.events.emit('error', this.lastError);
    });
  }

  get unsaved(): number {
    return this.pending.length;
  }

  /** True once the board turned out to be deleted (another tab); nothing more is written. */
  get deleted(): boolean {
    return this.gone;
  }
}
