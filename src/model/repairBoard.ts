// Repairs what concurrent edits can leave behind. Local operations validate before writing,
// but two peers (or two tabs of one board) can each make a valid change whose merge is not
// valid: a sticky moved into a context that the other peer deleted, a link to a removed
// sticky, two contexts put inside each other. The live document shows the merged state
// through this pass so the canvas, the compiler and export always get a well-formed board.
//
// A member's coordinates are relative to its context. Deleting a context therefore leaves its
// members' stored coordinates alone and records where the context was (RemovedContext); this
// pass adds that offset, so a member keeps its place on screen whether the deletion was made
// here or merged from a peer that never saw a concurrent move or addition inside the context.
import { makeElement } from './elements';
import { MAX_CONTEXT_NESTING, nestingDepths } from './nesting';
import type { BoardElement, BoardLink, ElementId } from './types';

/** Where a deleted bounded context stood (relative to its own context, if it had one). */
export interface RemovedContext {
  x: number;
  y: number;
  parentId: ElementId | null;
}

export interface Repaired {
  elements: BoardElement[];
  links: BoardLink[];
  /** One line per repair, e.g. "el:x: its context el:y no longer exists". */
  repairs: string[];
}

const MAX_DEPTH = 64;

/** Returns the same arrays (by identity) when nothing needs repair; else fixed copies, sharing untouched records. */
export function repairBoard(
  elements: readonly BoardElement[],
  links: readonly BoardLink[],
  removed: { get(id: ElementId): RemovedContext | undefined } = new Map(),
): Repaired {
  const repairs: string[] = [];
  elements = completeRecords(elements, repairs);
  const byId = new Map<ElementId, BoardElement>(elements.map((e) => [e.id, e]));
  // id -> the parent and position it is shown with, for every element whose parent is not a live context.
  const moved = new Map<ElementId, { parentId: ElementId | undefined; x: number; y: number }>();
  for (const el of elements) {
    if (el.parentId === undefined) continue;
    const parent = byId.get(el.parentId);
    if (parent?.kind === 'boundedContext') continue;
    if (parent) {
      moved.set(el.id, { parentId: undefined, x: el.x, y: el.y });
      repairs.push(`${el.id}: ${el.parentId} is not a bounded context`);
      continue;
    }
    // Climb through deleted contexts, adding their offsets, to the nearest live context.
    let { x, y } = el;
    let cursor: ElementId | null | undefined = el.parentId;
    for (let depth = 0; cursor && !byId.has(cursor) && depth < MAX_DEPTH; depth++) {
      const gone = removed.get(cursor);
      if (!gone) {
        cursor = undefined;
        break;
      }
      x += gone.x;
      y += gone.y;
      cursor = gone.parentId;
    }
    const live = cursor ? byId.get(cursor) : undefined;
    moved.set(el.id, { parentId: live?.kind === 'boundedContext' ? live.id : undefined, x, y });
    repairs.push(`${el.id}: its context ${el.parentId} no longer exists`);
  }
  const parentOf = (id: ElementId): ElementId | undefined => (moved.has(id) ? moved.get(id)!.parentId : byId.get(id)?.parentId);
  // Break containment cycles, then nesting past the cap, visiting each element once per pass
  // (walking every element's chain took a minute for a 20,000-deep chain).
  const indexOf = new Map<ElementId, number>(elements.map((e, i) => [e.id, i]));
  const parentIndex = (i: number): number => {
    const parentId = parentOf(elements[i]!.id);
    return parentId === undefined ? -1 : (indexOf.get(parentId) ?? -1);
  };
  const toBoard = (el: BoardElement, why: string) => {
    const current = moved.get(el.id);
    moved.set(el.id, { parentId: undefined, x: current?.x ?? el.x, y: current?.y ?? el.y });
    repairs.push(`${el.id}: ${why}; it now sits on the board`);
  };
  const first = nestingDepths(elements.length, parentIndex);
  // Every peer cuts the same link: the first of a cycle's contexts in board order leaves.
  for (const cycle of first.cycles) toBoard(elements[cycle[0]!]!, 'contexts contained each other');
  const { depth } = first.cycles.length > 0 ? nestingDepths(elements.length, parentIndex) : first;
  depth.forEach((d, i) => {
    // Cutting at every (MAX + 1)th level leaves no element deeper than the cap.
    if (d > 0 && d % (MAX_CONTEXT_NESTING + 1) === 0) toBoard(elements[i]!, `nested in more than ${MAX_CONTEXT_NESTING} contexts`);
  });
  const fixedElements =
    moved.size === 0
      ? (elements as BoardElement[])
      : elements.map((el) => {
          const fix = moved.get(el.id);
          if (!fix) return el;
          const { parentId: _old, ...rest } = el;
          return Object.freeze(fix.parentId ? { ...rest, x: fix.x, y: fix.y, parentId: fix.parentId } : { ...rest, x: fix.x, y: fix.y }) as BoardElement;
        });
  let fixedLinks = links as BoardLink[];
  if (links.some((l) => !byId.has(l.source) || !byId.has(l.target))) {
    fixedLinks = links.filter((l) => {
      const ok = byId.has(l.source) && byId.has(l.target);
      if (!ok) repairs.push(`${l.id}: links a sticky that no longer exists`);
      return ok;
    });
  }
  return { elements: fixedElements, links: fixedLinks, repairs };
}

/**
 * Yjs's undo of a deletion restores a record's values as they were when it was deleted, but not
 * a value another peer overwrote concurrently (the overwrite sits in the deleted record): after
 * "A moves a sticky, B deletes it, B undoes" the restored sticky can lack x or y. Missing
 * required values take the kind's defaults, so the board stays valid on every peer alike.
 */
const defaultsByKind = new Map<string, Record<string, unknown>>();

function completeRecords(elements: readonly BoardElement[], repairs: string[]): readonly BoardElement[] {
  let out: BoardElement[] | undefined;
  elements.forEach((el, i) => {
    let defaults = defaultsByKind.get(el.kind);
    if (!defaults) {
      defaults = makeElement(el.kind, { x: 0, y: 0 }, '', { id: el.id }) as unknown as Record<string, unknown>;
      defaultsByKind.set(el.kind, defaults);
    }
    const record = el as unknown as Record<string, unknown>;
    const missing = Object.keys(defaults).filter((k) => record[k] === undefined);
    if (missing.length === 0) return;
    out ??= elements.slice();
    const filled: Record<string, unknown> = { ...record };
    for (const k of missing) filled[k] = structuredClone(defaults[k]);
    out[i] = Object.freeze(filled) as unknown as BoardElement;
    repairs.push(`${el.id}: ${missing.join(', ')} lost in a merge; defaults used`);
  });
  return out ?? elements;
}
