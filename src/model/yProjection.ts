// Keeps a plain, frozen array view of a Y.Map of records (one Y.Map per record) up to date
// with structural sharing: after a change only the touched records are rebuilt and every other
// record keeps its object identity, so a 2,000-sticky board does not rebuild on each move.
import * as Y from 'yjs';

/** Key inside each record's Y.Map holding its position in the list (insertion order). */
export const ORDER_KEY = '~order';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Reads a record out of its Y.Map (without the order key; null marks a cleared optional value). */
export function readRecord<T>(ymap: Y.Map<unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of ymap.entries()) if (k !== ORDER_KEY && v !== null) out[k] = v;
  return out as T;
}

export class YProjection<T extends { id: string }> {
  private readonly cache = new Map<string, T>();
  private readonly dirty = new Set<string>();
  private structureDirty = true;
  private list: readonly T[] = [];
  private index = new Map<string, number>();
  private readonly observer: (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => void;

  constructor(private readonly root: Y.Map<Y.Map<unknown>>) {
    this.observer = (events) => {
      for (const event of events) {
        if (event.target === this.root && event instanceof Y.YMapEvent) {
          // Records added or removed: the list's membership changes.
          this.structureDirty = true;
          for (const key of event.keysChanged) this.dirty.add(key);
        } else {
          const key = event.path[0];
          if (typeof key !== 'string') continue;
          this.dirty.add(key);
          if (event instanceof Y.YMapEvent && event.keysChanged.has(ORDER_KEY)) this.structureDirty = true;
        }
      }
    };
    root.observeDeep(this.observer);
  }

  get changed(): boolean {
    return this.structureDirty || this.dirty.size > 0;
  }

  /** The current list; the same array as last time when nothing changed. */
  current(): readonly T[] {
    if (!this.changed) return this.list;
    for (const id of this.dirty) {
      const ymap = this.root.get(id);
      if (ymap) this.cache.set(id, deepFreeze(readRecord<T>(ymap)));
      else this.cache.delete(id);
    }
    if (this.structureDirty) {
      const rows: Array<{ order: number; item: T }> = [];
      for (const [id, ymap] of this.root.entries()) {
        let item = this.cache.get(id);
        if (!item) this.cache.set(id, (item = deepFreeze(readRecord<T>(ymap))));
        rows.push({ order: Number(ymap.get(ORDER_KEY) ?? 0), item });
      }
      // Ties (two peers inserting at once) fall back to the id so every peer agrees.
      rows.sort((a, b) => a.order - b.order || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
      this.list = Object.freeze(rows.map((r) => r.item));
      this.index = new Map(this.list.map((item, i) => [item.id, i]));
    } else {
      const next = this.list.slice();
      for (const id of this.dirty) {
        const i = this.index.get(id);
        const item = this.cache.get(id);
        if (i !== undefined && item) next[i] = item;
      }
      this.list = Object.freeze(next);
    }
    this.dirty.clear();
    this.structureDirty = false;
    return this.list;
  }

  /** The record with this id read straight from Yjs (right even in the middle of a transaction). */
  get(id: string): T | undefined {
    const ymap = this.root.get(id);
    return ymap ? readRecord<T>(ymap) : undefined;
  }

  /**
   * The whole list read straight from Yjs, bypassing the cache. Only for reads inside a
   * transaction, where the observers that keep the cache current have not run yet.
   */
  uncached(): T[] {
    const rows = [...this.root.entries()].map(([, ymap]) => ({ order: Number(ymap.get(ORDER_KEY) ?? 0), item: readRecord<T>(ymap) }));
    rows.sort((a, b) => a.order - b.order || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
    return rows.map((r) => r.item);
  }

  /** The next free order number for a new record. */
  nextOrder(): number {
    let max = -1;
    for (const ymap of this.root.values()) max = Math.max(max, Number(ymap.get(ORDER_KEY) ?? 0));
    return max + 1;
  }

  destroy(): void {
    this.root.unobserveDeep(this.observer);
  }
}
