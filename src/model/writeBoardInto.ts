// Writes a whole board into an empty Yjs document: the layout the live document reads (root
// maps meta, settings, elements, links; one Y.Map per record with its order), outside undo.
import * as Y from 'yjs';
import type { Board } from './types';
import { BOARD_VERSION } from './types';
import { writeRecord } from './yRecords';

/** Transaction origin used when a board is first written into a document (not undoable). */
export const INIT_ORIGIN = Symbol('stormbench:init');

/** Writes a whole board into an empty Yjs document, outside undo history. */
export function writeBoardInto(ydoc: Y.Doc, board: Board): void {
  ydoc.transact(() => {
    const meta = ydoc.getMap('meta');
    meta.set('version', BOARD_VERSION);
    meta.set('id', board.id);
    meta.set('name', board.name);
    const settings = ydoc.getMap('settings');
    for (const [k, v] of Object.entries(board.settings)) settings.set(k, v);
    const elements = ydoc.getMap<Y.Map<unknown>>('elements');
    board.elements.forEach((el, i) => {
      const ymap = new Y.Map<unknown>();
      elements.set(el.id, ymap);
      writeRecord(ymap, el, i);
    });
    const links = ydoc.getMap<Y.Map<unknown>>('links');
    board.links.forEach((l, i) => {
      const ymap = new Y.Map<unknown>();
      links.set(l.id, ymap);
      writeRecord(ymap, l, i);
    });
  }, INIT_ORIGIN);
}
