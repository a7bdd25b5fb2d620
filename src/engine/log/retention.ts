// Time- and size-based retention as Kafka's log manager does it: whole segments only, oldest
// first, stopping at the first segment that must stay, and never the active segment. The log
// start offset moves to the first remaining segment.
import type { TopicConfig } from './topicConfig';
import { LeaderEpochCache } from './leaderEpochCache';
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
      const expired = deleting && retentionMs >= 0 && s.maxTimestamp < now - retentionMs;
      const oversize = deleting && retentionBytes >= 0 && excess - s.size >= 0;
      if (!(belowStart || expired || oversize)) break;
      drop.push(s);
      if (retentionBytes >= 0) excess -= s.size;
    }
    if (drop.length === 0) return 0;
    const before = log.segments;
    log.segments = log.segments.slice(drop.length);
    const oldStart = log.logStartOffset;
    log.logStartOffset = Math.max(log.logStartOffset, log.segments[0]!.baseOffset);
    try {
      await log.commit({ deleteSegments: drop.map((s) => s.baseOffset), meta: { ...log.meta(), epochs: epochsAfter(log) } });
    } catch (e) {
      log.segments = before;
      log.logStartOffset = oldStart;
      throw e;
    }
    log.epochs.truncateFromStart(log.logStartOffset);
    if (log.highWatermark < log.logStartOffset) log.setHighWatermark(log.logStartOffset);
    for (const s of drop) for (const c of s.chunks) log.forgetChunk(c);
    return drop.length;
  });
}

function epochsAfter(log: PartitionLog) {
  const copy = new LeaderEpochCache(log.epochs.toJSON());
  copy.truncateFromStart(log.logStartOffset);
  return copy.toJSON();
}

/** admin.deleteRecords: moves the log start offset; segments wholly below it go at once. */
export async function deleteRecordsBefore(log: PartitionLog, offset: number): Promise<number> {
  await log.exclusive(async () => {
    if (offset <= log.logStartOffset) return;
    const old = log.logStartOffset;
    log.logStartOffset = offset;
    try {
      await log.commit({ meta: log.meta() });
    } catch (e) {
      log.logStartOffset = old;
      throw e;
    }
  });
  return log.logStartOffset;
}
