// An in-process transport: topics are arrays, every consumer group sees every record once, in
// order, delivered asynchronously like a real consumer; members of one group share its
// positions (the first live member gets the records, the next takes over when it stops).
// settle() waits until all delivery is done, which is what tests need. A design whose policies trigger themselves never settles,
// so delivery stops after maxDeliveries and settle() says so instead of hanging.
import type { WireRecord } from '../runtime/wire.js';
import { Transaction } from './transport.js';
import type { IncomingRecord, RecordHandler, SubscribeOptions, Subscription, TransactionalHandler, TransactionalSubscribeOptions, Transport } from './transport.js';

interface Member {
  readonly topics: readonly (string | RegExp)[];
  readonly handler: RecordHandler;
  stopped: boolean;
}

/** A consumer group: members share its positions; the first live member gets every record. */
interface Group {
  readonly members: Member[];
  /** Next offset to deliver, per topic. */
  readonly positions: Map<string, number>;
}

export class MemoryTransport implements Transport {
  private readonly topics = new Map<string, IncomingRecord[]>();
  private readonly groups = new Map<string, Group>();
  private pending: Promise<void> = Promise.resolve();
  private failures: unknown[] = [];
  private delivered = 0;
  private halted = false;

  constructor(private readonly maxDeliveries = 10_000) {}

  async send(topic: string, records: readonly WireRecord[]): Promise<void> {
    const log = this.topics.get(topic) ?? [];
    this.topics.set(topic, log);
    for (const r of records) log.push({ ...r, topic, partition: 0, offset: String(log.length) });
    this.schedule();
  }

  async subscribe(options: SubscribeOptions, handler: RecordHandler): Promise<Subscription> {
    let group = this.groups.get(options.groupId);
    if (!group) {
      group = { members: [], positions: new Map() };
      // As with KafkaTransport, a new group reads from the beginning unless told otherwise.
      if (options.fromBeginning === false) for (const [topic, log] of this.topics) group.positions.set(topic, log.length);
      this.groups.set(options.groupId, group);
    }
    const member: Member = { topics: options.topics, handler, stopped: false };
    group.members.push(member);
    this.schedule();
    return {
      stop: async () => {
        member.stopped = true;
        // The next member of the group takes over where this one stopped.
        this.schedule();
      },
    };
  }

  /** One process owns every partition, so nothing is fenced: the sends happen after the handler succeeds. */
  async subscribeTransactional(options: TransactionalSubscribeOptions, handler: TransactionalHandler): Promise<Subscription> {
    let owner: Promise<void> | null = null;
    return this.subscribe(options, async (record) => {
      owner ??= options.onTakeover?.() ?? Promise.resolve();
      await owner;
      const transaction = new Transaction();
      await handler(record, transaction);
      for (const { topic, records } of transaction.sends) await this.send(topic, records);
      await transaction.committed();
    });
  }

  async replay(topics: readonly (string | RegExp)[], handler: RecordHandler, from?: ReadonlyMap<string, string>): Promise<void> {
    for (const [topic, log] of this.topics) {
      if (!matches(topics, topic)) continue;
      for (const record of log.slice(Number(from?.get(`${topic}:0`) ?? 0))) await handler(record);
    }
  }

  /**
   * Resolves once every record sent so far (and every record those caused) is handled, or
   * once maxDeliveries records were delivered (then `halted` is true: a policy cycle keeps
   * the flow going). Rethrows the first handler failure.
   */
  async settle(): Promise<{ delivered: number; halted: boolean }> {
    for (;;) {
      const current = this.pending;
      await current;
      if (current === this.pending) break;
    }
    if (this.failures.length > 0) {
      const [first] = this.failures;
      this.failures = [];
      throw first;
    }
    return { delivered: this.delivered, halted: this.halted };
  }

  /** Every record of a topic, for inspection. */
  records(topic: string): readonly IncomingRecord[] {
    return this.topics.get(topic) ?? [];
  }

  topicNames(): string[] {
    return [...this.topics.keys()];
  }

  async close(): Promise<void> {
    for (const g of this.groups.values()) for (const m of g.members) m.stopped = true;
    await this.pending;
  }

  private schedule(): void {
    this.pending = this.pending.then(() => this.deliver());
  }

  private async deliver(): Promise<void> {
    for (let progressed = true; progressed; ) {
      progressed = false;
      for (const group of this.groups.values()) {
        const member = group.members.find((m) => !m.stopped);
        if (!member) continue;
        for (const [topic, log] of this.topics) {
          if (!matches(member.topics, topic)) continue;
          const at = group.positions.get(topic) ?? 0;
          const record = log[at];
          if (!record) continue;
          if (this.delivered >= this.maxDeliveries) {
            this.halted = true;
            return;
          }
          this.delivered++;
          group.positions.set(topic, at + 1);
          progressed = true;
          try {
            await member.handler(record);
          } catch (err) {
            this.failures.push(err);
          }
        }
      }
    }
  }
}

function matches(patterns: readonly (string | RegExp)[], topic: string): boolean {
  return patterns.some((p) => (typeof p === 'string' ? p === topic : p.test(topic)));
}
