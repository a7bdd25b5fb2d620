// The bookkeeping behind the "Lost acknowledged records" and "Duplicates delivered" counters:
// every acknowledged record per partition (offset → identity: the leader epoch of the batch
// that wrote it, with the offset), checked against each newly elected leader's log — an
// acknowledged record that leader does not hold at its offset, from the same epoch, is gone for
// good (unless compaction removed it) — plus the duplicate deliveries the consumer groups report.
import type { PartitionLog } from '../log/partitionLog';
import { forEachResidentBatch, recordId } from './records';

export interface LostRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly id: number;
}

export interface DuplicateDelivery {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly id: number;
}

interface PartitionLedger {
  offsets: number[];
  ids: number[];
  /** Identities counted lost (identities are per partition). */
  lost: Set<number>;
}

const KEEP_DETAILS = 1_000;

/**
 * The counters are about the application's records: internal topics (__consumer_offsets, event
 * store snapshots) are the cluster's own bookkeeping, so a commit is not a "produced" record.
 */
export const countsAsApplication = (topic: string) => !topic.startsWith('__');

export interface LedgerCounters {
  produced: number;
  acknowledged: number;
  /** Written by a leader, but their request ended without an acknowledgement (acks=0, an error after the write). */
  unacknowledged?: number;
  consumed: number;
  lost: number;
  duplicated: number;
}

export class Ledger {
  produced = 0;
  acknowledged = 0;
  /**
   * Records a leader wrote whose request ended without an acknowledgement: acks=0, or an error
   * after the write (request timeout, leader change, ISR below min.insync.replicas after the
   * append). So produced = acknowledged + unacknowledged + what still waits for its answer.
   */
  unacknowledged = 0;
  consumed = 0;
  lostCount = 0;
  duplicateCount = 0;
  readonly lost: LostRecord[] = [];
  readonly duplicates: DuplicateDelivery[] = [];
  /** Per topic, per partition (looked up on every acknowledgement: no key string built). */
  private readonly acked = new Map<string, (PartitionLedger | undefined)[]>();

  private ledgerOf(topic: string, partition: number): PartitionLedger {
    let byPartition = this.acked.get(topic);
    if (!byPartition) this.acked.set(topic, (byPartition = []));
    let l = byPartition[partition];
    if (!l) byPartition[partition] = l = { offsets: [], ids: [], lost: new Set() };
    return l;
  }

  private find(topic: string, partition: number): PartitionLedger | undefined {
    return this.acked.get(topic)?.[partition];
  }

  /** The counters alone (a stored run keeps them; the per-record details start again). */
  counters(): LedgerCounters {
    return { produced: this.produced, acknowledged: this.acknowledged, unacknowledged: this.unacknowledged, consumed: this.consumed, lost: this.lostCount, duplicated: this.duplicateCount };
  }

  restoreCounters(c: LedgerCounters): void {
    this.produced = c.produced;
    this.acknowledged = c.acknowledged;
    this.unacknowledged = c.unacknowledged ?? 0;
    this.consumed = c.consumed;
    this.lostCount = c.lost;
    this.duplicateCount = c.duplicated;
  }

  /** A request whose records were written ended without an acknowledgement. */
  recordUnacknowledged(topic: string, count: number): void {
    if (countsAsApplication(topic)) this.unacknowledged += count;
  }

  recordAck(topic: string, partition: number, baseOffset: number, ids: readonly number[]): void {
    if (!countsAsApplication(topic)) return;
    const l = this.ledgerOf(topic, partition);
    for (let i = 0; i < ids.length; i++) {
      l.offsets.push(baseOffset + i);
      l.ids.push(ids[i]!);
    }
    this.acknowledged += ids.length;
  }

  /**
   * Compares the acknowledged records of a partition with what its (reachable) leader holds:
   * records it lacks are lost; records counted lost that a later leader holds after all (the
   * previous leader never served, e.g. it was cut off when elected) are recovered.
   */
  checkAgainstLeader(topic: string, partition: number, leaderLog: PartitionLog): { lost: LostRecord[]; recovered: LostRecord[] } {
    const l = this.find(topic, partition);
    const lost: LostRecord[] = [];
    const recovered: LostRecord[] = [];
    if (!l || l.offsets.length === 0) return { lost, recovered };
    // The leader's batches over the acknowledged range: which epoch wrote each offset.
    let from = Infinity;
    for (const o of l.offsets) if (o < from) from = o;
    const bases: number[] = [];
    const lasts: number[] = [];
    const epochs: number[] = [];
    forEachResidentBatch(leaderLog, Math.max(from, leaderLog.logStartOffset), leaderLog.logEndOffset, (_b, base, last, epoch) => {
      bases.push(base);
      lasts.push(last);
      epochs.push(epoch);
    });
    const idAt = (offset: number): number | undefined => {
      let lo = 0;
      let hi = bases.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (bases[mid]! > offset) hi = mid - 1;
        else if (lasts[mid]! < offset) lo = mid + 1;
        else return recordId(epochs[mid]!, offset);
      }
      return undefined;
    };
    for (let i = 0; i < l.offsets.length; i++) {
      const id = l.ids[i]!;
      const offset = l.offsets[i]!;
      if (offset < leaderLog.logStartOffset) continue;
      const at = idAt(offset);
      // Absent below the leader's cleaner checkpoint: compaction removed it (a later record of
      // its key replaced it) — deleted on purpose, not lost. A diverged log would hold another
      // record at that offset instead.
      if (at === undefined && offset < leaderLog.cleanerCheckpoint && !l.lost.has(id)) continue;
      const held = at === id;
      const rec = { topic, partition, offset, id };
      if (held && l.lost.has(id)) {
        l.lost.delete(id);
        this.lostCount--;
        const j = this.lost.findIndex((x) => x.id === id && x.topic === topic && x.partition === partition);
        if (j >= 0) this.lost.splice(j, 1);
        recovered.push(rec);
      } else if (!held && !l.lost.has(id)) {
        l.lost.add(id);
        this.lostCount++;
        if (this.lost.length < KEEP_DETAILS) this.lost.push(rec);
        lost.push(rec);
      }
    }
    return { lost, recovered };
  }

  /** Acknowledged records below `offset` can no longer be lost (every replica holds them, or retention removed them). */
  forgetBelow(topic: string, partition: number, offset: number): void {
    const l = this.find(topic, partition);
    if (!l || !l.offsets.some((o) => o < offset)) return;
    const offsets: number[] = [];
    const ids: number[] = [];
    for (let i = 0; i < l.offsets.length; i++) {
      if (l.offsets[i]! < offset) continue;
      offsets.push(l.offsets[i]!);
      ids.push(l.ids[i]!);
    }
    l.offsets = offsets;
    l.ids = ids;
  }

  recordDuplicate(d: DuplicateDelivery): void {
    this.duplicateCount++;
    if (this.duplicates.length < KEEP_DETAILS) this.duplicates.push(d);
  }

  isLost(topic: string, partition: number, id: number): boolean {
    return this.find(topic, partition)?.lost.has(id) ?? false;
  }

  /** Every acknowledged (offset, id) of a partition, for the read-back checkers. */
  acknowledgedIn(topic: string, partition: number): { offsets: readonly number[]; ids: readonly number[] } {
    return this.find(topic, partition) ?? { offsets: [], ids: [] };
  }
}
