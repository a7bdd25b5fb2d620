import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardDoc, openBoardDoc, ydocOf } from './boardDoc';
import { makeElement } from './elements';
import { parseBoard } from './parseBoard';
import { repairBoard } from './repairBoard';
import { serializeBoard } from './serializeBoard';
import { byText, smallBoard } from './testing/smallBoard';
import type { BoardDoc } from './boardDocApi';

/** Two peers that start from the same document and exchange updates on demand. */
function twoPeers() {
  const a = createBoardDoc(smallBoard());
  const bDoc = new Y.Doc();
  Y.applyUpdate(bDoc, Y.encodeStateAsUpdate(ydocOf(a)));
  const b = openBoardDoc(bDoc);
  const sync = () => {
    const fromA = Y.encodeStateAsUpdate(ydocOf(a), Y.encodeStateVector(bDoc));
    const fromB = Y.encodeStateAsUpdate(bDoc, Y.encodeStateVector(ydocOf(a)));
    Y.applyUpdate(bDoc, fromA);
    Y.applyUpdate(ydocOf(a), fromB);
  };
  return { a, b, sync };
}

const valid = (doc: BoardDoc) => expect(parseBoard(serializeBoard(doc.getBoard()))).toEqual(doc.getBoard());

describe('repairBoard', () => {
  it('returns the very same arrays when nothing is wrong', () => {
    const board = smallBoard();
    const out = repairBoard(board.elements, board.links);
    expect(out.elements).toBe(board.elements);
    expect(out.links).toBe(board.links);
    expect(out.repairs).toEqual([]);
  });
});

describe('merged concurrent edits', () => {
  it('a sticky moved into a context another peer deleted ends up on the board', () => {
    const { a, b, sync } = twoPeers();
    const board = a.getBoard();
    const ctx = byText(board, 'Orders');
    const note = byText(board, 'Who pays shipping?');
    a.moveElements([{ id: note.id, x: 10, y: 10, parentId: ctx.id }]);
    b.removeElements([ctx.id]);
    sync();
    for (const doc of [a, b]) {
      expect(byText(doc.getBoard(), 'Who pays shipping?').parentId).toBeUndefined();
      valid(doc);
    }
    expect(serializeBoard(a.getBoard())).toBe(serializeBoard(b.getBoard()));
  });

  it('a link to a sticky another peer deleted is not shown', () => {
    const { a, b, sync } = twoPeers();
    const board = a.getBoard();
    const evt = byText(board, 'Order placed');
    const policy = makeElement('policy', { x: 700, y: 40 }, 'Whenever an order is placed, reserve stock');
    a.addElements([policy]);
    sync();
    a.addLink({ id: 'link:new', source: evt.id, target: policy.id });
    b.removeElements([policy.id]);
    sync();
    for (const doc of [a, b]) {
      expect(doc.getBoard().links.map((l) => l.id)).toEqual(['link:1', 'link:2', 'link:3']);
      valid(doc);
    }
  });

  it('two contexts put inside each other at once do not form a cycle', () => {
    const { a, b, sync } = twoPeers();
    const outer = byText(a.getBoard(), 'Orders');
    const other = makeElement('boundedContext', { x: 2000, y: 0 }, 'Billing');
    a.addElements([other]);
    sync();
    a.moveElements([{ id: other.id, x: 5, y: 5, parentId: outer.id }]);
    b.moveElements([{ id: outer.id, x: 5, y: 5, parentId: other.id }]);
    sync();
    for (const doc of [a, b]) valid(doc);
    expect(serializeBoard(a.getBoard())).toBe(serializeBoard(b.getBoard()));
  });

  it('keeps sharing identity for untouched stickies while a repair is in place', () => {
    const { a, b, sync } = twoPeers();
    const board = a.getBoard();
    const ctx = byText(board, 'Orders');
    const note = byText(board, 'Who pays shipping?');
    a.moveElements([{ id: note.id, x: 10, y: 10, parentId: ctx.id }]);
    b.removeElements([ctx.id]);
    sync();
    const before = a.getBoard();
    const loose = byText(before, 'Customer');
    a.updateElement(loose.id, { text: 'Client' });
    const after = a.getBoard();
    expect(byText(after, 'Order')).toBe(byText(before, 'Order'));
    expect(byText(after, 'Client').text).toBe('Client');
    valid(a);
  });
});
