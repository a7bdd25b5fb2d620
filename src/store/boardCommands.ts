// Board operations shared by the canvas and the app's actions (named like "board/addSticky"
// in spirit): each reads the open document from the board store, calls the document's named
// operations (each one undo step) and updates selection/editing in the UI store. No React.
import type { BoardElement, ElementId, ElementKind, ElementMove, LinkId } from '../model';
import { makeElement } from '../model/elements';
import { checkLink } from '../model/grammar';
import { newId } from '../lib/ids';
import { useBoardStore } from './boardStore';
import { useUiStore } from './uiStore';

function state() {
  const { doc, board, elementsById } = useBoardStore.getState();
  return { doc, board, elementsById };
}

/** Adds a sticky at a board position, selects it and opens its text editor. */
export function addSticky(kind: ElementKind, position: { x: number; y: number }): ElementId | null {
  const { doc } = state();
  if (!doc) return null;
  const element = makeElement(kind, { x: Math.round(position.x), y: Math.round(position.y) });
  doc.addElements([element]);
  const ui = useUiStore.getState();
  ui.setSelection([element.id], []);
  ui.startEditing(element.id);
  return element.id;
}

/** Whether a connection from source to target would be kept (grammar, or free-form allowed). */
export function canConnect(source: ElementId, target: ElementId): boolean {
  const { board, elementsById } = state();
  if (!board || source === target) return false;
  const a = elementsById.get(source);
  const b = elementsById.get(target);
  if (!a || !b) return false;
  if (board.links.some((l) => l.source === source && l.target === target)) return false;
  return checkLink(a.kind, b.kind).allowed || board.settings.allowFreeFormLinks;
}

/** Connects two stickies; a refused connection leaves the board as it was and says why. */
export function connect(source: ElementId, target: ElementId): LinkId | null {
  const { doc, elementsById } = state();
  const a = elementsById.get(source);
  const b = elementsById.get(target);
  if (!doc || !a || !b) return null;
  if (!canConnect(source, target)) {
    useUiStore.getState().notify({ kind: 'info', message: `Connection refused. ${checkLink(a.kind, b.kind).hint}` });
    return null;
  }
  try {
    return doc.addLink({ id: newId('link'), source, target }).id;
  } catch (error) {
    useUiStore.getState().notify({ kind: 'info', message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/** Deletes the selected stickies and connections (one undo step). */
export function deleteSelection(): void {
  const { doc } = state();
  const ui = useUiStore.getState();
  if (!doc) return;
  const elements = [...ui.selectedElementIds];
  const links = [...ui.selectedLinkIds];
  if (elements.length === 0 && links.length === 0) return;
  doc.transact(() => {
    if (links.length > 0) doc.removeLinks(links.filter((id) => doc.getBoard().links.some((l) => l.id === id)));
    if (elements.length > 0) doc.removeElements(elements);
  });
  ui.setSelection([], []);
}

export function selectAll(): void {
  const { board } = state();
  if (!board) return;
  useUiStore.getState().setSelection(
    board.elements.map((e) => e.id),
    board.links.map((l) => l.id),
  );
}

export function undo(): void {
  const { doc } = state();
  useUiStore.getState().stopEditing();
  if (doc?.canUndo()) doc.undo();
}

export function redo(): void {
  const { doc } = state();
  useUiStore.getState().stopEditing();
  if (doc?.canRedo()) doc.redo();
}

export function toggleFreeFormLinks(): void {
  const { doc, board } = state();
  if (doc && board) doc.updateSettings({ allowFreeFormLinks: !board.settings.allowFreeFormLinks });
}

export function toggleSnapToGrid(): void {
  const { doc, board } = state();
  if (doc && board) doc.updateSettings({ snapToGrid: !board.settings.snapToGrid });
}

/** Elements currently selected, in document order. */
export function selectedElements(): BoardElement[] {
  const { board } = state();
  const ids = new Set(useUiStore.getState().selectedElementIds);
  return board ? board.elements.filter((e) => ids.has(e.id)) : [];
}

export type { ElementMove };

/** A dragged element: its absolute board position and its size, when the drag ended. */
export interface DraggedElement {
  id: ElementId;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Writes the end of a drag as one document operation (one undo step). */
export function commitDrag(dragged: readonly DraggedElement[]): void {
  const { doc, elementsById } = state();
  if (!doc || dragged.length === 0) return;
  const moves: ElementMove[] = [];
  for (const d of dragged) {
    const element = elementsById.get(d.id);
    if (!element) continue;
    const parent = element.parentId ? elementsById.get(element.parentId) : undefined;
    const x = Math.round(parent ? d.x - parent.x : d.x);
    const y = Math.round(parent ? d.y - parent.y : d.y);
    if (x !== element.x || y !== element.y) moves.push({ id: d.id, x, y });
  }
  if (moves.length > 0) doc.moveElements(moves);
}

export function copySelection(): boolean {
  return false;
}
export function pasteClipboard(): boolean {
  return false;
}
export function duplicateSelection(): boolean {
  return false;
}
export function layoutSelectionAsTimeline(): boolean {
  return false;
}
