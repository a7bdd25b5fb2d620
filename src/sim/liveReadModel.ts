// A projector's table as the UI sees it: the runtime's ReadModelTable plus the most recently
// updated rows and the row count, kept as rows change so a snapshot never scans or sorts the
// whole table (tables grow with the run).
import { runtime } from '../topology';

const RECENT_KEPT = 32;

export class LiveReadModel {
  readonly table: runtime.ReadModelTable;
  private readonly recentRows = new Map<string, runtime.ReadModelRow>();
  count = 0;

  constructor(def: runtime.ProjectorDefinition) {
    this.table = new runtime.ReadModelTable(def);
  }

  /** Applies an event through the runtime; returns the new row, if any. */
  upsert(event: runtime.EventEnvelope): runtime.ReadModelRow | undefined {
    const row = this.table.upsert(event);
    if (!row) return undefined;
    if (row.version === 1) this.count++;
    this.recentRows.delete(row.id);
    this.recentRows.set(row.id, row);
    if (this.recentRows.size > RECENT_KEPT) this.recentRows.delete(this.recentRows.keys().next().value!);
    return row;
  }

  /** A row read back from the table topic (a stored run): it counts and shows as recent. */
  load(row: runtime.ReadModelRow): void {
    if (!this.table.get(row.id)) this.count++;
    this.table.load(row);
    this.recentRows.delete(row.id);
    this.recentRows.set(row.id, row);
    if (this.recentRows.size > RECENT_KEPT) this.recentRows.delete(this.recentRows.keys().next().value!);
  }

  /** Most recently updated first. */
  recent(limit: number): runtime.ReadModelRow[] {
    return [...this.recentRows.values()].reverse().slice(0, limit);
  }
}
