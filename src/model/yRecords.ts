// How one record (a sticky or a link) is written into its Y.Map: values are copied in so later
// mutation of the caller's objects cannot reach the document, unchanged values are not
// rewritten (no needless undo entries or sync traffic), and cleared values become null.
import type * as Y from 'yjs';
import { ORDER_KEY } from './yProjection';

export function clone<T>(value: T): T {
  return typeof value === 'object' && value !== null ? (structuredClone(value) as T) : value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function writeRecord(target: Y.Map<unknown>, record: object, order?: number): void {
  for (const [k, v] of Object.entries(record)) if (v !== undefined) target.set(k, clone(v));
  if (order !== undefined) target.set(ORDER_KEY, order);
}

/**
 * Removes an optional value from a record by setting it to null (readRecord skips nulls).
 * Deleting the key instead breaks Y.UndoManager when the same key is set again and its record
 * removed in one later step: undoing both then cannot bring the first value back.
 */
export function clearKey(ymap: Y.Map<unknown>, key: string): void {
  if (ymap.has(key) && ymap.get(key) !== null) ymap.set(key, null);
}
