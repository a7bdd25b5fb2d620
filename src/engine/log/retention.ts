// Time- and size-based retention as Kafka's log manager does it: whole segments only, oldest
// first, stopping at the first segment that must stay, and never the active segment. The log
// start offset moves to the first remaining segment.
import type { TopicConfig } from './topicConfig';
import type { PartitionLog } from './partitionLog';
import type { Segment } from './segment';

export async function applyRetention(log: PartitionLog, config: TopicConfig, now: number): Promise<number> {
  return log.exclusive(async () => {
    const closed = log.segments.slice(0, -1);
    const drop: Segment[] = [];
    const retentionMs = config['retention.ms'];
    const retentionBytes = config['retention.bytes'];
    const deleting = config['cleanup.policy'].includes('delete');
    let excess = retentionBytes >= 0 ? log.sizeInBytes() - retentionBytes : -1;
    for (let i = 0; i < closed.length; i++) {
      const s = closed[i]!;
      const next = log.segments[i + 1]!;
      const belowStart = next.baseOffset <= log.logStartOffset;
      // Only segments wholly below the high watermark are deletable (Kafka's deletableSegments):
      // a replica never deletes what is not yet committed.
      if (!belowStart && next.baseOffset > log.highWatermark) break;
      const expired = deleting && retentionMs >= 0 && s.maxTimestamp < now - retentionMs;
      const oversize = deleting && retentionBytes >= 0 && excess - s.size >= 0;
      if (!(belowStart || expired || oversize)) break;
      drop.push(s);
      if (retentionBytes >= 0) excess -= s.size;
    }
    if (drop.length === 0) return 0;
    deleteOldestSegments(log, drop.length);
    await log.flush();
    return drop.length;
  });
}

/**
 * Deletes the `count` oldest segments at this instant (never the active one) and moves the log
 * start to the first kept segment; storage follows on the next flush.
 */
export function deleteOldestSegments(log: PartitionLog, count: number): void {
  const n = Math.min(count, log.segments.length - 1);
  if (n <= 0) return;
  const drop = log.segments.slice(0, n);
  log.segments = log.segments.slice(n);
  log.logStartOffset = Math.max(log.logStartOffset, log.segments[0]!.baseOffset);
  log.epochs.truncateFromStart(log.logStartOffset);
  if (log.highWatermark < log.logStartOffset) log.setHighWatermark(log.logStartOffset);
  if (log.flushedOffset < log.logStartOffset) log.flushedOffset = log.logStartOffset;
  const removed = drop.flatMap((s) => s.chunks.map((chunk) => ({ segmentBase: s.baseOffset, chunk })));
  log.rewrote({ deleteSegments: drop.map((s) => s.baseOffset), removed, headOnly: true });
  for (const r of removed) log.forgetChunk(r.chunk);
}

/**
 * The log start moves up to `offset` at this instant (deleteRecords, or a follower taking its
 * leader's log start from a fetch): segments wholly below it go, and reads below it are out of
 * range. Storage follows on the next flush.
 */
export function advanceLogStart(log: PartitionLog, offset: number): void {
  const to = Math.min(offset, log.logEndOffset);
  if (to <= log.logStartOffset) return;
  let whole = 0;
  while (whole < log.segments.length - 1 && log.segments[whole + 1]!.baseOffset <= to) whole++;
  if (whole > 0) deleteOldestSegments(log, whole);
  if (to > log.logStartOffset) {
    log.logStartOffset = to;
    log.epochs.truncateFromStart(to);
    if (log.highWatermark < to) log.setHighWatermark(to);
    if (log.flushedOffset < to) log.flushedOffset = to;
    log.rewrote({ headOnly: true });
  }
}

/** admin.deleteRecords: moves the log start offset; segments wholly below it go at once. */
export async function deleteRecordsBefore(log: PartitionLog, offset: number): Promise<number> {
  await log.exclusive(async () => {
    if (offset <= log.logStartOffset) return;
    log.logStartOffset = offset;
    log.rewrote({ headOnly: true });
    await log.flush();
  });
  return log.logStartOffset;
}
