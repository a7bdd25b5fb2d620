// Board operations shared by the canvas and the app's actions (named like "board/addSticky"
// in spirit): each reads the open document from the board store, calls the document's named
// operations (each one undo step) and updates selection/editing in the UI store. No React.
import type { BoardElement, BoardFragment, ElementId, ElementKind, LinkId, Pasted, TopicStrategy } from '../model';
import {
  checkLink,
  contextAt,
  copyFragment,
  dropMoves,
  duplicateElements,
  layoutTimeline,
  makeElement,
  pasteFragment,
  toRelative,
} from '../model';
import { absoluteRect, sizeOf } from '../model';
import { findFreeSpot, type Box } from './findFreeSpot';
import { newId } from '../lib/ids';
import { useBoardStore } from './boardStore';
import { useUiStore } from './uiStore';

function state() {
  const { doc, board, elementsById } = useBoardStore.getState();
  return { doc, board, elementsById };
}

/** The selected ids that still exist (an undo may have removed a selected sticky). */
function liveSelection(): { elements: ElementId[]; links: LinkId[] } {
  const { board, elementsById } = state();
  const ui = useUiStore.getState();
  const linkIds = new Set(board?.links.map((l) => l.id));
  return {
    elements: ui.selectedElementIds.filter((id) => elementsById.has(id)),
    links: ui.selectedLinkIds.filter((id) => linkIds.has(id)),
  };
}

/**
 * Adds a sticky with its top-left corner at a board position (moved aside to the first free
 * spot when `avoidOverlap`), inside the bounded context under its centre if any; selects it
 * and opens its text editor.
 */
export function addSticky(
  kind: ElementKind,
  position: { x: number; y: number },
  options: { avoidOverlap?: boolean; within?: Box | null } = {},
): ElementId | null {
  const { doc, board, elementsById } = state();
  if (!doc || !board) return null;
  const size = sizeOf(makeElement(kind, { x: 0, y: 0 }));
  let at = { x: Math.round(position.x), y: Math.round(position.y) };
  if (options.avoidOverlap) {
    const taken = board.elements.filter((e) => e.kind !== 'boundedContext').map((e) => absoluteRect(e, elementsById));
    at = findFreeSpot({ ...at, ...size }, taken, options.within ?? undefined);
  }
  const context = kind === 'boundedContext' ? undefined : contextAt(board, { x: at.x + size.width / 2, y: at.y + size.height / 2 });
  const local = toRelative(board, at, context?.id);
  const element = makeElement(kind, { x: Math.round(local.x), y: Math.round(local.y) }, '', context ? { parentId: context.id } : {});
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
  const { doc, board, elementsById } = state();
  const a = elementsById.get(source);
  const b = elementsById.get(target);
  if (!doc || !board || !a || !b) return null;
  const notify = (message: string) => useUiStore.getState().notify({ kind: 'info', message });
  if (source === target) {
    notify('A sticky cannot be connected to itself.');
    return null;
  }
  if (board.links.some((l) => l.source === source && l.target === target)) {
    notify('These stickies are already connected.');
    return null;
  }
  if (!canConnect(source, target)) {
    notify(`Connection refused. ${checkLink(a.kind, b.kind).hint} To keep it anyway, allow free-form connections in Settings.`);
    return null;
  }
  try {
    return doc.addLink({ id: newId('link'), source, target }).id;
  } catch (error) {
    notify(error instanceof Error ? error.message : String(error));
    return null;
  }
}

