// An aggregate's event store on top of a transport: the service keeps the streams of the
// aggregates it owns in memory (rebuilt from the topic on start), checks the expected
// version there and only then produces. Commands for one aggregate id arrive on one
// partition, so one service instance owns each aggregate; a per-id lock orders local writers.
import { ConcurrencyError, MemoryEventStore } from '../runtime/eventStore.js';
import type { EventStore, Snapshot } from '../runtime/eventStore.js';
import type { EventEnvelope } from '../runtime/messages.js';
import { eventToRecord, instanceTopicName, recordToEvent, HEADER } from '../runtime/wire.js';
import type { TopicDescriptor } from './topics.js';
import type { Transport } from './transport.js';

export class TopicEventStore implements EventStore {
  private readonly local = new MemoryEventStore();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly transport: Transport,
    private readonly topic: TopicDescriptor,
    private readonly aggregateType: string,
  ) {}

  /** Topic the events of one aggregate go to. */
  topicFor(aggregateId: string): string {
    return this.topic.perInstance ? instanceTopicName(this.topic.name, aggregateId) : this.topic.name;
  }

  /** Rebuilds the local streams from what the topic already holds. */
  async restore(): Promise<void> {
    const pattern = this.topic.perInstance ? [new RegExp(`^${this.topic.name.replace(/[.-]/g, '\\$&')}\\.`)] : [this.topic.name];
    await this.transport.replay(pattern, async (record) => {
      if (record.headers[HEADER.aggregateType] !== this.aggregateType) return;
      const event = recordToEvent(record);
      const version = (await this.local.read(event.aggregateId, 0)).length;
      await this.local.append(event.aggregateId, [event], version);
    });
  }

  append(aggregateId: string, events: readonly EventEnvelope[], expectedVersion: number): Promise<number> {
    const previous = this.locks.get(aggregateId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const actual = (await this.local.read(aggregateId, 0)).length;
      if (actual !== expectedVersion) throw new ConcurrencyError(aggregateId, expectedVersion, actual);
      await this.transport.send(
        this.topicFor(aggregateId),
        events.map((e) => eventToRecord(e, this.topic.keyPrefixedByType)),
      );
      return this.local.append(aggregateId, events, expectedVersion);
    });
    this.locks.set(aggregateId, next.catch(() => undefined));
    return next;
  }

  read(aggregateId: string, fromVersion: number): Promise<EventEnvelope[]> {
    return this.local.read(aggregateId, fromVersion);
  }

  loadSnapshot(aggregateId: string): Promise<Snapshot | null> {
    return this.local.loadSnapshot(aggregateId);
  }

  saveSnapshot(snapshot: Snapshot): Promise<void> {
    return this.local.saveSnapshot(snapshot);
  }
}
