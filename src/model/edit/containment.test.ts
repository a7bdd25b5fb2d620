import { describe, expect, it } from 'vitest';
import { createBoardDoc } from '../boardDoc';
import { makeElement } from '../elements';
import { byText, smallBoard } from '../testing/smallBoard';
import type { Board } from '../types';
import { contextAt, descendantsOf, dropMoves, parentsFirst, toAbsolute, toRelative } from './containment';

function nested(): Board {
  const board = smallBoard();
  const outer = byText(board, 'Orders');
  Object.assign(outer, { x: 100, y: 100, width: 1000, height: 800 });
  const inner = makeElement('boundedContext', { x: 500, y: 300 }, 'Billing', { parentId: outer.id });
  Object.assign(inner, { width: 300, height: 300 });
  const member = makeElement('event', { x: 10, y: 20 }, 'Invoice sent', { parentId: inner.id });
  board.elements.push(member, inner);
  return board;
}

describe('contextAt', () => {
  it('finds the innermost context under a point and none outside every frame', () => {
    const board = nested();
    expect(contextAt(board, { x: 150, y: 150 })?.text).toBe('Orders');
    expect(contextAt(board, { x: 700, y: 500 })?.text).toBe('Billing');
    expect(contextAt(board, { x: 5000, y: 5000 })).toBeUndefined();
  });

  it('never offers a context as a drop target for itself or what it contains', () => {
    const board = nested();
    const outer = byText(board, 'Orders');
    expect(contextAt(board, { x: 700, y: 500 }, [outer.id])).toBeUndefined();
    expect(descendantsOf(board, [outer.id]).has(byText(board, 'Invoice sent').id)).toBe(true);
  });
});

describe('absolute and relative positions', () => {
  it('adds the offsets of every enclosing context', () => {
    const board = nested();
    expect(toAbsolute(board, byText(board, 'Invoice sent').id)).toEqual({ x: 610, y: 420 });
    expect(toRelative(board, { x: 610, y: 420 }, byText(board, 'Billing').id)).toEqual({ x: 10, y: 20 });
    expect(toRelative(board, { x: 1, y: 2 }, undefined)).toEqual({ x: 1, y: 2 });
  });
});

describe('dropMoves', () => {
  it('moves a sticky into the context under its centre, converting to relative coordinates', () => {
    const board = nested();
    const note = byText(board, 'Who pays shipping?');
    const [move] = dropMoves(board, [{ id: note.id, x: 620, y: 420 }]);
    expect(move).toEqual({ id: note.id, x: 20, y: 20, parentId: byText(board, 'Billing').id });
  });

  it('moves a member out to the board with absolute coordinates', () => {
    const board = nested();
    const evt = byText(board, 'Invoice sent');
    const [move] = dropMoves(board, [{ id: evt.id, x: 3000, y: 40 }]);
    expect(move).toEqual({ id: evt.id, x: 3000, y: 40, parentId: null });
  });

  it('leaves members alone when their context is dragged with them, and keeps the sticky in place on screen when applied', () => {
    const board = nested();
    const inner = byText(board, 'Billing');
    const evt = byText(board, 'Invoice sent');
    const moves = dropMoves(board, [
      { id: inner.id, x: 200, y: 200 },
      { id: evt.id, x: 210, y: 220 },
    ]);
    expect(moves.map((m) => m.id)).toEqual([inner.id]);
    expect(moves[0]!.parentId).toBe(byText(board, 'Orders').id);
    const doc = createBoardDoc(board);
    const note = byText(board, 'Who pays shipping?');
    doc.moveElements(dropMoves(board, [{ id: note.id, x: 620, y: 420 }]));
    expect(toAbsolute(doc.getBoard(), note.id)).toEqual({ x: 620, y: 420 });
  });
});

describe('parentsFirst', () => {
  it('puts contexts before their members and keeps the rest in order', () => {
    const board = nested();
    const ordered = parentsFirst(board.elements);
    const pos = new Map(ordered.map((e, i) => [e.id, i]));
    for (const el of ordered) if (el.parentId) expect(pos.get(el.parentId)!).toBeLessThan(pos.get(el.id)!);
    expect(ordered[0]!.text).toBe('Orders');
    expect(ordered).toHaveLength(board.elements.length);
  });
});
