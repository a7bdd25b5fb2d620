// An in-process transport: topics are arrays, every consumer group sees every record once, in
// order, delivered asynchronously like a real consumer. settle() waits until all delivery is
// done, which is what tests need. A design whose policies trigger themselves never settles,
// so delivery stops after maxDeliveries and settle() says so instead of hanging.
import type { WireRecord } from '../runtime/wire.js';
import type { IncomingRecord, RecordHandler, SubscribeOptions, Subscription, Transport } from './transport.js';

interface Group {
  readonly options: SubscribeOptions;
  readonly handler: RecordHandler;
  /** Next offset to deliver, per topic. */
  readonly positions: Map<string, number>;
  stopped: boolean;
}

export class MemoryTransport implements Transport {
  private readonly topics = new Map<string, IncomingRecord[]>();
  private readonly groups: Group[] = [];
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
    const group: Group = { options, handler, positions: new Map(), stopped: false };
    // As with KafkaTransport, a new group reads from the beginning unless told otherwise.
    if (options.fromBeginning === false) for (const [topic, log] of this.topics) group.positions.set(topic, log.length);
    this.groups.push(group);
    this.schedule();
    return {
      stop: async () => {
        group.stopped = true;
      },
    };
  }

  async replay(topics: readonly (string | RegExp)[], handler: RecordHandler): Promise<void> {
    for (const [topic, log] of this.topics) {
      if (!matches(topics, topic)) continue;
      for (const record of [...log]) await handler(record);
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
    for (const g of this.groups) g.stopped = true;
    await this.pending;
  }

  private schedule(): void {
    this.pending = this.pending.then(() => this.deliver());
  }

  private async deliver(): Promise<void> {
    for (let progressed = true; progressed; ) {
      progressed = false;
      for (const group of this.groups) {
        if (group.stopped) continue;
        for (const [topic, log] of this.topics) {
          if (!matches(group.options.topics, topic)) continue;
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
            await group.handler(record);
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
