// An aggregate's event store on top of a transport. Each service instance keeps a view of the
// aggregate streams in memory: rebuilt from the topic on start, then kept up to date by
// following the topic (so an aggregate whose partition moves here after a rebalance is
// current). An append checks the expected version against that view and only then produces;
// a per-id lock orders this instance's writers and the follower. Commands for one aggregate
// arrive on one partition, so one instance at a time decides for each aggregate. Events carry
// the id of the command that caused them (command-id header), and the view remembers which
// commands each aggregate has handled, so a command delivered again after a rebalance (Kafka
// delivers at least once) is recognised and not decided twice.
import { ConcurrencyError, MemoryEventStore } from '../runtime/eventStore.js';
import type { EventStore, Snapshot } from '../runtime/eventStore.js';
import type { EventEnvelope } from '../runtime/messages.js';
import { eventToRecord, HEADER, instanceTopicName, recordToEvent } from '../runtime/wire.js';
import type { TopicDescriptor } from './topics.js';
import type { IncomingRecord, Subscription, Transport } from './transport.js';

export class TopicEventStore implements EventStore {
  private readonly local = new MemoryEventStore();
  private readonly locks = new Map<string, Promise<unknown>>();
  /** Command ids handled per aggregate id (from the command-id header of its events). */
  private readonly handledCommands = new Map<string, Set<string>>();

  constructor(
    private readonly transport: Transport,
    private readonly topic: TopicDescriptor,
    private readonly aggregateType: string,
  ) {}

  /** Topic the events of one aggregate go to. */
  topicFor(aggregateId: string): string {
    return this.topic.perInstance ? instanceTopicName(this.topic.name, aggregateId) : this.topic.name;
  }

  private pattern(): (string | RegExp)[] {
    return this.topic.perInstance ? [new RegExp(`^${this.topic.name.replace(/[.-]/g, '\\$&')}\\.`)] : [this.topic.name];
  }

  /** Catches up with the topic, then follows it under `viewGroupId` (unique per instance). */
  async start(viewGroupId: string): Promise<Subscription> {
    await this.transport.replay(this.pattern(), (record) => this.observe(record));
    return this.transport.subscribe({ groupId: viewGroupId, topics: this.pattern(), fromBeginning: true }, (record) => this.observe(record));
  }

  /** Adds an event seen on the topic unless the view already has it (e.g. our own write). */
  private observe(record: IncomingRecord): Promise<void> {
    if (record.headers[HEADER.aggregateType] !== this.aggregateType) return Promise.resolve();
    const event = recordToEvent(record);
    return this.locked(event.aggregateId, async () => {
      const version = (await this.local.read(event.aggregateId, 0)).length;
      if (event.version !== version + 1) return;
      await this.local.append(event.aggregateId, [event], version);
      const commandId = record.headers[HEADER.commandId];
      if (commandId !== undefined) this.remember(event.aggregateId, commandId);
    });
  }

  private remember(aggregateId: string, commandId: string): void {
    const seen = this.handledCommands.get(aggregateId) ?? new Set<string>();
    seen.add(commandId);
    this.handledCommands.set(aggregateId, seen);
  }

  /** Whether events caused by this command are already in the aggregate's stream. */
  handled(aggregateId: string, commandId: string): Promise<boolean> {
    return this.locked(aggregateId, async () => this.handledCommands.get(aggregateId)?.has(commandId) ?? false);
  }

  /** This store, writing the command id on every event it appends. */
  causedBy(commandId: string): EventStore {
    return {
      append: (aggregateId, events, expectedVersion) => this.appendEvents(aggregateId, events, expectedVersion, commandId),
      read: (aggregateId, fromVersion) => this.read(aggregateId, fromVersion),
      loadSnapshot: (aggregateId) => this.loadSnapshot(aggregateId),
      saveSnapshot: (snapshot) => this.saveSnapshot(snapshot),
    };
  }

  private locked<T>(aggregateId: string, work: () => Promise<T>): Promise<T> {
    const next = (this.locks.get(aggregateId) ?? Promise.resolve()).then(work);
    this.locks.set(aggregateId, next.catch(() => undefined));
    return next;
  }

  append(aggregateId: string, events: readonly EventEnvelope[], expectedVersion: number): Promise<number> {
    return this.appendEvents(aggregateId, events, expectedVersion, null);
  }

  private appendEvents(aggregateId: string, events: readonly EventEnvelope[], expectedVersion: number, commandId: string | null): Promise<number> {
    return this.locked(aggregateId, async () => {
      const actual = (await this.local.read(aggregateId, 0)).length;
      if (actual !== expectedVersion) throw new ConcurrencyError(aggregateId, expectedVersion, actual);
      await this.transport.send(
        this.topicFor(aggregateId),
        events.map((e) => {
          const record = eventToRecord(e, this.topic.keyPrefixedByType);
          return commandId === null ? record : { ...record, headers: { ...record.headers, [HEADER.commandId]: commandId } };
        }),
      );
      if (commandId !== null) this.remember(aggregateId, commandId);
      return this.local.append(aggregateId, events, expectedVersion);
    });
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
