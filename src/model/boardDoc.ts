// The live board document: BoardDoc (boardDocApi.ts) implemented on a Yjs document, the
// source of truth that persistence stores and collaboration will sync. Every operation
// validates first and writes second, inside one Yjs transaction with a local origin, so a
// refused operation changes nothing and each call is one undo step (Y.UndoManager tracks
// local origins only: remote and persisted updates are never undone by this peer).
import * as Y from 'yjs';
import type { BoardChange, BoardDoc, ElementMove, ElementPatch } from './boardDocApi';
import { BoardOperationError, BoardParseError } from './errors';
import { ORDER_KEY, YProjection } from './yProjection';
import { clearKey, clone, sameValue, writeRecord } from './yRecords';
import { repairBoard, type RemovedContext } from './repairBoard';
import { MAX_COORDINATE } from './schema';
import { excerpt, excerptId } from '../lib/excerpt';
import { INIT_ORIGIN, writeBoardInto } from './writeBoardInto';
import { OverwriteTracker } from './overwrites';
import { levelsInside, linkFor, validateElement, validateParent, validateSettings } from './boardDocChecks';
import type { Board, BoardElement, BoardId, BoardLink, BoardSettings, ElementId, LinkId } from './types';
import { BOARD_VERSION } from './types';

/** Root map recording where deleted bounded contexts stood (see repairBoard). */
export const REMOVED_CONTEXTS_KEY = 'removedContexts';

/** Transaction origin of this peer's own operations (the only ones undo tracks). */
export const LOCAL_ORIGIN = Symbol('stormbench:local');
/** Origin of drafts (text while it is typed): local and validated, but not an undo step. */
const DRAFT_ORIGIN = Symbol('stormbench:draft');

export interface BoardDocOptions {
  /** An empty Y.Doc to write the board into (e.g. one bound to storage); a fresh one otherwise. */
  ydoc?: Y.Doc;
  /** Consecutive operations closer than this merge into one undo step; 0 (default) never merges. */
  captureTimeoutMs?: number;
}

const isPosition = (v: number) => Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE;

type Listener = (board: Board, change: BoardChange) => void;
type YRecords = Y.Map<Y.Map<unknown>>;

class YBoardDoc implements BoardDoc {
  readonly id: BoardId;
  readonly ydoc: Y.Doc;
  private readonly elements: YRecords;
  private readonly links: YRecords;
  private readonly meta: Y.Map<unknown>;
  private readonly settings: Y.Map<unknown>;
  /** Where deleted contexts stood, so their members (here or at a peer) keep their place. */
  private readonly removedContexts: Y.Map<RemovedContext>;
  private readonly elementView: YProjection<BoardElement>;
  private readonly linkView: YProjection<BoardLink>;
  private readonly undoManager: Y.UndoManager;
  private readonly listeners = new Set<Listener>();
  private snapshot: Board | undefined;
  private settingsSnapshot: BoardSettings | undefined;
  private metaDirty = true;
  private localWrites = 0;
  /** Set by any change not made through this object's validated operations (peers, storage, undo). */
  private needsRepair = true;
  private repairedFrom: { elements: readonly BoardElement[]; links: readonly BoardLink[]; elementsOut: BoardElement[]; linksOut: BoardLink[] } | undefined;
  private txBoard: { tx: Y.Transaction | null; writes: number; board: Board } | undefined;
  private readonly ownsDoc: boolean;
  private readonly onAfterTransaction: (tr: Y.Transaction) => void;
  private readonly overwrites: OverwriteTracker;
  private readonly onMetaChange = () => {
    this.metaDirty = true;
  };
  private readonly onRemovedChange = () => {
    this.metaDirty = true;
    this.needsRepair = true;
    this.repairedFrom = undefined;
  };

