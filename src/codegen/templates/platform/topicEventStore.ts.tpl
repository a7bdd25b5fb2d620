// An aggregate's event store on top of a transport. Each service instance keeps a view of the
// aggregate streams in memory: rebuilt from the topic on start, then kept up to date by
// following the topic. An append checks the expected version against that view; a per-id lock
// orders this instance's writers and the follower.
//
// Kafka cannot refuse an append at a stale version, so the store relies on a single writer per
// aggregate. Commands for one aggregate arrive on one partition of the command topic, and the
// command handler writes each command's events in a transaction of that partition's owner
// (Transport.subscribeTransactional): the instance that takes the partition over in a
// rebalance fences the previous owner (its unfinished transaction is aborted, and it cannot
// commit again), then catches up with the topic (catchUp) before deciding anything, so it
// decides on every event the previous owner committed. Events carry the id of the command that
// caused them (command-id header), and the view remembers which commands each aggregate has
// handled, so a command delivered again (committed events, offset not yet committed) is
// recognised and not decided twice.
import { ConcurrencyError, MemoryEventStore } from '../runtime/eventStore.js';
import type { EventStore, Snapshot } from '../runtime/eventStore.js';
import type { EventEnvelope } from '../runtime/messages.js';
import { eventToRecord, HEADER, instanceTopicName, recordToEvent } from '../runtime/wire.js';
import type { WireRecord } from '../runtime/wire.js';
import type { TopicDescriptor } from './topics.js';
import type { IncomingRecord, Subscription, Transaction, Transport } from './transport.js';

export class TopicEventStore implements EventStore {
  private readonly local = new MemoryEventStore();
  private readonly locks = new Map<string, Promise<unknown>>();
  /** Command ids handled per aggregate id (from the command-id header of its events). */
  private readonly handledCommands = new Map<string, Set<string>>();
  /** Next offset to read per "topic:partition": the view has seen every record before it. */
  private readonly positions = new Map<string, string>();
  /** The catch-up reading now, and the one that starts after it for those who asked meanwhile. */
  private catchingUp: Promise<void> | null = null;
  private nextCatchUp: Promise<void> | null = null;

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

  /**
   * Reads what the topic holds now past what the view has seen (after taking over a partition).
   * A read already under way may have started before the caller's takeover, so callers share
   * the next one instead: a rebalance that hands over many partitions costs two reads.
   */
  catchUp(): Promise<void> {
    if (!this.catchingUp) {
      this.catchingUp = this.transport.replay(this.pattern(), (record) => this.observe(record), this.positions).finally(() => (this.catchingUp = null));
      return this.catchingUp;
    }
    this.nextCatchUp ??= this.catchingUp
      .catch(() => undefined)
      .then(() => {
        this.nextCatchUp = null;
        return this.catchUp();
      });
    return this.nextCatchUp;
  }

  /** Adds an event seen on the topic unless the view already has it (e.g. our own write). */
  private async observe(record: IncomingRecord): Promise<void> {
    if (record.headers[HEADER.aggregateType] === this.aggregateType) {
      const event = recordToEvent(record);
      await this.applyCommitted(event.aggregateId, [event], record.headers[HEADER.commandId]);
    }
    const key = `${record.topic}:${record.partition}`;
    const next = BigInt(record.offset) + 1n;
    if (next > BigInt(this.positions.get(key) ?? '0')) this.positions.set(key, next.toString());
  }

  /** Appends committed events to the view, unless it has them already. */
  private applyCommitted(aggregateId: string, events: readonly EventEnvelope[], commandId: string | undefined): Promise<void> {
    return this.locked(aggregateId, async () => {
      const version = (await this.local.read(aggregateId, 0)).length;
      if (events[0]?.version !== version + 1) return;
      await this.local.append(aggregateId, events, version);
      if (commandId !== undefined) this.remember(aggregateId, commandId);
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

  /**
   * This store as one command's handler sees it: appends go into the transaction (with the
   * command's id on every event) and reach the view, like the snapshot, once it commits.
   */
  inTransaction(transaction: Transaction, commandId: string | undefined): EventStore {
    return {
      append: (aggregateId, events, expectedVersion) =>
        this.locked(aggregateId, async () => {
          const actual = (await this.local.read(aggregateId, 0)).length;
          if (actual !== expectedVersion) throw new ConcurrencyError(aggregateId, expectedVersion, actual);
          transaction.send(this.topicFor(aggregateId), this.records(events, commandId));
          transaction.afterCommit(() => this.applyCommitted(aggregateId, events, commandId));
          return expectedVersion + events.length;
        }),
      read: (aggregateId, fromVersion) => this.read(aggregateId, fromVersion),
      loadSnapshot: (aggregateId) => this.loadSnapshot(aggregateId),
      saveSnapshot: async (snapshot) => transaction.afterCommit(() => this.saveSnapshot(snapshot)),
    };
  }

  private records(events: readonly EventEnvelope[], commandId: string | undefined): WireRecord[] {
    return events.map((e) => {
      const record = eventToRecord(e, this.topic.keyPrefixedByType);
      return commandId === undefined ? record : { ...record, headers: { ...record.headers, [HEADER.commandId]: commandId } };
    });
  }

  private locked<T>(aggregateId: string, work: () => Promise<T>): Promise<T> {
    const next = (this.locks.get(aggregateId) ?? Promise.resolve()).then(work);
    this.locks.set(aggregateId, next.catch(() => undefined));
    return next;
  }

  /** Appends outside any transaction (no fencing): for tools and tests, not command handlers. */
  append(aggregateId: string, events: readonly EventEnvelope[], expectedVersion: number): Promise<number> {
    return this.locked(aggregateId, async () => {
      const actual = (await this.local.read(aggregateId, 0)).length;
      if (actual !== expectedVersion) throw new ConcurrencyError(aggregateId, expectedVersion, actual);
      await this.transport.send(this.topicFor(aggregateId), this.records(events, undefined));
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
