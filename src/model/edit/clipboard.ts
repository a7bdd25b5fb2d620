// Copy and paste of a selection as a self-contained fragment: the selected stickies, the
// contents of selected contexts, and the links among them. Pasting gives fresh ids so the
// same fragment can be pasted many times; membership inside the fragment is kept.
import { z } from 'zod';
import { newId } from '../../lib/ids';
import type { Rng } from '../../lib/rng';
import { BoardParseError } from '../errors';
import { absolutePosition, indexById, type Point } from '../geometry';
import { formatPath } from '../parseBoard';
import { elementSchema, linkSchema } from '../schema';
import type { Board, BoardElement, BoardLink, ElementId, LinkId } from '../types';
import { descendantsOf } from './containment';

export const FRAGMENT_TYPE = 'stormbench/fragment' as const;

export interface BoardFragment {
  type: typeof FRAGMENT_TYPE;
  version: 1;
  /** Top-level elements in board coordinates; nested ones relative to their context, as on a board. */
  elements: BoardElement[];
  links: BoardLink[];
}

export function copyFragment(board: Board, ids: Iterable<ElementId>): BoardFragment {
  const byId = indexById(board.elements);
  const chosen = descendantsOf(board, [...ids].filter((id) => byId.has(id)));
  const elements: BoardElement[] = [];
  for (const el of board.elements) {
    if (!chosen.has(el.id)) continue;
    if (el.parentId && chosen.has(el.parentId)) elements.push(structuredClone(el));
    else {
      // Its context stays behind: carry the sticky out at its place on screen.
      const { parentId: _dropped, ...rest } = structuredClone(el);
      elements.push({ ...rest, ...absolutePosition(el, byId) } as BoardElement);
    }
  }
  const links = board.links.filter((l) => chosen.has(l.source) && chosen.has(l.target)).map((l) => structuredClone(l));
  return { type: FRAGMENT_TYPE, version: 1, elements, links };
}

export interface PasteOptions {
  rng?: Rng;
  /** Put the fragment's top-level elements into this context (their offset is then relative to it). */
  parentId?: ElementId;
}

export interface Pasted {
  elements: BoardElement[];
  links: BoardLink[];
  /** Old id → new id, for selecting what was pasted. */
  idMap: Map<ElementId, ElementId>;
}

/** New elements and links with fresh ids; top-level elements shifted by `offset`. Ready for addElements. */
export function pasteFragment(fragment: BoardFragment, offset: Point, options: PasteOptions = {}): Pasted {
  const idMap = new Map<ElementId, ElementId>();
  for (const el of fragment.elements) idMap.set(el.id, newId('el', options.rng));
  const elements = fragment.elements.map((el) => {
    const copy = structuredClone(el);
    copy.id = idMap.get(el.id)!;
    const inside = el.parentId ? idMap.get(el.parentId) : undefined;
    if (inside) copy.parentId = inside;
    else {
      delete copy.parentId;
      copy.x = el.x + offset.x;
      copy.y = el.y + offset.y;
      if (options.parentId) copy.parentId = options.parentId;
    }
    return copy;
  });
  const links: BoardLink[] = [];
  for (const l of fragment.links) {
    const source = idMap.get(l.source);
    const target = idMap.get(l.target);
    if (source && target) links.push({ ...structuredClone(l), id: newId('link', options.rng) as LinkId, source, target });
  }
  return { elements, links, idMap };
}

const fragmentSchema = z.strictObject({
  type: z.literal(FRAGMENT_TYPE),
  version: z.literal(1),
  elements: z.array(elementSchema),
  links: z.array(linkSchema),
});

export function serializeFragment(fragment: BoardFragment): string {
  return JSON.stringify(fragment);
}

/** Reads a fragment from clipboard text; throws BoardParseError for anything else. */
export function parseFragment(text: string): BoardFragment {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BoardParseError('The clipboard does not hold Stormbench stickies', ['(clipboard): not JSON'], 'FRAGMENT_PARSE');
  }
  const result = fragmentSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    throw new BoardParseError(`The clipboard does not hold Stormbench stickies: ${problems.slice(0, 3).join('; ')}`, problems, 'FRAGMENT_PARSE');
  }
  const ids = new Set(result.data.elements.map((e) => e.id));
  const broken = result.data.links.find((l) => !ids.has(l.source) || !ids.has(l.target));
  if (broken) throw new BoardParseError(`The clipboard's link ${broken.id} points outside the copied stickies`, [`links: ${broken.id}`], 'FRAGMENT_PARSE');
  return result.data;
}
