// Storage that fails or changes under an open board: a full disk, the board deleted in another
// tab, and a page closing right after a change. Nothing is dropped without a word, and no
// failed transaction surfaces as an unhandled rejection.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../lib/clock';
import { smallBoard } from '../model/testing/smallBoard';
import { byText } from '../model/testing/smallBoard';
import { createBoardRepository } from './boardRepository';
import type { PersistError } from './errors';

type Op = { operation: (() => unknown) & { name: string } };
// fake-indexeddb/auto installs its transaction class as the global IDBTransaction.
const proto = globalThis.IDBTransaction.prototype as unknown as { _execRequestAsync(obj: Op): unknown };
const original = proto._execRequestAsync;

/** Makes every record write fail the way a full disk does (the request errs, the transaction aborts). */
function fillDisk(full: boolean): void {
  proto._execRequestAsync = function (this: unknown, obj: Op) {
    if (full && obj.operation?.name === 'bound storeRecord')
      obj = {
        ...obj,
        operation: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      };
    return original.call(this, obj);
  };
}

afterEach(() => {
  proto._execRequestAsync = original;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function setup() {
  const indexedDB = new IDBFactory();
  const make = () => createBoardRepository({ indexedDB, clock: createVirtualClock(1_000) });
  return { make, repo: make() };
}

describe('a full disk', () => {
  it('reports typed errors with no unhandled rejection, keeps the changes, and saves them once there is room', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { repo, make } = setup();
      const board = smallBoard();
      await repo.create(board);
      const opened = await repo.open(board.id);
      const errors: PersistError[] = [];
      const saved: number[] = [];
      repo.events.on('error', (e) => errors.push(e));
      repo.events.on('saved', (s) => saved.push(s.updates));

      fillDisk(true);
      const note = byText(opened.doc.getBoard(), 'Who pays shipping?');
      for (const text of ['One', 'Two', 'Three']) {
        opened.doc.updateElement(note.id, { text });
        await settle();
      }
      await expect(opened.flush()).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
      await expect(repo.create({ ...smallBoard(), id: 'board:other' })).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
      await expect(repo.rename(board.id, 'Renamed')).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
      await settle();
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.code === 'QUOTA_EXCEEDED')).toBe(true);
      expect(saved).toEqual([]);

      fillDisk(false);
      opened.doc.updateElement(note.id, { text: 'Four' });
      await opened.flush();
      expect(saved.length).toBeGreaterThan(0);
      await repo.close();
      const again = await make().open(board.id);
      expect(byText(again.doc.getBoard(), 'Four').id).toBe(note.id);
      expect(again.doc.getBoard().name).toBe('Renamed');
      await settle();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('a board deleted in another tab', () => {
  it('stops saving, says so once, keeps every change, and a copy keeps them all', async () => {
    const { repo, make } = setup();
    const board = smallBoard();
    await repo.create(board);
    const opened = await repo.open(board.id);
    const deleted: number[] = [];
    repo.events.on('deleted', (d) => deleted.push(d.unsaved));

    await make().delete(board.id);
    const note = byText(opened.doc.getBoard(), 'Who pays shipping?');
    for (const text of ['Kept 1', 'Kept 2', 'Kept 3']) {
      opened.doc.updateElement(note.id, { text });
      await settle();
    }
    await expect(opened.flush()).rejects.toMatchObject({ code: 'BOARD_DELETED' });
    expect(deleted).toHaveLength(1);
    expect(await make().get(board.id)).toBeUndefined();

    const copy = { ...opened.doc.getBoard(), id: 'board:copy' as const };
    await repo.create(copy);
    await opened.close();
    const reopened = await make().open(copy.id);
    expect(byText(reopened.doc.getBoard(), 'Kept 3').id).toBe(note.id);
  });
});

describe('flushNow', () => {
  it('issues the write before returning, so a connection closed right after (a closing page) still stores it', async () => {
    const { repo, make } = setup();
    const board = smallBoard();
    await repo.create(board);
    const opened = await repo.open(board.id);
    await opened.flush();
    opened.doc.rename('Renamed as the page closed');
    repo.flushNow();
    // What a closing page allows: nothing after this task. Closing the connection now refuses
    // any transaction started later, as the page's end does.
    (repo as unknown as { db: IDBDatabase }).db.close();
    await settle();
    const again = await make().open(board.id);
    expect(again.doc.getBoard().name).toBe('Renamed as the page closed');
  });
});
