// "Why is it stuck?": whether each partition's leader accepts the run's writes, and one
// sentence for the dock's status line saying what refuses them and what to do. Kafka's rules:
// no leader refuses every write (LeaderNotAvailable); with acks=all a leader refuses while the
// ISR is smaller than min.insync.replicas (NotEnoughReplicas), and producers retry.
import type { PartitionView } from '../store/simStore';

export type WriteState =
  | { kind: 'ok' }
  | { kind: 'offline' }
  | { kind: 'notEnoughReplicas'; isr: number; min: number };

export function writeStateOf(p: Pick<PartitionView, 'leader' | 'isr' | 'minInsync'>, acks: number): WriteState {
  if (p.leader === null) return { kind: 'offline' };
  if (acks === -1 && p.minInsync !== undefined && p.isr.length < p.minInsync) return { kind: 'notEnoughReplicas', isr: p.isr.length, min: p.minInsync };
  return { kind: 'ok' };
}

/** The Writes cell of a partition row. */
export function writeStateText(w: WriteState): string {
  switch (w.kind) {
    case 'ok':
      return 'accepted';
    case 'offline':
      return 'refused: no leader';
    case 'notEnoughReplicas':
      return `refused: ISR ${w.isr} < min ${w.min}`;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The status line: null while every partition takes writes; otherwise which partitions refuse
 * them, why, and what brings them back.
 */
export function writeDiagnosis(partitions: readonly Pick<PartitionView, 'topic' | 'partition' | 'leader' | 'isr' | 'minInsync'>[], acks: number): string | null {
  let offline = 0;
  let short = 0;
  let isr = Infinity;
  let min = 0;
  for (const p of partitions) {
    const w = writeStateOf(p, acks);
    if (w.kind === 'offline') offline++;
    else if (w.kind === 'notEnoughReplicas') {
      short++;
      isr = Math.min(isr, w.isr);
      min = Math.max(min, w.min);
    }
  }
  const parts: string[] = [];
  if (short > 0)
    parts.push(
      `acks=all writes refused on ${plural(short, 'partition')}: ${isr === 1 ? 'only 1 replica is' : `only ${isr} replicas are`} in sync, fewer than min.insync.replicas = ${min}. Producers retry until a broker rejoins the ISR — start a stopped broker, or choose acks=1.`,
    );
  if (offline > 0) parts.push(`${plural(offline, 'partition')} offline (no leader): writes to ${offline === 1 ? 'it' : 'them'} wait until a replica's broker starts again.`);
  return parts.length > 0 ? parts.join(' ') : null;
}
