// The contract of a live board document: every document change goes through these named
// operations, applied in one place (a Yjs document underneath) so that undo/redo, persistence
// and later real-time collaboration see the same stream of changes. The UI reads plain
// `Board` snapshots and never mutates them.
import type { FieldOverwrite } from './overwrites';
import type { Board, BoardElement, BoardId, BoardLink, BoardSettings, ElementId, LinkId } from './types';

/** Fields of an element that may change after creation (kind and id never change). */
export type ElementPatch = Partial<Omit<BoardElement, 'id' | 'kind'>> & Record<string, unknown>;

export interface ElementMove {
  id: ElementId;
  x: number;
  y: number;
  /** New bounded context (null: leave any context); omitted: membership unchanged. */
  parentId?: ElementId | null;
}

export interface BoardChange {
  /** Where the change came from: a local operation, undo/redo, or a remote/persisted update. */
  origin: 'local' | 'undo' | 'redo' | 'remote';
  /**
   * For a change from elsewhere (another tab, a peer): fields of stickies where it replaced a
   * value written here without having seen it (both set the field at once; one value is kept).
   */
  overwritten?: readonly FieldOverwrite[];
}

export interface BoardDoc {
  readonly id: BoardId;
  /**
   * The current document as plain data. Unchanged elements keep their object identity between
   * snapshots (structural sharing) so memoised views re-render only what changed.
   */
  getBoard(): Board;
  subscribe(listener: (board: Board, change: BoardChange) => void): () => void;

  /** Each call below is one undo step, unless made inside transact(). */
  addElements(elements: BoardElement[], links?: BoardLink[]): void;
  updateElement(id: ElementId, patch: ElementPatch): void;
  /**
   * Writes a change at once (shown, saved, sent to peers) without making it an undo step: text
   * while it is being typed, so that closing the tab loses nothing. To finish, draft the value
   * the element had before, then `updateElement` with the final one: that is the one undo step.
   */
  draftElement(id: ElementId, patch: ElementPatch): void;
  moveElements(moves: ElementMove[]): void;
  /** Removes elements and every link touching them; a removed context's members stay, un-parented. */
  removeElements(ids: ElementId[]): void;
  /**
   * Adds a link. Outside the grammar it throws a GrammarError unless the board allows
   * free-form links, in which case it is kept with freeForm: true.
   */
  addLink(link: Omit<BoardLink, 'freeForm'> & { freeForm?: boolean }): BoardLink;
  updateLink(id: LinkId, patch: Partial<Pick<BoardLink, 'weight'>>): void;
  removeLinks(ids: LinkId[]): void;
  updateSettings(patch: Partial<BoardSettings>): void;
  rename(name: string): void;
  /** Groups several operations into one undo step. */
  transact(fn: () => void): void;

  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  destroy(): void;
}