  constructor(ydoc: Y.Doc, ownsDoc: boolean, options: BoardDocOptions) {
    this.ydoc = ydoc;
    this.ownsDoc = ownsDoc;
    this.elements = ydoc.getMap('elements');
    this.links = ydoc.getMap('links');
    this.meta = ydoc.getMap('meta');
    this.settings = ydoc.getMap('settings');
    this.removedContexts = ydoc.getMap(REMOVED_CONTEXTS_KEY);
    const id = this.meta.get('id');
    if (typeof id !== 'string') throw new BoardParseError('This Y.Doc holds no board (its id is missing)', ['meta.id: missing'], 'BOARD_DOC_EMPTY');
    const version = this.meta.get('version');
    if (typeof version === 'number' && version > BOARD_VERSION)
      throw new BoardParseError(
        `This board was saved by a newer Stormbench (board version ${version}); this one reads versions up to ${BOARD_VERSION}`,
        [`meta.version: ${version}`],
        'BOARD_VERSION',
      );
    this.id = id as BoardId;
    this.elementView = new YProjection(this.elements);
    this.overwrites = new OverwriteTracker(this.elements);
    this.linkView = new YProjection(this.links);
    this.meta.observe(this.onMetaChange);
    this.settings.observe(this.onMetaChange);
    this.removedContexts.observe(this.onRemovedChange);
    this.undoManager = new Y.UndoManager([this.elements, this.links, this.meta, this.settings, this.removedContexts], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: options.captureTimeoutMs ?? 0,
    });
    this.onAfterTransaction = (tr) => {
      if (tr.changed.size === 0) return;
      const own = tr.origin === LOCAL_ORIGIN || tr.origin === DRAFT_ORIGIN;
      if (!own) this.needsRepair = true;
      const fromElsewhere = !own && tr.origin !== this.undoManager && tr.origin !== INIT_ORIGIN;
      const overwritten = fromElsewhere ? this.overwrites.overwritten(tr) : (this.overwrites.recordOwn(tr), []);
      if (this.listeners.size === 0) return;
      const origin: BoardChange['origin'] =
        own ? 'local' : tr.origin === this.undoManager ? (this.undoManager.undoing ? 'undo' : 'redo') : 'remote';
      const board = this.getBoard();
      const change: BoardChange = overwritten.length > 0 ? { origin, overwritten } : { origin };
      for (const l of [...this.listeners]) l(board, change);
    };
    ydoc.on('afterTransaction', this.onAfterTransaction);
  }

  getBoard(): Board {
    if (this.ydoc._transaction) return this.uncachedBoard();
    if (this.snapshot && !this.metaDirty && !this.elementView.changed && !this.linkView.changed) return this.snapshot;
    if (this.metaDirty || !this.settingsSnapshot) {
      const next = this.settings.toJSON() as BoardSettings;
      if (!this.settingsSnapshot || !sameValue(next, this.settingsSnapshot)) this.settingsSnapshot = Object.freeze(next);
    }
    const { elements, links } = this.repaired(this.elementView.current(), this.linkView.current());
    this.snapshot = Object.freeze({
      version: BOARD_VERSION,
      id: this.id,
      name: String(this.meta.get('name') ?? ''),
      settings: this.settingsSnapshot,
      elements,
      links,
    });
    this.metaDirty = false;
    return this.snapshot;
  }

  /**
   * The lists as shown: merged changes from elsewhere may leave dangling references, which
   * repairBoard hides. Once repaired, later local changes keep the repair until the same lists
   * come back (repairs are recomputed only when the lists change).
   */
  private repaired(elements: readonly BoardElement[], links: readonly BoardLink[]): { elements: BoardElement[]; links: BoardLink[] } {
    const last = this.repairedFrom;
    if (last && last.elements === elements && last.links === links) return { elements: last.elementsOut, links: last.linksOut };
    if (!this.needsRepair && !last) return { elements: elements as BoardElement[], links: links as BoardLink[] };
    const fixed = repairBoard(elements, links, this.removedContexts);
    this.needsRepair = false;
    if (fixed.repairs.length === 0) {
      this.repairedFrom = undefined;
      return { elements: fixed.elements, links: fixed.links };
    }
    // A repaired element is a new object each pass: reuse the previous one when it came from the
    // same stored record and shows the same place, so untouched stickies keep their identity.
    const previous = new Map<BoardElement, BoardElement>();
    if (last) last.elements.forEach((src, i) => last.elementsOut[i] !== src && last.elementsOut[i] && previous.set(src, last.elementsOut[i]!));
    const shown = fixed.elements.map((out, i) => {
      const src = elements[i]!;
      if (out === src) return out;
      const before = previous.get(src);
      return before && before.x === out.x && before.y === out.y && before.parentId === out.parentId ? before : out;
    });
    const elementsOut = Object.freeze(shown) as BoardElement[];
    const linksOut = Object.freeze(fixed.links) as BoardLink[];
    this.repairedFrom = { elements, links, elementsOut, linksOut };
    return { elements: elementsOut, links: linksOut };
  }

  /** The board as it stands mid-transaction (inside transact), read without the cache. */
  private uncachedBoard(): Board {
    // Reused until this transaction writes again, so repeated reads inside transact stay cheap.
    const tx = this.ydoc._transaction;
    if (this.txBoard && this.txBoard.tx === tx && this.txBoard.writes === this.localWrites) return this.txBoard.board;
    const { elements, links } = repairBoard(this.elementView.uncached(), this.linkView.uncached(), this.removedContexts);
    const board: Board = {
      version: BOARD_VERSION,
      id: this.id,
      name: String(this.meta.get('name') ?? ''),
      settings: this.settings.toJSON() as BoardSettings,
      elements,
      links,
    };
    this.txBoard = { tx, writes: this.localWrites, board };
    return board;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(fn: () => void): void {
    this.ydoc.transact(() => {
      fn();
      this.localWrites++;
    }, LOCAL_ORIGIN);
  }

  private element(id: ElementId): BoardElement {
    const el = this.elementView.get(id);
    if (!el) throw new BoardOperationError(`No sticky with id ${excerptId(id)} on this board`, 'UNKNOWN_ELEMENT', { id });
    return el;
  }

  /** Levels of contexts inside an element that is about to move (only a context holds any). */
  private levelsInside(el: BoardElement): number {
    return el.kind === 'boundedContext' ? levelsInside(el.id, this.getBoard().elements) : 0;
  }

  addElements(elements: BoardElement[], links: BoardLink[] = []): void {
    const incoming = new Map<ElementId, BoardElement>();
    for (const el of elements) {
      validateElement(el);
      if (incoming.has(el.id) || this.elements.has(el.id))
        throw new BoardOperationError(`A sticky with id ${excerptId(el.id)} is already on this board`, 'DUPLICATE_ELEMENT', { id: el.id });
      incoming.set(el.id, el);
    }
    const lookup = (id: ElementId) => incoming.get(id) ?? this.elementView.get(id);
    for (const el of elements) validateParent(el.id, el.parentId, lookup);
    const settings = this.settings.toJSON() as BoardSettings;
    const checked = links.map((l) => linkFor(l, lookup, settings, (id) => this.links.has(id)));
    const pairs = new Set<string>();
    for (const l of checked) {
      if (pairs.has(`${l.source}>${l.target}`)) throw new BoardOperationError('Two links join the same stickies', 'DUPLICATE_LINK', { id: l.id });
      pairs.add(`${l.source}>${l.target}`);
    }
    this.write(() => {
      let order = this.elementView.nextOrder();
      for (const el of elements) {
        const ymap = new Y.Map<unknown>();
        this.elements.set(el.id, ymap);
        writeRecord(ymap, el, order++);
      }
      let linkOrder = this.linkView.nextOrder();
      for (const l of checked) {
        const ymap = new Y.Map<unknown>();
        this.links.set(l.id, ymap);
        writeRecord(ymap, l, linkOrder++);
      }
    });
  }

  updateElement(id: ElementId, patch: ElementPatch): void {
    const apply = this.checkedUpdate(id, patch);
    this.write(apply);
  }

  draftElement(id: ElementId, patch: ElementPatch): void {
    const apply = this.checkedUpdate(id, patch);
    this.ydoc.transact(() => {
      apply();
      this.localWrites++;
    }, DRAFT_ORIGIN);
  }

  /** Validates a patch and returns the writes that apply it (shared by updates and drafts). */
  private checkedUpdate(id: ElementId, patch: ElementPatch): () => void {
    const current = this.shownIfOrphaned(this.element(id));
    for (const key of ['id', 'kind'] as const)
      if (key in patch && patch[key] !== current[key])
        throw new BoardOperationError(`A sticky's ${key} cannot change`, 'IMMUTABLE_FIELD', { id, key });
    const next: Record<string, unknown> = { ...current };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    const el = validateElement(next);
    if (el.parentId !== current.parentId) validateParent(id, el.parentId, (x) => this.elementView.get(x), this.levelsInside(el));
    const ymap = this.elements.get(id)!;
    return () => {
      for (const [k, v] of Object.entries(next)) if (!sameValue(v, ymap.get(k))) ymap.set(k, clone(v));
      for (const k of [...ymap.keys()]) if (k !== ORDER_KEY && !(k in next)) clearKey(ymap, k);
    };
  }

  moveElements(moves: ElementMove[]): void {
    const lookup = (x: ElementId) => this.elementView.get(x);
    moves = moves.map((m) => {
      // Coordinates come from the board as shown; a member of a deleted context is shown in
      // its nearest live context (or on the board), so the move must say so.
      const stored = this.element(m.id);
      if (m.parentId !== undefined || stored.parentId === undefined || this.elements.has(stored.parentId)) return m;
      return { ...m, parentId: this.shownIfOrphaned(stored).parentId ?? null };
    });
    for (const m of moves) {
      if (!isPosition(m.x) || !isPosition(m.y))
        throw new BoardOperationError(
          `A position must be a number between -${MAX_COORDINATE.toLocaleString('en-US')} and ${MAX_COORDINATE.toLocaleString('en-US')} (got ${excerpt(m.x)}, ${excerpt(m.y)})`,
          'INVALID_POSITION',
          { id: m.id },
        );
      if (m.parentId) validateParent(m.id, m.parentId, lookup, this.levelsInside(this.element(m.id)));
    }
    this.write(() => {
      for (const m of moves) {
        const ymap = this.elements.get(m.id)!;
        if (ymap.get('x') !== m.x) ymap.set('x', m.x);
        if (ymap.get('y') !== m.y) ymap.set('y', m.y);
        if (m.parentId === null) {
          clearKey(ymap, 'parentId');
        } else if (m.parentId !== undefined && ymap.get('parentId') !== m.parentId) ymap.set('parentId', m.parentId);
      }
    });
  }

  removeElements(ids: ElementId[]): void {
    const removed = new Set(ids.filter((id) => this.elements.has(id)));
    if (removed.size === 0) return;
    const board = this.getBoard();
    // Members of a removed context keep their stored (relative) coordinates; recording where
    // the context stood lets every peer show them in place (repairBoard), including members a
    // peer moved or added inside it concurrently.
    this.needsRepair = true;
    this.write(() => {
      for (const id of removed) {
        const stored = this.elementView.get(id);
        if (stored?.kind === 'boundedContext')
          this.removedContexts.set(id, { x: stored.x, y: stored.y, parentId: stored.parentId ?? null });
      }
      for (const link of board.links) if (removed.has(link.source) || removed.has(link.target)) this.links.delete(link.id);
      for (const id of removed) this.elements.delete(id);
    });
  }

  /** The element as shown when its stored context is gone (see repairBoard); else as stored. */
  private shownIfOrphaned(el: BoardElement): BoardElement {
    if (el.parentId === undefined || this.elements.has(el.parentId)) return el;
    return this.getBoard().elements.find((e) => e.id === el.id) ?? el;
  }

  addLink(link: Omit<BoardLink, 'freeForm'> & { freeForm?: boolean }): BoardLink {
    const lookup = (x: ElementId) => this.elementView.get(x);
    const checked = linkFor(link, lookup, this.settings.toJSON() as BoardSettings, (id) => this.links.has(id));
    for (const [otherId, other] of this.links.entries())
      if (other.get('source') === checked.source && other.get('target') === checked.target)
        throw new BoardOperationError('These two stickies are already linked', 'DUPLICATE_LINK', { id: otherId });
    this.write(() => {
      const ymap = new Y.Map<unknown>();
      this.links.set(checked.id, ymap);
      writeRecord(ymap, checked, this.linkView.nextOrder());
    });
    return checked;
  }

  updateLink(id: LinkId, patch: Partial<Pick<BoardLink, 'weight'>>): void {
    const ymap = this.links.get(id);
    if (!ymap) throw new BoardOperationError(`No link with id ${excerptId(id)} on this board`, 'UNKNOWN_LINK', { id });
    const weight = patch.weight;
    if (weight !== undefined && !(Number.isFinite(weight) && weight > 0))
      throw new BoardOperationError('An outcome weight must be a number above 0', 'INVALID_WEIGHT', { id, weight });
    if (!('weight' in patch)) return;
    this.write(() => {
      if (weight === undefined) clearKey(ymap, 'weight');
      else ymap.set('weight', weight);
    });
  }

  removeLinks(ids: LinkId[]): void {
    const present = ids.filter((id) => this.links.has(id));
    if (present.length === 0) return;
    this.write(() => {
      for (const id of present) this.links.delete(id);
    });
  }

  updateSettings(patch: Partial<BoardSettings>): void {
    const next = validateSettings({ ...(this.settings.toJSON() as BoardSettings), ...patch });
    this.write(() => {
      for (const [k, v] of Object.entries(next)) if (this.settings.get(k) !== v) this.settings.set(k, v);
    });
  }

  rename(name: string): void {
    if (typeof name !== 'string') throw new BoardOperationError('A board name must be text', 'INVALID_NAME');
    if (this.meta.get('name') === name) return;
    this.write(() => this.meta.set('name', name));
  }

  transact(fn: () => void): void {
    this.undoManager.stopCapturing();
    const before = this.undoManager.undoStack.length;
    try {
      this.write(fn);
    } catch (e) {
      // Yjs has no rollback: revert what ran before the failure so transact stays all-or-nothing.
      if (this.undoManager.undoStack.length > before) {
        this.undoManager.undo();
        this.undoManager.redoStack.pop();
      }
      throw e;
    } finally {
      this.undoManager.stopCapturing();
    }
  }

  undo(): void {
    this.undoManager.undo();
  }
  redo(): void {
    this.undoManager.redo();
  }
  canUndo(): boolean {
    return this.undoManager.canUndo();
  }
  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  destroy(): void {
    this.listeners.clear();
    this.ydoc.off('afterTransaction', this.onAfterTransaction);
    this.meta.unobserve(this.onMetaChange);
    this.settings.unobserve(this.onMetaChange);
    this.removedContexts.unobserve(this.onRemovedChange);
    this.elementView.destroy();
    this.linkView.destroy();
    this.undoManager.destroy();
    if (this.ownsDoc) this.ydoc.destroy();
  }
}

/** Writes a board into a (new or given empty) Yjs document and returns its live handle. */
export function createBoardDoc(board: Board, options: BoardDocOptions = {}): BoardDoc {
  const ydoc = options.ydoc ?? new Y.Doc();
  if (ydoc.getMap('meta').has('id'))
    throw new BoardOperationError('This Y.Doc already holds a board; open it with openBoardDoc', 'BOARD_DOC_NOT_EMPTY');
  writeBoardInto(ydoc, board);
  return new YBoardDoc(ydoc, options.ydoc === undefined, options);
}

/** Wraps a Yjs document that already holds a board (loaded from storage or a peer). */
export function openBoardDoc(ydoc: Y.Doc, options: Omit<BoardDocOptions, 'ydoc'> = {}): BoardDoc {
  return new YBoardDoc(ydoc, false, options);
}

/** The Yjs document under a BoardDoc made by this module (for persistence and sync). */
export function ydocOf(doc: BoardDoc): Y.Doc {
  if (doc instanceof YBoardDoc) return doc.ydoc;
  throw new BoardOperationError('This board is not backed by a Y.Doc', 'NOT_A_YJS_DOC');
}
