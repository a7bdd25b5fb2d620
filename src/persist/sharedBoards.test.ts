// Shared boards in local storage: a board received as Yjs state is stored with its Yjs
// identity (so it merges with its other copies instead of duplicating), merges into a board
// already here, and is found again by its room.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createVirtualClock } from '../lib/clock';
import { createBoardDoc, makeElement, ydocOf } from '../model';
import { smallBoard } from '../model/testing/smallBoard';
import { createBoardRepository } from './boardRepository';

describe('shared boards in the repository', () => {
  it('stores a received board with its Yjs history, so later updates from its room merge without copies', async () => {
    const repo = createBoardRepository({ indexedDB: new IDBFactory(), clock: createVirtualClock(0) });
    const remote = createBoardDoc(smallBoard());
    const summary = await repo.importState(Y.encodeStateAsUpdate(ydocOf(remote)));
    expect(summary.id).toBe(remote.id);
    const opened = await repo.open(summary.id);
    remote.addElements([makeElement('event', { x: 1, y: 1 }, 'Added elsewhere')]);
    Y.applyUpdate(opened.ydoc, Y.encodeStateAsUpdate(ydocOf(remote), Y.encodeStateVector(opened.ydoc)));
    expect(opened.doc.getBoard()).toEqual(remote.getBoard());
    expect(opened.doc.getBoard().elements).toHaveLength(smallBoard().elements.length + 1);
    await repo.close();
  });

  it('merges a received state into the same board already here, open or not', async () => {
    const repo = createBoardRepository({ indexedDB: new IDBFactory(), clock: createVirtualClock(0) });
    const remote = createBoardDoc(smallBoard());
    await repo.importState(Y.encodeStateAsUpdate(ydocOf(remote)));
    remote.addElements([makeElement('command', { x: 5, y: 5 }, 'Later')]);
    await repo.importState(Y.encodeStateAsUpdate(ydocOf(remote)));
    const opened = await repo.open(remote.id);
    expect(opened.doc.getBoard()).toEqual(remote.getBoard());
    remote.addElements([makeElement('policy', { x: 9, y: 9 }, 'While open')]);
    await repo.importState(Y.encodeStateAsUpdate(ydocOf(remote)));
    expect(opened.doc.getBoard()).toEqual(remote.getBoard());
    expect((await repo.list()).length).toBe(1);
    await repo.close();
  });

  it('remembers which board a room holds, and forgets it with the board', async () => {
    const repo = createBoardRepository({ indexedDB: new IDBFactory(), clock: createVirtualClock(0) });
    const board = smallBoard();
    await repo.create(board);
    expect(await repo.boardForRoom('room-aaaaaaaaaaaaaaaaaaaaaa')).toBeUndefined();
    await repo.bindRoom('room-aaaaaaaaaaaaaaaaaaaaaa', board.id);
    expect(await repo.boardForRoom('room-aaaaaaaaaaaaaaaaaaaaaa')).toBe(board.id);
    await repo.delete(board.id);
    expect(await repo.boardForRoom('room-aaaaaaaaaaaaaaaaaaaaaa')).toBeUndefined();
    await repo.close();
  });

  it('refuses state that holds no board', async () => {
    const repo = createBoardRepository({ indexedDB: new IDBFactory(), clock: createVirtualClock(0) });
    await expect(repo.importState(Y.encodeStateAsUpdate(new Y.Doc()))).rejects.toThrow('holds no board');
    await expect(repo.importState(new Uint8Array([1, 2, 3]))).rejects.toThrow('could not be read');
    await repo.close();
  });
});
