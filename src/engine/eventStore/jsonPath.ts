// Field paths into JSON values for event-store queries: "order.items.0.sku".
export type WhereOp = { equals: unknown } | { in: unknown[] } | { gt: number | string } | { gte: number | string } | { lt: number | string } | { lte: number | string } | { exists: boolean };
export type WhereClause = { path: string } & WhereOp;

export function getPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const deepEqual = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function matches(value: unknown, w: WhereClause): boolean {
  const v = getPath(value, w.path);
  if ('exists' in w) return (v !== undefined) === w.exists;
  if ('equals' in w) return deepEqual(v, w.equals);
  if ('in' in w) return w.in.some((x) => deepEqual(v, x));
  if (typeof v !== 'number' && typeof v !== 'string') return false;
  if ('gt' in w) return v > w.gt;
  if ('gte' in w) return v >= w.gte;
  if ('lt' in w) return v < w.lt;
  if ('lte' in w) return v <= w.lte;
  return false;
}
