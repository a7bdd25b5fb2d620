// What compaction did to one partition, read from its current leader's log: the segments (the
// active one, cleaned ones, the clean/dirty boundary at the cleaner's checkpoint), the dirty
// ratio the cleaner compares with min.cleanable.dirty.ratio, the records with their keys and
// tombstones, and the latest record per key — before and after a cleaner pass on request.
import { utf8, type Cluster, type PartitionLog } from './engineApi';
import { forEachStoredRecord } from './storedRecords';

/** Records shown per partition (the newest ones). */
export const COMPACTION_RECORDS_SHOWN = 2_000;
const VALUE_CHARS = 60;

export interface CompactionRequest {
  topic: string;
  partition: number;
}

export interface LogRecordView {
  offset: number;
  key: string | null;
  /** The value, cut to 60 characters; null for a tombstone. */
  value: string | null;
}

export interface SegmentView {
  baseOffset: number;
  /** Offset of its last record (null when compaction left it empty). */
  lastOffset: number | null;
  records: number;
  bytes: number;
  active: boolean;
  /** Rewritten by compaction at least once. */
  cleaned: boolean;
  /** Holds records at or past the cleaner's checkpoint (not cleaned since they were written). */
  dirty: boolean;
}

export interface CompactionView {
  topic: string;
  partition: number;
  at: number;
  policy: string;
  compacted: boolean;
  minCleanableDirtyRatio: number;
  deleteRetentionMs: number;
  logStart: number;
  highWatermark: number;
  logEnd: number;
  /** First offset the cleaner has not cleaned yet: the clean/dirty boundary. */
  cleanerCheckpoint: number;
  /** Dirty bytes ÷ cleanable bytes (closed segments below the high watermark); null when none is cleanable. */
  dirtyRatio: number | null;
  segments: SegmentView[];
  /** The newest records, in offset order. */
  records: LogRecordView[];
  /** Records left out before those shown. */
  omitted: number;
  /** The latest record of every key among those read, by key. */
  latest: LogRecordView[];
}

export interface CleanerPassResult {
  before: CompactionView;
  after: CompactionView;
  partitionsCompacted: number;
  recordsRemoved: number;
  segmentsDeleted: number;
}

function cut(v: string | null): string | null {
  return v === null ? null : v.length > VALUE_CHARS ? `${v.slice(0, VALUE_CHARS - 1)}…` : v;
}

/** How a value reads as text (the Kafka console decodes events in Confluent's wire format). */
export type ValueText = (bytes: Uint8Array) => string;

export async function describeCompaction(cluster: Cluster, req: CompactionRequest, valueText: ValueText = utf8): Promise<CompactionView> {
  const topic = cluster.engine.topic(req.topic);
  const log: PartitionLog = cluster.engine.log(req.topic, req.partition);
  const config = topic.config;
  const segs = log.segments;
  const counts = segs.map(() => ({ records: 0, last: null as number | null }));
  // Values are decoded only for the records shown and the latest per key.
  type Raw = { offset: number; key: string | null; value: Uint8Array | null };
  const raw: Raw[] = [];
  const latestRaw = new Map<string, Raw>();
  let seg = 0;
  let total = 0;
  await forEachStoredRecord(log, (r) => {
    while (seg + 1 < segs.length && r.offset >= segs[seg + 1]!.baseOffset) seg++;
    counts[seg]!.records++;
    counts[seg]!.last = r.offset;
    const rec = { offset: r.offset, key: r.key === null ? null : utf8(r.key), value: r.value };
    total++;
    raw.push(rec);
    if (rec.key !== null) latestRaw.set(rec.key, rec);
  });
  const decoded = new Map<Raw, LogRecordView>();
  const show = (x: Raw): LogRecordView => {
    let v = decoded.get(x);
    if (!v) decoded.set(x, (v = { offset: x.offset, key: x.key, value: x.value === null ? null : cut(valueText(x.value)) }));
    return v;
  };
  const records = raw.slice(-COMPACTION_RECORDS_SHOWN).map(show);
  const latest = new Map([...latestRaw].map(([k, x]) => [k, show(x)]));
  const hw = log.highWatermark;
  let cleanable = 0;
  let dirty = 0;
  const segments: SegmentView[] = segs.map((s, i) => {
    const c = counts[i]!;
    const active = i === segs.length - 1;
    const isDirty = c.last !== null && c.last >= log.cleanerCheckpoint;
    if (!active && segs[i + 1]!.baseOffset <= hw) {
      cleanable += s.size;
      if (isDirty) dirty += s.size;
    }
    return { baseOffset: s.baseOffset, lastOffset: c.last, records: c.records, bytes: s.size, active, cleaned: s.cleanedAt !== null, dirty: isDirty };
  });
  const policy = config['cleanup.policy'];
  return {
    topic: req.topic,
    partition: req.partition,
    at: cluster.now(),
    policy,
    compacted: policy.includes('compact'),
    minCleanableDirtyRatio: config['min.cleanable.dirty.ratio'],
    deleteRetentionMs: config['delete.retention.ms'],
    logStart: log.logStartOffset,
    highWatermark: hw,
    logEnd: log.logEndOffset,
    cleanerCheckpoint: log.cleanerCheckpoint,
    dirtyRatio: cleanable > 0 ? dirty / cleanable : null,
    segments,
    records,
    omitted: total - records.length,
    latest: [...latest.values()].sort((a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0)),
  };
}

/** One retention + compaction pass over the cluster now (admin.runCleaner), with the partition before and after. */
export async function runCleanerPass(cluster: Cluster, req: CompactionRequest, valueText: ValueText = utf8): Promise<CleanerPassResult> {
  const before = await describeCompaction(cluster, req, valueText);
  const report = await cluster.admin().runCleaner();
  const after = await describeCompaction(cluster, req, valueText);
  return { before, after, partitionsCompacted: report.partitionsCompacted, recordsRemoved: report.recordsRemoved, segmentsDeleted: report.segmentsDeleted };
}
