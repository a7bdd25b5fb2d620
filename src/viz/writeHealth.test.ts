// The "why is it stuck" rules: a partition without a leader refuses every write; with acks=all
// a leader refuses while its ISR is below min.insync.replicas; acks=1 and acks=0 only need a leader.
import { describe, expect, it } from 'vitest';
import { writeDiagnosis, writeStateOf, writeStateText } from './writeHealth';

const part = (partition: number, leader: number | null, isr: number[], minInsync?: number) => ({ topic: 't', partition, leader, isr, ...(minInsync === undefined ? {} : { minInsync }) });

describe('writeStateOf', () => {
  it('refuses acks=all below min.insync.replicas, and only acks=all', () => {
    expect(writeStateOf(part(0, 3, [3], 2), -1)).toEqual({ kind: 'notEnoughReplicas', isr: 1, min: 2 });
    expect(writeStateOf(part(0, 3, [3, 1], 2), -1)).toEqual({ kind: 'ok' });
    expect(writeStateOf(part(0, 3, [3], 2), 1)).toEqual({ kind: 'ok' });
    expect(writeStateOf(part(0, 3, [3], 2), 0)).toEqual({ kind: 'ok' });
    expect(writeStateOf(part(0, null, [], 2), 1)).toEqual({ kind: 'offline' });
    // Where min.insync.replicas is unknown, only a missing leader refuses.
    expect(writeStateOf(part(0, 3, [3]), -1)).toEqual({ kind: 'ok' });
  });

  it('says it in the Writes cell', () => {
    expect(writeStateText(writeStateOf(part(0, 3, [3], 2), -1))).toBe('refused: ISR 1 < min 2');
    expect(writeStateText(writeStateOf(part(0, null, [], 2), -1))).toBe('refused: no leader');
    expect(writeStateText(writeStateOf(part(0, 1, [1, 2], 2), -1))).toBe('accepted');
  });
});

describe('writeDiagnosis', () => {
  it('is silent while every partition takes writes', () => {
    expect(writeDiagnosis([part(0, 1, [1, 2, 3], 2), part(1, 2, [2, 3], 2)], -1)).toBeNull();
  });

  it('names the count, the ISR, min.insync.replicas and what to do', () => {
    const text = writeDiagnosis([part(0, 3, [3], 2), part(1, 3, [3], 2), part(2, 1, [1, 3], 2)], -1);
    expect(text).toBe(
      'acks=all writes refused on 2 partitions: only 1 replica is in sync, fewer than min.insync.replicas = 2. Producers retry until a broker rejoins the ISR — start a stopped broker, or choose acks=1.',
    );
  });

  it('reports offline partitions whatever the acks', () => {
    expect(writeDiagnosis([part(0, null, [], 2), part(1, 2, [2], 2)], 1)).toBe("1 partition offline (no leader): writes to it wait until a replica's broker starts again.");
  });
});
