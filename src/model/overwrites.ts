// Which of this peer's own edits a merged change replaced without having seen them. When two
// tabs (or two people) set the same field at the same moment, Yjs keeps one value by its rule
// and the other disappears; the person whose value lost deserves to be told. A value written
// by someone who saw ours first names our item as its left origin; one written concurrently
// does not: that is how a concurrent overwrite is told from an ordinary later edit.
import * as Y from 'yjs';
import type { ElementId } from './types';

/** One field of a sticky whose value from this peer was replaced by a concurrent edit. */
export interface FieldOverwrite {
  id: ElementId;
  field: string;
  /** The value written here, now gone. */
  lost: unknown;
  /** The value that was kept. */
  kept: unknown;
}

/** Fields left out: positions change by dragging, where the last drop winning is expected. */
const IGNORED = new Set(['x', 'y', 'parentId', '~order']);

type Item = Y.Item;

/** Tracks the items this peer wrote into element records and spots concurrent overwrites. */
export class OverwriteTracker {
  private readonly ours = new WeakMap<Y.Map<unknown>, Map<string, Item>>();

  constructor(private readonly elements: Y.Map<Y.Map<unknown>>) {}

  private *changedFields(tr: Y.Transaction): Generator<{ record: Y.Map<unknown>; key: string }> {
    for (const [type, keys] of tr.changed) {
      if (!(type instanceof Y.Map) || type._item?.parent !== this.elements) continue;
      for (const key of keys) if (key !== null && !IGNORED.has(key)) yield { record: type as Y.Map<unknown>, key };
    }
  }

  /** After a transaction of this peer: remember which items now hold the fields it wrote. */
  recordOwn(tr: Y.Transaction): void {
    for (const { record, key } of this.changedFields(tr)) {
      const item = record._map.get(key);
      if (!item) continue;
      let fields = this.ours.get(record);
      if (!fields) this.ours.set(record, (fields = new Map()));
      fields.set(key, item);
    }
  }

  /** After a transaction from elsewhere: the fields where it replaced our value without having seen it. */
  overwritten(tr: Y.Transaction): FieldOverwrite[] {
    const out: FieldOverwrite[] = [];
    for (const { record, key } of this.changedFields(tr)) {
      const fields = this.ours.get(record);
      const mine = fields?.get(key);
      const now = record._map.get(key);
      if (!mine || !now || now === mine || !mine.deleted) continue;
      fields!.delete(key);
      const sawMine = now.origin !== null && Y.compareIDs(now.origin, mine.lastId);
      if (sawMine) continue;
      const id = record.get('id');
      if (typeof id !== 'string') continue;
      out.push({ id: id as ElementId, field: key, lost: mine.content.getContent()[0], kept: now.deleted ? undefined : now.content.getContent()[0] });
    }
    return out;
  }
}