/** Deletes the selected stickies and connections (one undo step). */
export function deleteSelection(): void {
  const { doc } = state();
  const ui = useUiStore.getState();
  if (!doc) return;
  const { elements, links } = liveSelection();
  if (elements.length === 0 && links.length === 0) return;
  doc.transact(() => {
    if (links.length > 0) doc.removeLinks(links);
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

/**
 * Chooses how the board's event stores map onto topics (docs/topology.md): one undo step, saved
 * and shared like any edit; choosing the strategy already in use changes nothing.
 */
export function setTopicStrategy(strategy: TopicStrategy): void {
  const { doc, board } = state();
  if (doc && board && board.settings.topicStrategy !== strategy) doc.updateSettings({ topicStrategy: strategy });
}

/** Elements currently selected, in document order. */
export function selectedElements(): BoardElement[] {
  const { board } = state();
  const ids = new Set(useUiStore.getState().selectedElementIds);
  return board ? board.elements.filter((e) => ids.has(e.id)) : [];
}


/** A dragged element: where its top-left corner ended up, in board coordinates. */
export interface DraggedElement {
  id: ElementId;
  x: number;
  y: number;
}

/**
 * Writes the end of a drag as one document operation (one undo step): each sticky joins the
 * context under its centre or leaves to the board (the model's containment rules).
 */
export function commitDrag(dragged: readonly DraggedElement[]): void {
  const { doc, board } = state();
  if (!doc || !board || dragged.length === 0) return;
  const moves = dropMoves(
    board,
    dragged.map((d) => ({ id: d.id, x: Math.round(d.x), y: Math.round(d.y) })),
  ).map((m) => ({ ...m, x: Math.round(m.x), y: Math.round(m.y) }));
  const byId = useBoardStore.getState().elementsById;
  const changed = moves.filter((m) => {
    const e = byId.get(m.id);
    return !e || e.x !== m.x || e.y !== m.y || (e.parentId ?? null) !== (m.parentId ?? null);
  });
  if (changed.length > 0) doc.moveElements(changed);
}

// The clipboard is kept in memory: pasting works within and across boards of this tab without
// asking the browser for clipboard permission.
let clipboard: BoardFragment | null = null;
let pasteCount = 0;
const PASTE_STEP = 40;

export function copySelection(): boolean | void {
  const { board } = state();
  const ids = liveSelection().elements;
  if (!board || ids.length === 0) return false;
  clipboard = copyFragment(board, ids);
  pasteCount = 0;
}

export function pasteClipboard(): boolean | void {
  const { doc } = state();
  if (!doc || !clipboard || clipboard.elements.length === 0) return false;
  pasteCount += 1;
  const pasted = pasteFragment(clipboard, { x: PASTE_STEP * pasteCount, y: PASTE_STEP * pasteCount });
  addAndSelect(pasted);
}

export function duplicateSelection(): boolean | void {
  const { board } = state();
  const ids = liveSelection().elements;
  if (!board || ids.length === 0) return false;
  addAndSelect(duplicateElements(board, ids));
}

function addAndSelect(pasted: Pasted): void {
  const { doc } = state();
  if (!doc) return;
  try {
    doc.addElements(pasted.elements, pasted.links);
  } catch (error) {
    useUiStore.getState().notify({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  useUiStore.getState().setSelection(
    pasted.elements.map((e) => e.id),
    pasted.links.map((l) => l.id),
  );
}

/**
 * Moves a sticky into a bounded context (one undo step): to the first free spot inside the
 * frame, below its title, so it joins the context as if dropped there.
 */
export function moveIntoContext(id: ElementId, contextId: ElementId): void {
  const { doc, board, elementsById } = state();
  const el = elementsById.get(id);
  const ctx = elementsById.get(contextId);
  if (!doc || !board || !el || !ctx || ctx.kind !== 'boundedContext' || el.kind === 'boundedContext') return;
  const frame = absoluteRect(ctx, elementsById);
  const size = sizeOf(el);
  const TITLE = 60;
  const MARGIN = 20;
  const inner = { x: frame.x + MARGIN, y: frame.y + TITLE, width: Math.max(size.width, frame.width - 2 * MARGIN), height: Math.max(size.height, frame.height - TITLE - MARGIN) };
  const taken = board.elements.filter((e) => e.kind !== 'boundedContext' && e.id !== id).map((e) => absoluteRect(e, elementsById));
  const at = findFreeSpot({ x: inner.x, y: inner.y, ...size }, taken, inner);
  commitDrag([{ id, x: at.x, y: at.y }]);
}

/** Arranges the selection left to right in flow order (one undo step). */
export function layoutSelectionAsTimeline(): boolean | void {
  const { doc, board } = state();
  const ids = liveSelection().elements;
  if (!doc || !board || ids.length < 2) return false;
  const moves = layoutTimeline(board, ids);
  if (moves.length > 0) doc.moveElements(moves);
}
