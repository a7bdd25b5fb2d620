// Shared handler runtime: a projector folds events into read-model rows keyed by entity id
// (the event's key), the table side of the stream/table duality; each new row version is
// what the compacted table topic keeps. Embedded verbatim in exported projects; imports
// nothing outside this folder.
import { merged, type EventEnvelope, type Payload } from './messages.js';

/** Row fields the board computes from events (e.g. balance = deposits - withdrawals). */
export interface ProjectorColumns {
  /** Values before the first event. */
  initial(): Payload;
  /** The computed fields after `event`, given their current values. */
  evolve(current: Readonly<Payload>, event: EventEnvelope): Payload;
}

export interface ProjectorDefinition {
  readonly name: string;
  readonly events: readonly string[];
  readonly columns?: ProjectorColumns;
}

export interface ReadModelRow {
  readonly id: string;
  /** Number of events folded into this row. */
  readonly version: number;
  readonly updatedAt: number;
  readonly lastEvent: string;
  readonly fields: Readonly<Payload>;
}

/** The row after `event`, or undefined when the projector does not listen to that event. */
export function project(def: ProjectorDefinition, row: ReadModelRow | undefined, event: EventEnvelope): ReadModelRow | undefined {
  if (!def.events.includes(event.type)) return undefined;
  // Computed columns are written last: a payload field of the same name never hides them.
  const computed = def.columns ? def.columns.evolve(merged(def.columns.initial(), pick(row?.fields, def.columns.initial())), event) : undefined;
  return {
    id: event.aggregateId,
    version: (row?.version ?? 0) + 1,
    updatedAt: event.timestamp,
    lastEvent: event.type,
    fields: merged(row?.fields, event.payload, computed),
  };
}

/** The values in `fields` of the keys `like` has. */
function pick(fields: Readonly<Payload> | undefined, like: Readonly<Payload>): Payload {
  const out: Payload = {};
  if (!fields) return out;
  for (const k of Object.keys(like)) if (Object.prototype.hasOwnProperty.call(fields, k)) out[k] = fields[k];
  return out;
}

/** An in-memory table: the latest row per entity id, as a compacted topic would keep it. */
export class ReadModelTable {
  private readonly rows = new Map<string, ReadModelRow>();

  constructor(private readonly def: ProjectorDefinition) {}

  /** Applies an event; returns the new row to publish, or undefined when ignored. */
  upsert(event: EventEnvelope): ReadModelRow | undefined {
    const row = project(this.def, this.rows.get(event.aggregateId), event);
    if (row) this.rows.set(row.id, row);
    return row;
  }

  get(id: string): ReadModelRow | undefined {
    return this.rows.get(id);
  }

  /** Puts back a row as published to the table topic (rebuilding the table from that topic). */
  load(row: ReadModelRow): void {
    this.rows.set(row.id, row);
  }

  all(): ReadModelRow[] {
    return [...this.rows.values()];
  }
}
