import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardDoc, openBoardDoc, ydocOf } from './boardDoc';
import type { BoardChange, BoardDoc } from './boardDocApi';
import { byText, smallBoard } from './testing/smallBoard';

/** Two tabs of one board that exchange updates on demand. */
function twoTabs() {
  const a = createBoardDoc(smallBoard());
  const bDoc = new Y.Doc();
  Y.applyUpdate(bDoc, Y.encodeStateAsUpdate(ydocOf(a)));
  const b = openBoardDoc(bDoc);
  const sync = () => {
    const toB = Y.encodeStateAsUpdate(ydocOf(a), Y.encodeStateVector(bDoc));
    const toA = Y.encodeStateAsUpdate(bDoc, Y.encodeStateVector(ydocOf(a)));
    Y.applyUpdate(bDoc, toB, 'tab');
    Y.applyUpdate(ydocOf(a), toA, 'tab');
  };
  const told = (doc: BoardDoc) => {
    const list: NonNullable<BoardChange['overwritten']>[number][] = [];
    doc.subscribe((_board, change) => list.push(...(change.overwritten ?? [])));
    return list;
  };
  return { a, b, sync, toldA: told(a), toldB: told(b) };
}

describe('concurrent overwrites', () => {
  it('the tab whose value of a field was replaced by an edit made at the same moment is told which value went', () => {
    const { a, b, sync, toldA, toldB } = twoTabs();
    const note = byText(a.getBoard(), 'Who pays shipping?');
    a.updateElement(note.id, { text: 'Typed in tab A' });
    b.updateElement(note.id, { text: 'Typed in tab B' });
    sync();
    const kept = a.getBoard().elements.find((e) => e.id === note.id)!.text;
    expect(b.getBoard().elements.find((e) => e.id === note.id)!.text).toBe(kept);
    const [loser, winner] = kept === 'Typed in tab A' ? [toldB, toldA] : [toldA, toldB];
    expect(winner).toEqual([]);
    expect(loser).toEqual([{ id: note.id, field: 'text', lost: kept === 'Typed in tab A' ? 'Typed in tab B' : 'Typed in tab A', kept }]);
  });

  it('says nothing for an edit made after seeing ours, for other fields, or for moves', () => {
    const { a, b, sync, toldA, toldB } = twoTabs();
    const note = byText(a.getBoard(), 'Who pays shipping?');
    a.updateElement(note.id, { text: 'First' });
    sync();
    b.updateElement(note.id, { text: 'Second, having seen the first' });
    a.updateElement(note.id, { description: 'Another field' });
    a.moveElements([{ id: note.id, x: 1, y: 1 }]);
    b.moveElements([{ id: note.id, x: 2, y: 2 }]);
    sync();
    expect(toldA).toEqual([]);
    expect(toldB).toEqual([]);
    expect(byText(a.getBoard(), 'Second, having seen the first').description).toBe('Another field');
  });
});
