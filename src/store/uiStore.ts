// UI state that is not part of the board document: selection, the sticky being edited,
// panels, theme, the in-memory clipboard and the message shown to the user. Nothing here is
// saved with the board.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ElementId, LinkId } from '../model';

export type ThemePreference = 'system' | 'light' | 'dark';
/** Text size of the whole app, board included: 1 (normal), 1.25 (large), 1.5 (larger). */
export type TextScale = 1 | 1.25 | 1.5;
export const TEXT_SCALES: readonly TextScale[] = [1, 1.25, 1.5];

export interface Notice {
  kind: 'error' | 'info';
  message: string;
  /** A button in the message, e.g. "Keep a copy" (runs, then the message closes). */
  action?: { label: string; run: () => void };
  /** What raised it, so that, say, a storage error can be cleared once saving works again. */
  source?: 'storage';
}

export interface UiState {
  selectedElementIds: readonly ElementId[];
  selectedLinkIds: readonly LinkId[];
  /** The sticky whose text editor is open. */
  editingId: ElementId | null;
  /**
   * Keys typed after a sticky was added but before its editor appeared on screen; the editor
   * starts with them, so fast typing loses nothing.
   */
  typedAhead: string;
  inspectorOpen: boolean;
  theme: ThemePreference;
  textScale: TextScale;
  /** Height of the open simulation dock in px (clamped to the window by the dock). */
  dockHeight: number;
  /** Whether the simulation dock was last left open. */
  dockOpen: boolean;
  /** The context menu open on a sticky (right click or long press), at a screen point. */
  contextMenu: { id: ElementId; x: number; y: number } | null;
  /** An image export is drawing the whole board: stickies render in full whatever the zoom. */
  exportingImage: boolean;
  /** Shown in role="alert" (errors) or role="status" (info) until dismissed or replaced. */
  notice: Notice | null;
  /** The lazily loaded "Export services" dialog. */
  exportDialogOpen: boolean;
  /** The board is shown read-only (presentation mode): no editor opens, nothing is dragged. */
  readOnly: boolean;
}

export interface UiActions {
  setSelection(elements: readonly ElementId[], links: readonly LinkId[]): void;
  startEditing(id: ElementId): void;
  stopEditing(): void;
  typeAhead(text: string): void;
  /** Returns the typed-ahead text and clears it. */
  takeTypedAhead(): string;
  toggleInspector(open?: boolean): void;
  setTheme(theme: ThemePreference): void;
  setTextScale(scale: TextScale): void;
  setDockHeight(px: number): void;
  setDockOpen(open: boolean): void;
  setExportingImage(on: boolean): void;
  openContextMenu(menu: { id: ElementId; x: number; y: number } | null): void;
  notify(notice: Notice | null): void;
  setExportDialogOpen(open: boolean): void;
  setReadOnly(on: boolean): void;
  reset(): void;
}

/** The open dock's first height: the board keeps most of a 720 px screen. */
export const DEFAULT_DOCK_HEIGHT_PX = 300;

const initial: UiState = {
  selectedElementIds: [],
  selectedLinkIds: [],
  editingId: null,
  typedAhead: '',
  inspectorOpen: true,
  theme: 'system',
  textScale: 1,
  dockHeight: DEFAULT_DOCK_HEIGHT_PX,
  dockOpen: false,
  exportingImage: false,
  contextMenu: null,
  notice: null,
  exportDialogOpen: false,
  readOnly: false,
};

// Preferences (theme, text size, the dock's height and whether it is open) are remembered
// between visits; nothing else here is.
export const useUiStore = create<UiState & UiActions>()(
  persist(
  (set, get) => ({
  ...initial,
  setSelection(elements, links) {
    const s = get();
    if (sameIds(s.selectedElementIds, elements) && sameIds(s.selectedLinkIds, links)) return;
    set({ selectedElementIds: [...elements], selectedLinkIds: [...links] });
  },
  startEditing(id) {
    if (get().readOnly) return;
    set({ editingId: id, typedAhead: '' });
  },
  stopEditing() {
    if (get().editingId !== null || get().typedAhead !== '') set({ editingId: null, typedAhead: '' });
  },
  typeAhead(text) {
    set({ typedAhead: get().typedAhead + text });
  },
  takeTypedAhead() {
    const text = get().typedAhead;
    if (text) set({ typedAhead: '' });
    return text;
  },
  toggleInspector(open) {
    set({ inspectorOpen: open ?? !get().inspectorOpen });
  },
  setTheme(theme) {
    set({ theme });
  },
  setTextScale(textScale) {
    set({ textScale: TEXT_SCALES.includes(textScale) ? textScale : 1 });
  },
  setDockHeight(px) {
    if (Number.isFinite(px)) set({ dockHeight: Math.round(px) });
  },
  setDockOpen(dockOpen) {
    if (get().dockOpen !== dockOpen) set({ dockOpen });
  },
  setExportingImage(exportingImage) {
    set({ exportingImage });
  },
  openContextMenu(contextMenu) {
    set({ contextMenu });
  },
  notify(notice) {
    set({ notice });
  },
  setExportDialogOpen(open) {
    set({ exportDialogOpen: open });
  },
  setReadOnly(readOnly) {
    if (readOnly) set({ readOnly, editingId: null, typedAhead: '', selectedElementIds: [], selectedLinkIds: [], contextMenu: null });
    else set({ readOnly });
  },
  reset() {
    set(initial);
  },
  }),
    {
      name: 'stormbench-ui',
      storage: createJSONStorage(() => globalThis.localStorage ?? inMemoryStorage()),
      partialize: (s) => ({ theme: s.theme, textScale: s.textScale, dockHeight: s.dockHeight, dockOpen: s.dockOpen }),
    },
  ),
);

/** Same members, in any order (selection order differs between React Flow and actions). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

// Where no localStorage exists (tests in Node), preferences live for the session only.
function inMemoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}
