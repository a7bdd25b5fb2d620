// The naming hint for one sticky (an event not in the past tense, a command not imperative),
// from the model's naming rules; selected per element so only that sticky re-renders.
import type { ElementId } from '../../model';
import { namingHint } from '../../model/naming';
import { useBoardStore } from '../../store/boardStore';

export function useNamingHint(id: ElementId): string | null {
  return useBoardStore((s) => {
    const element = s.elementsById.get(id);
    return element ? (namingHint(element.kind, element.text)?.message ?? null) : null;
  });
}
