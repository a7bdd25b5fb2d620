import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardDoc, openBoardDoc, ydocOf } from '../model';
import { byText, smallBoard } from '../model/testing/smallBoard';
import { useBoardStore } from './boardStore';
import { useUiStore } from './uiStore';

describe('a value replaced by an edit made at the same moment in another tab', () => {
  it('is told in an alert naming both values, and "Keep mine" writes it back', () => {
    // Fixed client ids make the merge rule pick the other tab's value, so this tab is told.
    const hereDoc = new Y.Doc();
    hereDoc.clientID = 1;
    const here = createBoardDoc(smallBoard(), { ydoc: hereDoc });
    const otherDoc = new Y.Doc();
    otherDoc.clientID = 2;
    Y.applyUpdate(otherDoc, Y.encodeStateAsUpdate(ydocOf(here)));
    const other = openBoardDoc(otherDoc);
    useBoardStore.getState().attach(here);
    const note = byText(here.getBoard(), 'Who pays shipping?');
    // Both tabs rename the sticky before hearing from each other.
    here.updateElement(note.id, { text: 'Mine' });
    other.updateElement(note.id, { text: 'Theirs' });
    const fromOther = Y.encodeStateAsUpdate(otherDoc, Y.encodeStateVector(ydocOf(here)));
    const fromHere = Y.encodeStateAsUpdate(ydocOf(here), Y.encodeStateVector(otherDoc));
    Y.applyUpdate(ydocOf(here), fromOther, 'tab');
    Y.applyUpdate(otherDoc, fromHere, 'tab');
    expect(here.getBoard().elements.find((e) => e.id === note.id)!.text).toBe('Theirs');
    const notice = useUiStore.getState().notice;
    expect(notice?.kind).toBe('error');
    expect(notice?.message).toBe('The text of "Theirs" was changed in another tab at the same moment as here: "Theirs" was kept, yours was "Mine".');
    notice!.action!.run();
    expect(here.getBoard().elements.find((e) => e.id === note.id)!.text).toBe('Mine');
    useBoardStore.getState().reset();
    useUiStore.getState().reset();
  });
});
