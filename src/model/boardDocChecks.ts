// Checks the live document runs before it writes anything: the same rules as parseBoard, one
// record at a time, so the document can never hold what an import would refuse.
import type { z } from 'zod';
import { BoardOperationError, GrammarError } from './errors';
import { checkLink } from './grammar';
import { formatPath } from './parseBoard';
import { elementSchema, linkSchema, settingsSchema } from './schema';
import type { BoardElement, BoardLink, BoardSettings, ElementId, LinkId } from './types';
import { KIND_LABELS } from './types';
import { MAX_CONTEXT_NESTING } from './nesting';
import { excerpt, excerptId } from '../lib/excerpt';

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');
}

export function validateElement(value: unknown): BoardElement {
  const result = elementSchema.safeParse(value);
  if (!result.success) throw new BoardOperationError(`Invalid sticky: ${describe(result.error)}`, 'INVALID_ELEMENT');
  return result.data;
}

export function validateSettings(value: unknown): BoardSettings {
  const result = settingsSchema.safeParse(value);
  if (!result.success) throw new BoardOperationError(`Invalid board settings: ${describe(result.error)}`, 'INVALID_SETTINGS');
  return result.data;
}

type Lookup = (id: ElementId) => BoardElement | undefined;

/**
 * A sticky may only sit in a bounded context, a context never inside itself, and nothing deeper
 * than MAX_CONTEXT_NESTING contexts. `levelsBelow` is how many levels of contexts the moved
 * element holds itself (0 for a sticky or an empty context).
 */
export function validateParent(id: ElementId, parentId: ElementId | undefined, lookup: Lookup, levelsBelow = 0): void {
  if (parentId === undefined) return;
  let cursor = lookup(parentId);
  if (!cursor) throw new BoardOperationError(`No bounded context with id ${excerptId(parentId)}`, 'UNKNOWN_ELEMENT', { id: parentId });
  if (cursor.kind !== 'boundedContext')
    throw new BoardOperationError(`Only a bounded context can hold stickies, not a ${KIND_LABELS[cursor.kind].toLowerCase()}`, 'NOT_A_CONTEXT', { id: parentId });
  const seen = new Set<string>();
  // The walk stops one level past the cap, so even a document merged too deep costs little.
  while (cursor) {
    if (cursor.id === id || seen.has(cursor.id))
      throw new BoardOperationError('A bounded context cannot contain itself', 'CONTEXT_CYCLE', { id, parentId });
    seen.add(cursor.id);
    if (seen.size + levelsBelow > MAX_CONTEXT_NESTING)
      throw new BoardOperationError(
        `Bounded contexts can be nested at most ${MAX_CONTEXT_NESTING} deep; this would put a sticky inside ${seen.size + levelsBelow}`,
        'NESTED_TOO_DEEP',
        { id, parentId },
      );
    cursor = cursor.parentId === undefined ? undefined : lookup(cursor.parentId);
  }
}

/** How many levels of contexts `id` holds (0 when it holds nothing); linear in the board's size. */
export function levelsInside(id: ElementId, elements: readonly BoardElement[]): number {
  const children = new Map<ElementId, ElementId[]>();
  for (const el of elements) if (el.parentId !== undefined) (children.get(el.parentId) ?? children.set(el.parentId, []).get(el.parentId)!).push(el.id);
  let levels = 0;
  let frontier = children.get(id) ?? [];
  const seen = new Set<ElementId>([id]);
  while (frontier.length > 0 && levels <= MAX_CONTEXT_NESTING) {
    levels++;
    const next: ElementId[] = [];
    for (const child of frontier) {
      if (seen.has(child)) continue;
      seen.add(child);
      next.push(...(children.get(child) ?? []));
    }
    frontier = next;
  }
  return levels;
}

/** Validates a new link against the board and the grammar and returns it with freeForm decided. */
export function linkFor(
  link: Omit<BoardLink, 'freeForm'> & { freeForm?: boolean },
  lookup: Lookup,
  settings: BoardSettings,
  linkExists: (id: LinkId) => boolean,
): BoardLink {
  const parsed = linkSchema.safeParse({ ...link, freeForm: link.freeForm ?? false });
  if (!parsed.success) throw new BoardOperationError(`Invalid link: ${describe(parsed.error)}`, 'INVALID_LINK');
  if (linkExists(link.id)) throw new BoardOperationError(`A link with id ${excerptId(link.id)} is already on this board`, 'DUPLICATE_LINK', { id: link.id });
  const source = lookup(link.source);
  const target = lookup(link.target);
  if (!source) throw new BoardOperationError(`No sticky with id ${excerptId(link.source)} to link from`, 'UNKNOWN_ELEMENT', { id: link.source });
  if (!target) throw new BoardOperationError(`No sticky with id ${excerptId(link.target)} to link to`, 'UNKNOWN_ELEMENT', { id: link.target });
  if (source.id === target.id) throw new BoardOperationError('A sticky cannot be linked to itself', 'SELF_LINK', { id: source.id });
  const check = checkLink(source.kind, target.kind);
  if (check.allowed) {
    const { freeForm: _ignored, ...rest } = parsed.data;
    return { ...rest, freeForm: false };
  }
  if (!settings.allowFreeFormLinks)
    throw new GrammarError(`This connection is outside the grammar. ${check.hint}`, check.hint, {
      source: source.id,
      target: target.id,
      sourceKind: source.kind,
      targetKind: target.kind,
    });
  return { ...parsed.data, freeForm: true };
}
