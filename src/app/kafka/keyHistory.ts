// Per key, its offsets in the log before and after a cleaner pass: which records the pass
// removed, which it kept (the latest per key, at its original offset) and which are tombstones.
import type { CompactionView } from '../../sim';

export interface KeyOffsets {
  key: string;
  /** Offsets before the pass, oldest first, each marked kept or removed and tombstone or not. */
  offsets: { offset: number; kept: boolean; tombstone: boolean }[];
}

/** The keys with the most recently written records first, at most `limit` of them. */
export function keyHistory(before: CompactionView, after: CompactionView, limit = 20): KeyOffsets[] {
  const survivors = new Set(after.records.map((r) => r.offset));
  const byKey = new Map<string, KeyOffsets>();
  const newest = new Map<string, number>();
  for (const r of before.records) {
    if (r.key === null) continue;
    let k = byKey.get(r.key);
    if (!k) byKey.set(r.key, (k = { key: r.key, offsets: [] }));
    k.offsets.push({ offset: r.offset, kept: survivors.has(r.offset) || r.offset >= after.logEnd, tombstone: r.value === null });
    newest.set(r.key, r.offset);
  }
  return [...byKey.values()].sort((a, b) => newest.get(b.key)! - newest.get(a.key)!).slice(0, limit);
}
