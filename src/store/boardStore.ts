// Mirrors the open BoardDoc for React: the latest plain snapshot plus undo/redo availability.
// Components select single elements from it (structural sharing keeps unchanged elements
// identical), so one sticky's edit re-renders that sticky only. Documents change only through
// the BoardDoc's operations; this store never edits a board itself.
import { create } from 'zustand';
import type { Board, BoardChange, BoardDoc, BoardElement, ElementId } from '../model';
import { indexElements } from './indexElements';
import { overwriteNotice } from './overwriteNotice';
import { useUiStore } from './uiStore';
import type { ElementProblem } from './problems';
import type { ScenarioResult } from '../topology';

export interface BoardState {
  doc: BoardDoc | null;
  board: Board | null;
  /** Elements by id, rebuilt per snapshot; unchanged elements keep their identity. */
  elementsById: ReadonlyMap<ElementId, BoardElement>;
  canUndo: boolean;
  canRedo: boolean;
  /** Counts snapshots, so views can tell a fresh document from an edit. */
  revision: number;
  lastChange: BoardChange['origin'] | null;
  /** Problems pinned to elements (a later topology compiler fills this). */
  problemsByElement: Readonly<Record<string, readonly ElementProblem[]>>;
  /** Results of each sticky's scenarios from the latest compile (absent: not run yet). */
  scenarioResults: Readonly<Record<string, readonly ScenarioResult[]>>;
}

export interface BoardActions {
  /** Mirrors `doc` from now on; the previous document is detached (not destroyed). */
  attach(doc: BoardDoc): void;
  detach(): void;
  setProblems(problems: Record<string, readonly ElementProblem[]>): void;
  setScenarioResults(results: readonly ScenarioResult[]): void;
  reset(): void;
}

const initial: BoardState = {
  doc: null,
  board: null,
  elementsById: new Map(),
  canUndo: false,
  canRedo: false,
  revision: 0,
  lastChange: null,
  problemsByElement: {},
  scenarioResults: {},
};

let unsubscribe: (() => void) | null = null;

export const useBoardStore = create<BoardState & BoardActions>()((set, get) => ({
  ...initial,
  attach(doc) {
    unsubscribe?.();
    const board = doc.getBoard();
    set({
      doc,
      board,
      elementsById: indexElements(board.elements, new Map()),
      canUndo: doc.canUndo(),
      canRedo: doc.canRedo(),
      revision: get().revision + 1,
      lastChange: null,
    });
    unsubscribe = doc.subscribe((next, change) => {
      if (get().doc !== doc) return;
      if (change.overwritten) {
        const notice = overwriteNotice(doc, change.overwritten);
        if (notice) useUiStore.getState().notify(notice);
      }
      set({
        board: next,
        elementsById: indexElements(next.elements, get().elementsById),
        canUndo: doc.canUndo(),
        canRedo: doc.canRedo(),
        revision: get().revision + 1,
        lastChange: change.origin,
      });
    });
  },
  detach() {
    unsubscribe?.();
    unsubscribe = null;
    set({ doc: null, board: null, elementsById: new Map(), canUndo: false, canRedo: false, lastChange: null });
  },
  setProblems(problems) {
    set({ problemsByElement: problems });
  },
  setScenarioResults(results) {
    const byElement: Record<string, ScenarioResult[]> = {};
    for (const r of results) (byElement[r.elementId] ??= []).push(r);
    set({ scenarioResults: byElement });
  },
  reset() {
    unsubscribe?.();
    unsubscribe = null;
    set(initial);
  },
}));

/** The open document; throws when none is open (actions only run with a board open). */
export function currentDoc(): BoardDoc | null {
  return useBoardStore.getState().doc;
}
