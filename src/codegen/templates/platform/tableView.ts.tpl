// A read model's table as the cluster holds it: the latest row per entity id on its compacted
// table topic. Each process follows the whole topic under a group of its own, so any instance
// can answer GET requests for every row, and a projector instance that takes over a partition
// in a rebalance continues from the row the previous owner wrote instead of starting again.
import { project } from '../runtime/projector.js';
import type { ProjectorDefinition, ReadModelRow } from '../runtime/projector.js';
import type { EventEnvelope } from '../runtime/messages.js';
import type { IncomingRecord, Subscription, Transport } from './transport.js';

export class TableView {
  private readonly rows = new Map<string, ReadModelRow>();

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
    if (!known || row.version > known.version) this.rows.set(record.key, row);
  }

  /** Folds an event into its row and returns the row to publish, or undefined when ignored. */
  upsert(event: EventEnvelope): ReadModelRow | undefined {
    const row = project(this.definition, this.rows.get(event.aggregateId), event);
    if (row) this.rows.set(row.id, row);
    return row;
  }

  get(id: string): ReadModelRow | undefined {
    return this.rows.get(id);
  }

  all(): ReadModelRow[] {
    return [...this.rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
