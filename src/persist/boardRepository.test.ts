// The globals (IDBRequest, …) that idb checks against; each test still gets its own factory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../lib/clock';
import { Emitter } from '../lib/emitter';
import { createEmptyBoard, makeElement, parseBoard, serializeBoard, type Board, type BoardId, type LinkId } from '../model';
import { smallBoard } from '../model/testing/smallBoard';
import { openBoardDb, readUpdates } from './boardDb';
import { createBoardRepository } from './boardRepository';
import { BoardSaver, type SaverEvents } from './boardSaver';
import { BoardNotFoundError, PersistError } from './errors';

function setup(options: { compactAfterUpdates?: number } = {}) {
  const indexedDB = new IDBFactory();
  const clock = createVirtualClock(1_000);
  const make = () => createBoardRepository({ indexedDB, clock, ...options });
  return { indexedDB, clock, make, repo: make() };
}

describe('BoardRepository', () => {
  it('creates, lists most recently changed first, and opens the same board', async () => {
    const { repo, clock } = setup();
    const a = createEmptyBoard('Alpha');
    const b = smallBoard();
    await repo.create(a);
    clock.advance(10);
    await repo.create(b);
    expect((await repo.list()).map((s) => [s.name, s.createdAt])).toEqual([
      ['Small', 1010],
      ['Alpha', 1000],
    ]);
    const opened = await repo.open(b.id);
    expect(opened.doc.getBoard()).toEqual(b);
    expect(opened.skippedUpdates).toBe(0);
    await repo.close();
  });

  it('saves every change at once: a new repository on the same storage reads the same document', async () => {
    const { repo, make, clock } = setup();
    const board = smallBoard();
    await repo.create(board);
    const opened = await repo.open(board.id);
    opened.doc.addElements([makeElement('hotspot', { x: 5, y: 5 }, 'Saved?')]);
    opened.doc.updateLink('link:3' as LinkId, { weight: 4 });
    opened.doc.rename('Renamed in place');
    clock.advance(500);
    opened.doc.moveElements([{ id: board.elements[5]!.id, x: 1, y: 2 }]);
    await opened.flush();
    // Simulates a reload: the first repository is never closed.
    const again = make();
    const reopened = await again.open(board.id);
    expect(serializeBoard(reopened.doc.getBoard())).toBe(serializeBoard(opened.doc.getBoard()));
    const [summary] = await again.list();
    expect(summary).toMatchObject({ name: 'Renamed in place', updatedAt: 1500 });
    await again.close();
    await repo.close();
  });

  it('flushes on close and keeps undo working across saved changes', async () => {
    const { repo, make } = setup();
    const board = smallBoard();
    await repo.create(board);
    const opened = await repo.open(board.id);
    opened.doc.rename('One');
    opened.doc.rename('Two');
    opened.doc.undo();
    await repo.close();
    const reopened = await make().open(board.id);
    expect(reopened.doc.getBoard().name).toBe('One');
    // Loaded content is history, not an undoable step.
    expect(reopened.doc.canUndo()).toBe(false);
  });

  it('renames, duplicates and deletes boards, open or not', async () => {
    const { repo } = setup();
    const board = smallBoard();
    await repo.create(board);
    await repo.rename(board.id, 'Closed rename');
    expect((await repo.get(board.id))!.name).toBe('Closed rename');
    const opened = await repo.open(board.id);
    await repo.rename(board.id, 'Open rename');
    expect(opened.doc.getBoard().name).toBe('Open rename');
    opened.doc.undo();
    expect(opened.doc.getBoard().name).toBe('Closed rename');
    const copy = await repo.duplicate(board.id);
    expect(copy.name).toBe('Closed rename (copy)');
    expect(copy.id).not.toBe(board.id);
    const copyDoc = (await repo.open(copy.id)).doc.getBoard();
    expect({ ...copyDoc, id: board.id, name: 'x' }).toEqual({ ...opened.doc.getBoard(), name: 'x' });
    await repo.delete(board.id);
    expect((await repo.list()).map((s) => s.id)).toEqual([copy.id]);
    await expect(repo.open(board.id)).rejects.toBeInstanceOf(BoardNotFoundError);
    await repo.close();
  });

  it('writes a change without being asked to flush', async () => {
    const { repo, make } = setup();
    const board = smallBoard();
    await repo.create(board);
    const opened = await repo.open(board.id);
    const saved = new Promise((resolve) => repo.events.on('saved', resolve));
    opened.doc.rename('No flush needed');
    await saved;
    expect((await make().open(board.id)).doc.getBoard().name).toBe('No flush needed');
    await repo.close();
  });

  it('skips a damaged stored update instead of failing to open the board', async () => {
    const { repo, make, indexedDB } = setup();
    const board = smallBoard();
    await repo.create(board);
    const db = await openBoardDb(indexedDB, 'stormbench-boards');
    await db.add('updates', { boardId: board.id, update: new Uint8Array([255, 255, 255, 1, 2]) });
    db.close();
    const opened = await make().open(board.id);
    expect(opened.skippedUpdates).toBe(1);
    expect(opened.doc.getBoard()).toEqual(board);
    await repo.close();
  });

  it('refuses to create a board whose id is already saved', async () => {
    const { repo } = setup();
    const board = smallBoard();
    await repo.create(board);
    await expect(repo.create(board)).rejects.toMatchObject({ code: 'BOARD_EXISTS' });
    await repo.close();
  });

  it('remembers the current board across instances and forgets it when it is deleted', async () => {
    const { repo, make } = setup();
    const board = smallBoard();
    await repo.create(board);
    expect(await repo.getCurrentId()).toBeUndefined();
    await repo.setCurrentId(board.id);
    expect(await make().getCurrentId()).toBe(board.id);
    await repo.delete(board.id);
    expect(await make().getCurrentId()).toBeUndefined();
    await repo.close();
  });

  it('compacts a long update log into one record and still reloads the same board', async () => {
    const { repo, make, indexedDB } = setup({ compactAfterUpdates: 5 });
    const board = smallBoard();
    await repo.create(board);
    const opened = await repo.open(board.id);
    for (let i = 0; i < 23; i++) {
      opened.doc.moveElements([{ id: board.elements[5]!.id, x: i, y: i }]);
      await opened.flush();
    }
    const db = await openBoardDb(indexedDB, 'stormbench-boards');
    const stored = await readUpdates(db, board.id);
    db.close();
    expect(stored.length).toBeLessThanOrEqual(6);
    const reopened = await make().open(board.id);
    expect(reopened.doc.getBoard()).toEqual(opened.doc.getBoard());
    await repo.close();
  });

  it('stores a board the way parseBoard reads it back (an imported example)', async () => {
    const { repo, make } = setup();
    const imported: Board = parseBoard(serializeBoard(smallBoard()));
    await repo.create(imported);
    await repo.close();
    const reopened = await make().open(imported.id);
    expect(reopened.doc.getBoard()).toEqual(imported);
  });
});

describe('BoardSaver', () => {
  it('keeps a failed write queued, reports it, and stores it with the next attempt', async () => {
    const { repo, indexedDB } = setup();
    const board = smallBoard();
    await repo.create(board);
    const opened = await repo.open(board.id);
    const real = await openBoardDb(indexedDB, 'stormbench-boards');
    let fail = true;
    const events = new Emitter<SaverEvents>();
    const errors: PersistError[] = [];
    events.on('error', (e) => errors.push(e));
    const saver = new BoardSaver(
      async () => {
        if (fail) throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
        return real;
      },
      board.id,
      opened.ydoc,
      () => 0,
      events,
    );
    const updates: Uint8Array[] = [];
    opened.ydoc.on('update', (u: Uint8Array) => updates.push(u));
    opened.doc.rename('Kept while failing');
    saver.enqueue(updates[0]!);
    await expect(saver.flush()).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', retriable: false });
    expect(errors[0]!.message).toMatch(/no room left/);
    expect(saver.unsaved).toBe(1);
    fail = false;
    await saver.flush();
    expect(saver.unsaved).toBe(0);
    expect((await repo.get(board.id as BoardId))!.name).toBe('Kept while failing');
    real.close();
    await repo.close();
  });
});
