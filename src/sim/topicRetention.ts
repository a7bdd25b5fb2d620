// A topology topic's Kafka configs (strings, as kafkajs configEntries carry them) turned into
// the simulated cluster's retention settings, so a board's retention.ms, retention.bytes,
// segment.* and cleanup.policy apply in the run; anything absent or malformed keeps Kafka's default.
import type { TopicSpec } from '../topology';

export interface TopicRetention {
  retentionMs?: number;
  retentionBytes?: number;
  segmentBytes?: number;
  segmentMs?: number;
  cleanupPolicy?: 'delete' | 'compact' | 'compact,delete';
}

function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function topicRetention(spec: Pick<TopicSpec, 'configs'>): TopicRetention {
  const c = spec.configs;
  const out: TopicRetention = {};
  const retentionMs = num(c['retention.ms']);
  const retentionBytes = num(c['retention.bytes']);
  const segmentBytes = num(c['segment.bytes']);
  const segmentMs = num(c['segment.ms']);
  if (retentionMs !== undefined) out.retentionMs = retentionMs;
  if (retentionBytes !== undefined) out.retentionBytes = retentionBytes;
  if (segmentBytes !== undefined && segmentBytes > 0) out.segmentBytes = segmentBytes;
  if (segmentMs !== undefined && segmentMs > 0) out.segmentMs = segmentMs;
  const policy = c['cleanup.policy']?.replace(/\s/g, '').split(',').sort().join(',');
  if (policy === 'delete' || policy === 'compact' || policy === 'compact,delete') out.cleanupPolicy = policy;
  return out;
}
