// Sets React Flow's `selected` flag from a list of ids, copying only the items whose flag
// changes (the others keep their identity, so they do not re-render).
export function applySelection<T extends { id: string; selected?: boolean }>(items: T[], ids: readonly string[]): T[] {
  const wanted = new Set(ids);
  let changed = false;
  const next = items.map((item) => {
    const selected = wanted.has(item.id);
    if ((item.selected ?? false) === selected) return item;
    changed = true;
    return { ...item, selected };
  });
  return changed ? next : items;
}
