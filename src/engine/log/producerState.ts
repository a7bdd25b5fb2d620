// Idempotent producer bookkeeping per partition, as Kafka's ProducerStateManager: for each
// producer id the epoch, the last sequence and the last few batches, so a retried batch is
// answered with its original offsets instead of being written twice.
import { InvalidProducerEpochError, OutOfOrderSequenceError } from '../errors';

const BATCHES_KEPT = 5;

export interface ProducerBatch {
  firstSeq: number;
  lastSeq: number;
  baseOffset: number;
  appendTime: number;
}

interface Entry {
  epoch: number;
  lastSeq: number;
  batches: ProducerBatch[];
}

export type SequenceCheck = { kind: 'new' } | { kind: 'duplicate'; batch: ProducerBatch };

export class ProducerStateTable {
  private readonly entries = new Map<number, Entry>();

  check(topic: string, partition: number, pid: number, epoch: number, firstSeq: number, count: number): SequenceCheck {
    const e = this.entries.get(pid);
    if (!e || epoch > e.epoch) {
      if (firstSeq !== 0 && !e) return { kind: 'new' }; // state lost (reopen): accept, as Kafka does for unknown producers after expiry
      if (firstSeq !== 0) throw new OutOfOrderSequenceError(topic, partition, 0, firstSeq);
      return { kind: 'new' };
    }
    if (epoch < e.epoch) throw new InvalidProducerEpochError(topic, partition, epoch, e.epoch);
    const dup = e.batches.find((b) => b.firstSeq === firstSeq && b.lastSeq === firstSeq + count - 1);
    if (dup) return { kind: 'duplicate', batch: dup };
    if (firstSeq !== e.lastSeq + 1) throw new OutOfOrderSequenceError(topic, partition, e.lastSeq + 1, firstSeq);
    return { kind: 'new' };
  }

  record(pid: number, epoch: number, batch: ProducerBatch): void {
    let e = this.entries.get(pid);
    if (!e || epoch > e.epoch) this.entries.set(pid, (e = { epoch, lastSeq: -1, batches: [] }));
    e.lastSeq = batch.lastSeq;
    e.batches.push(batch);
    if (e.batches.length > BATCHES_KEPT) e.batches.shift();
  }

  /** After truncation, entries pointing past the new end are no longer true. */
  truncateTo(offset: number): void {
    for (const [pid, e] of this.entries) {
      e.batches = e.batches.filter((b) => b.baseOffset < offset);
      const last = e.batches[e.batches.length - 1];
      if (!last) this.entries.delete(pid);
      else e.lastSeq = last.lastSeq;
    }
  }
}
