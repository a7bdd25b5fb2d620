// Saves one open board: every Yjs update is written as soon as it happens. Updates that arrive
// while a write is in flight are merged into the next write, so a burst of changes costs a few
// transactions, not one each; a failed write keeps its data queued and is retried with the next
// change or flush, so nothing is dropped while storage is briefly unavailable.
import * as Y from 'yjs';
import type { Emitter } from '../lib/emitter';
import type { BoardId } from '../model';
import { appendUpdate, compactUpdates, type BoardDb } from './boardDb';
import { storageError, type PersistError } from './errors';

/** Merge the stored updates of a board into one record once it has more than this many. */
export const COMPACT_AFTER_UPDATES = 200;

export interface SaverEvents extends Record<string, unknown> {
  error: PersistError;
  saved: { id: BoardId; updates: number };
}

export class BoardSaver {
  private pending: Uint8Array[] = [];
  private running: Promise<void> | undefined;
  private lastError: PersistError | undefined;

  constructor(
    private readonly db: () => Promise<BoardDb>,
    private readonly id: BoardId,
    private readonly ydoc: Y.Doc,
    private readonly now: () => number,
    private readonly events: Emitter<SaverEvents>,
    private readonly compactAfter = COMPACT_AFTER_UPDATES,
  ) {}

  enqueue(update: Uint8Array): void {
    this.pending.push(update);
    this.kick();
  }

  private kick(): void {
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
      try {
        const db = await this.db();
        const name = this.ydoc.getMap('meta').get('name');
        const count = await appendUpdate(db, this.id, update, { updatedAt: this.now(), ...(typeof name === 'string' ? { name } : {}) });
        this.lastError = undefined;
        if (count > this.compactAfter) await compactUpdates(db, this.id);
        this.events.emit('saved', { id: this.id, updates: count });
      } catch (e) {
        this.pending.unshift(update);
        this.lastError = storageError('save the board', e);
        this.events.emit('error', this.lastError);
        return;
      }
    }
  }

  /** Resolves once everything changed so far is stored; rejects if it could not be. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) this.kick();
    while (this.running) await this.running;
    if (this.pending.length > 0) throw this.lastError ?? storageError('save the board', undefined);
  }

  get unsaved(): number {
    return this.pending.length;
  }
}
