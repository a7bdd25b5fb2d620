// Read-back checks used by experiments and the randomized test: what the current leader of a
// partition holds up to its high watermark, and whether in-sync replicas disagree about a
// committed offset (the divergence KIP-101 removed).
import type { ClusterCore } from './clusterCore';
import { readResident, type SimRecord } from './records';

export interface Divergence {
  topic: string;
  partition: number;
  offset: number;
  brokers: [number, number];
  ids: [number, number];
}

export function readCommitted(core: ClusterCore, topic: string, partition: number): SimRecord[] {
  const p = core.partition(topic, partition);
  if (!p || p.leader === null) return [];
  const log = p.log(p.leader);
  return readResident(log, log.logStartOffset, log.highWatermark, Number.MAX_SAFE_INTEGER);
}

/** Offsets below both replicas' high watermarks where two replicas hold different records. */
export function findDivergences(core: ClusterCore): Divergence[] {
  const out: Divergence[] = [];
  for (const p of core.allPartitions()) {
    const reps = [...p.replicas];
    for (let i = 0; i < reps.length; i++) {
      for (let j = i + 1; j < reps.length; j++) {
        const a = p.log(reps[i]!);
        const b = p.log(reps[j]!);
        const upTo = Math.min(a.highWatermark, b.highWatermark, a.logEndOffset, b.logEndOffset);
        const from = Math.max(a.logStartOffset, b.logStartOffset);
        const ra = readResident(a, from, upTo, Number.MAX_SAFE_INTEGER);
        const rb = new Map(readResident(b, from, upTo, Number.MAX_SAFE_INTEGER).map((r) => [r.offset, r.id]));
        for (const r of ra) {
          const other = rb.get(r.offset);
          if (other !== undefined && other !== r.id) {
            out.push({ topic: p.topic, partition: p.partition, offset: r.offset, brokers: [reps[i]!, reps[j]!], ids: [r.id, other] });
            break;
          }
        }
      }
    }
  }
  return out;
}
