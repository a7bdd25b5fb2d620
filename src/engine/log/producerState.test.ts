// The leader's idempotent-producer checks (Kafka's ProducerStateManager): the next sequence is
// written, a batch seen lately is answered as a duplicate, a gap is OUT_OF_ORDER_SEQUENCE_NUMBER,
// and a batch of an older epoch than the partition has seen is INVALID_PRODUCER_EPOCH.
import { describe, expect, it } from 'vitest';
import { ProducerStateTable } from './producerState';

describe('ProducerStateTable', () => {
  const batch = (firstSeq: number, count: number, baseOffset: number) => ({ firstSeq, lastSeq: firstSeq + count - 1, baseOffset, appendTime: 0 });

  it('accepts the next sequence, answers a recent batch again, refuses gaps and older epochs', () => {
    const t = new ProducerStateTable();
    expect(t.check('t', 0, 7, 0, 0, 2)).toEqual({ kind: 'new' });
    t.record(7, 0, batch(0, 2, 0));
    expect(t.check('t', 0, 7, 0, 2, 1)).toEqual({ kind: 'new' });
    t.record(7, 0, batch(2, 1, 2));
    expect(t.check('t', 0, 7, 0, 0, 2)).toEqual({ kind: 'duplicate', batch: batch(0, 2, 0) });
    expect(() => t.check('t', 0, 7, 0, 5, 1)).toThrow(expect.objectContaining({ code: 'OUT_OF_ORDER_SEQUENCE_NUMBER', retriable: false }));
    // A new epoch starts again at 0; then the old epoch's batches are refused as such.
    expect(t.check('t', 0, 7, 1, 0, 1)).toEqual({ kind: 'new' });
    t.record(7, 1, batch(0, 1, 3));
    expect(() => t.check('t', 0, 7, 0, 3, 1)).toThrow(expect.objectContaining({ code: 'INVALID_PRODUCER_EPOCH', retriable: false }));
  });
});
