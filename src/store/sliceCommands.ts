// Slices on the open board (docs/model.md, "Slices"): the board's rules and Given-When-Then
// scenarios as an Event Modeling-style document, and reading such a document back onto the
// board's stickies as one undo step. A file that is not a slices document, or that names
// stickies this board does not have, changes nothing and says what is wrong. No React.
import { applySlicePatches, exportSlices, importSlices, serializeSlices, type SlicePatch } from '../model';
import { useBoardStore } from './boardStore';

/** The open board's slices as JSON text, or null when no board is open. */
export function slicesText(): string | null {
  const board = useBoardStore.getState().board;
  return board ? serializeSlices(exportSlices(board)) : null;
}

export interface SlicesImport {
  /** Stickies whose rules or scenarios the file changed. */
  changed: number;
  /** Scenarios on those stickies after the import. */
  scenarios: number;
}

/**
 * Reads a slices document onto the open board (one undo step). Throws the model's
 * BoardParseError (SLICES_PARSE, SLICES_UNKNOWN_STICKY) when the text cannot be read onto it;
 * then nothing changes.
 */
export function importSlicesText(text: string): SlicesImport {
  const { doc, board } = useBoardStore.getState();
  if (!doc || !board) return { changed: 0, scenarios: 0 };
  const patches = importSlices(board, text);
  // Only the stickies the file changes are written, so undo takes back exactly those.
  const after = applySlicePatches(board, patches);
  const before = new Map(board.elements.map((e) => [e.id, JSON.stringify(e)]));
  const changed: SlicePatch[] = patches.filter((p) => before.get(p.id) !== JSON.stringify(after.elements.find((e) => e.id === p.id)));
  if (changed.length > 0) doc.transact(() => changed.forEach((p) => doc.updateElement(p.id, p.patch)));
  const ids = new Set(changed.map((p) => p.id));
  const scenarios = after.elements.reduce((n, e) => n + (ids.has(e.id) && 'scenarios' in e && e.scenarios ? e.scenarios.length : 0), 0);
  return { changed: ids.size, scenarios };
}
