// The Jepsen-style checker on its own: given, per partition, the acknowledged record ids in the
// order they were sent and the ids read back from the final log, count what Kafka's guarantees
// forbid (lost acknowledged records, reordering within a partition) and what they allow but we
// report (records written twice, records the consumers never received).
export interface HistoryCheck {
  acknowledged: number;
  lost: number;
  duplicatedInLog: number;
  reordered: number;
  undelivered: number;
  firstLost: { partition: number; id: number } | null;
}

export function checkHistory(partitions: readonly { ackedInSendOrder: readonly number[]; readBack: readonly number[] }[], delivered: ReadonlySet<number> | ReadonlyMap<number, unknown>): HistoryCheck {
  const out: HistoryCheck = { acknowledged: 0, lost: 0, duplicatedInLog: 0, reordered: 0, undelivered: 0, firstLost: null };
  partitions.forEach(({ ackedInSendOrder, readBack }, p) => {
    const position = new Map<number, number>();
    readBack.forEach((id, i) => {
      if (position.has(id)) out.duplicatedInLog++;
      else position.set(id, i);
      if (!delivered.has(id)) out.undelivered++;
    });
    let last = -1;
    for (const id of ackedInSendOrder) {
      out.acknowledged++;
      const at = position.get(id);
      if (at === undefined) {
        out.lost++;
        out.firstLost ??= { partition: p, id };
        continue;
      }
      if (at < last) out.reordered++;
      last = Math.max(last, at);
    }
  });
  return out;
}
