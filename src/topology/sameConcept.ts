// On an EventStorming board the same aggregate (or read model, or external system) is drawn
// again wherever the timeline needs it: four "Account" stickies are one Account aggregate.
// Stickies of those kinds with the same text (ignoring case and spacing) in the same service
// are one concept; the first in board order stands for the group. Empty stickies stay apart.
import type { BoardElement, ElementId } from '../model';
import type { BoardIndex } from './boardIndex';
import type { ServicePlan } from './services';

const GROUPED_KINDS = new Set(['aggregate', 'readModel', 'externalSystem']);

export interface ConceptGroups {
  /** The sticky standing for `id`'s group (itself when it is alone or not a grouped kind). */
  primaryOf(id: ElementId): ElementId;
  /** Every sticky of a primary's group, primary first, in board order. */
  members(primary: ElementId): ElementId[];
  isPrimary(id: ElementId): boolean;
}

export const conceptKey = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

export function groupConcepts(ix: BoardIndex, plan: ServicePlan): ConceptGroups {
  const primary = new Map<ElementId, ElementId>();
  const members = new Map<ElementId, ElementId[]>();
  const byKey = new Map<string, ElementId>();
  for (const el of ix.board.elements as BoardElement[]) {
    if (!GROUPED_KINDS.has(el.kind)) continue;
    const text = conceptKey(el.text);
    const key = `${el.kind}\u0000${plan.serviceOf(el).id}\u0000${text}`;
    const first = text ? byKey.get(key) : undefined;
    if (first) {
      primary.set(el.id, first);
      members.get(first)!.push(el.id);
    } else {
      if (text) byKey.set(key, el.id);
      members.set(el.id, [el.id]);
    }
  }
  return {
    primaryOf: (id) => primary.get(id) ?? id,
    members: (id) => members.get(id) ?? [id],
    isPrimary: (id) => !primary.has(id),
  };
}
