// A read model's table as the cluster holds it: the latest row per entity id on its compacted
// table topic. Each process follows the whole topic under a group of its own, so any instance
// can answer GET requests for every row, and a projector instance that takes over a partition
// in a rebalance continues from the row the previous owner wrote instead of starting again.
// Each published row says how far into each source partition it has folded (a header), so an
// event delivered again after a rebalance (at least once) is not folded twice.
import { project } from '../runtime/projector.js';
import type { ProjectorDefinition, ReadModelRow } from '../runtime/projector.js';
import type { EventEnvelope } from '../runtime/messages.js';
import type { IncomingRecord, Subscription, Transport } from './transport.js';

/** Header of a table record: the next offset to fold per source "topic:partition", as JSON. */
export const FOLDED_HEADER = 'folded-up-to';

/** Where an event was read: a record of a source topic. */
export interface SourcePosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export class TableView {
  private readonly rows = new Map<string, ReadModelRow>();
  private readonly folded = new Map<string, Record<string, string>>();

  constructor(
    private readonly transport: Transport,
    private readonly definition: ProjectorDefinition,
    /** The compacted topic holding the latest row per id. */
    readonly topic: string,
  ) {}

  /** Catches up with the table topic, then follows it under `viewGroupId` (unique per instance). */
  async start(viewGroupId: string): Promise<Subscription> {
    await this.transport.replay([this.topic], async (record) => this.observe(record));
    return this.transport.subscribe({ groupId: viewGroupId, topics: [this.topic], fromBeginning: true }, async (record) => this.observe(record));
  }

  /** Keeps a row seen on the topic unless this view already has a later version of it. */
  private observe(record: IncomingRecord): void {
    if (record.key === null) return;
    if (record.value === '') {
      this.rows.delete(record.key);
      return;
    }
    const row = JSON.parse(record.value) as ReadModelRow;
    const known = this.rows.get(record.key);
    if (known && row.version <= known.version) return;
    this.rows.set(record.key, row);
    const folded = record.headers[FOLDED_HEADER];
    if (folded !== undefined) this.folded.set(record.key, JSON.parse(folded) as Record<string, string>);
  }

  /**
   * Folds an event read at `source` into its row and returns the record to publish, or
   * undefined when the projector ignores the event or the row already folded it. The view keeps
   * the new row only when `published()` is called, once the record is on the table topic: had it
   * kept it before, a send that failed would leave the row folded here and never published, and
   * the event, delivered again, would be taken as folded already (a row one version behind on
   * the topic for good, and in every other instance).
   */
  fold(event: EventEnvelope, source?: SourcePosition): { row: ReadModelRow; headers: Record<string, string>; published(): void } | undefined {
    const id = event.aggregateId;
    const folded = { ...this.folded.get(id) };
    if (source) {
      const at = `${source.topic}:${source.partition}`;
      const next = folded[at];
      if (next !== undefined && BigInt(source.offset) < BigInt(next)) return undefined;
      folded[at] = String(BigInt(source.offset) + 1n);
    }
    const row = project(this.definition, this.rows.get(id), event);
    if (!row) return undefined;
    return {
      row,
      headers: { 'read-model': this.definition.name, [FOLDED_HEADER]: JSON.stringify(folded) },
      published: () => {
        // The view may have seen this record on the topic already (its own write): same version.
        const known = this.rows.get(id);
        if (known && known.version > row.version) return;
        this.rows.set(id, row);
        this.folded.set(id, folded);
      },
    };
  }

  get(id: string): ReadModelRow | undefined {
    return this.rows.get(id);
  }

  all(): ReadModelRow[] {
    return [...this.rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
