import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyBoard, makeElement, type BoardId } from '../model';
import type { BoardRepositoryPort } from './boardRepositoryPort';
import { useBoardStore } from './boardStore';
import { uniqueName, useBoardsStore } from './boardsStore';
import { createMemoryRepository } from './memoryRepository';
import { useUiStore } from './uiStore';

afterEach(() => {
  useBoardsStore.getState().reset();
  useBoardStore.getState().reset();
  useUiStore.getState().reset();
});

describe('boards store', () => {
  it('creates a first board on an empty repository and opens it', async () => {
    const repo = createMemoryRepository();
    await useBoardsStore.getState().start(repo);
    expect(useBoardsStore.getState().boards).toHaveLength(1);
    expect(useBoardStore.getState().board?.name).toBe('My first board');
    expect(await repo.lastOpened()).toBe(useBoardsStore.getState().currentId);
  });

  it('reopens the board last opened, and saves every change of the open board', async () => {
    const a = createEmptyBoard('A');
    const b = createEmptyBoard('B');
    const repo = createMemoryRepository([a, b]);
    await repo.setLastOpened(b.id);
    await useBoardsStore.getState().start(repo);
    expect(useBoardStore.getState().board?.id).toBe(b.id);
    useBoardStore.getState().doc!.addElements([makeElement('event', { x: 0, y: 0 }, 'Saved')]);
    expect(repo.saved.get(b.id)?.elements.map((e) => e.text)).toEqual(['Saved']);
  });

  it('creates, renames, duplicates and deletes boards, always keeping one open', async () => {
    const repo = createMemoryRepository();
    const store = useBoardsStore.getState();
    await store.start(repo);
    const first = useBoardsStore.getState().currentId!;
    const second = (await store.createBoard())!;
    expect(useBoardsStore.getState().currentId).toBe(second);
    await store.renameBoard(second, 'Workshop');
    expect(useBoardStore.getState().board?.name).toBe('Workshop');
    const copy = (await store.duplicateBoard(second))!;
    expect(useBoardsStore.getState().boards.find((b) => b.id === copy)?.name).toBe('Workshop (copy)');
    await store.deleteBoard(copy);
    expect(useBoardsStore.getState().boards.map((b) => b.id).sort()).toEqual([first, second].sort());
    expect(useBoardStore.getState().doc).not.toBeNull();
    await store.deleteBoard(first);
    await store.deleteBoard(second);
    expect(useBoardsStore.getState().boards).toHaveLength(1);
    expect(useBoardStore.getState().board?.name).toBe('Untitled board');
  });

  it('adds an imported board under a new id when its id is taken', async () => {
    const board = createEmptyBoard('Imported');
    const repo = createMemoryRepository([board]);
    await useBoardsStore.getState().start(repo);
    const id = await useBoardsStore.getState().addBoard(board);
    expect(id).not.toBe(board.id);
    // The same board added again (an example opened twice, a file imported twice) is told apart by name.
    expect(useBoardStore.getState().board?.name).toBe('Imported (2)');
    await useBoardsStore.getState().addBoard(board);
    expect(useBoardStore.getState().board?.name).toBe('Imported (3)');
  });

  it('remembers a board as the last opened before it shows, so a reload right after reopens it', async () => {
    const repo = createMemoryRepository();
    let remembered: BoardId | null = null;
    // The write is slow, as IndexedDB is on a loaded machine.
    const port: BoardRepositoryPort = {
      ...repo,
      async setLastOpened(id) {
        await new Promise((r) => setTimeout(r, 20));
        await repo.setLastOpened(id);
        remembered = id;
      },
    };
    const shown: { id: BoardId; remembered: BoardId | null }[] = [];
    const off = useBoardStore.subscribe((s, before) => {
      if (s.board && s.board.id !== before.board?.id) shown.push({ id: s.board.id, remembered });
    });
    const store = useBoardsStore.getState();
    await store.start(port);
    const first = useBoardsStore.getState().currentId!;
    const second = (await store.createBoard())!;
    await store.openBoard(first);
    const copy = (await store.keepCopy())!;
    off();
    expect(shown.map((s) => s.id)).toEqual([first, second, first, copy]);
    for (const s of shown) expect(s.remembered).toBe(s.id);
  });

  it('names new boards uniquely', () => {
    expect(uniqueName('Untitled board', ['Untitled board', 'Untitled board (2)'])).toBe('Untitled board (3)');
    expect(uniqueName('X', [])).toBe('X');
  });
});
