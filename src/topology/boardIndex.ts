// One pass over the board that the compiler's steps share: elements by id and kind, the
// grammar links (free-form links are left out of the topology on purpose), and which bounded
// context each sticky belongs to.
import type { Board, BoardElement, BoardLink, ElementId, ElementKind, ElementOfKind } from '../model';

export interface BoardIndex {
  board: Board;
  byId: Map<ElementId, BoardElement>;
  ofKind<K extends ElementKind>(kind: K): ElementOfKind<K>[];
  /** Grammar links leaving an element, in board order. */
  outgoing(id: ElementId): BoardLink[];
  incoming(id: ElementId): BoardLink[];
  /** Targets of an element's outgoing links that are of `kind`. */
  targets<K extends ElementKind>(id: ElementId, kind: K): ElementOfKind<K>[];
  sources<K extends ElementKind>(id: ElementId, kind: K): ElementOfKind<K>[];
  /** The bounded context holding the sticky (directly or through a nested context), if any. */
  contextOf(id: ElementId): ElementOfKind<'boundedContext'> | undefined;
}

export function indexBoard(board: Board): BoardIndex {
  const byId = new Map<ElementId, BoardElement>(board.elements.map((e) => [e.id, e]));
  const out = new Map<ElementId, BoardLink[]>();
  const inc = new Map<ElementId, BoardLink[]>();
  const seen = new Set<string>();
  for (const link of board.links) {
    if (link.freeForm || !byId.has(link.source) || !byId.has(link.target)) continue;
    // A link drawn twice counts once.
    const pair = `${link.source}\u0000${link.target}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    (out.get(link.source) ?? out.set(link.source, []).get(link.source)!).push(link);
    (inc.get(link.target) ?? inc.set(link.target, []).get(link.target)!).push(link);
  }
  const ofKind = <K extends ElementKind>(kind: K) =>
    board.elements.filter((e): e is ElementOfKind<K> => e.kind === kind);
  const pick = <K extends ElementKind>(ids: ElementId[], kind: K) =>
    ids.map((id) => byId.get(id)).filter((e): e is ElementOfKind<K> => e?.kind === kind);
  return {
    board,
    byId,
    ofKind,
    outgoing: (id) => out.get(id) ?? [],
    incoming: (id) => inc.get(id) ?? [],
    targets: (id, kind) => pick((out.get(id) ?? []).map((l) => l.target), kind),
    sources: (id, kind) => pick((inc.get(id) ?? []).map((l) => l.source), kind),
    contextOf(id) {
      let parentId = byId.get(id)?.parentId;
      // Walk up at most as many steps as there are elements, so a cycle cannot hang us.
      for (let steps = 0; parentId && steps < board.elements.length; steps++) {
        const parent = byId.get(parentId);
        if (!parent) return undefined;
        if (parent.kind === 'boundedContext') return parent;
        parentId = parent.parentId;
      }
      return undefined;
    },
  };
}
