// What people expect of a Kafka UI (Kafka UI, Redpanda Console, Conduktor), over the running
// board's cluster: browse a topic's messages per partition (from the oldest, the newest, an
// offset or a time; filtered by key and by text), read its configs, produce a test message and
// reset a group's offsets. Reading goes to the partition logs directly — no consumer group
// joins, nothing committed — so looking never disturbs the run.
import { utf8, MAGIC_BYTE, WIRE_HEADER_BYTES, type Admin, type Cluster, type DecodedRecord, type PartitionLog, type Producer } from './engineApi';
import { InvalidSimOptionError } from './errors';
import { describeCompaction, runCleanerPass, type CleanerPassResult, type CompactionRequest, type CompactionView } from './compactionView';

/** Where a browse starts: `atMs` is simulated time since the run began. */
export type BrowseFrom = { kind: 'earliest' } | { kind: 'latest' } | { kind: 'offset'; offset: number } | { kind: 'time'; atMs: number };

export interface BrowseRequest {
  topic: string;
  /** One partition, or null for all of them. */
  partition: number | null;
  from: BrowseFrom;
  /** Messages wanted (after filtering); at most MAX_BROWSE_LIMIT. */
  limit?: number;
  /** Only messages whose key contains this (case-insensitive). */
  key?: string;
  /** Only messages whose key, value or a header contains this (case-insensitive). */
  text?: string;
}

export interface BrowsedMessage {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  /** The value pretty-printed when it is JSON, else null. */
  pretty: string | null;
  headers: { key: string; value: string | null }[];
  /** The record's timestamp (epoch milliseconds). */
  timestamp: number;
  /** The timestamp as simulated time since the run began (ms). */
  atMs: number;
}

export interface BrowsePage {
  topic: string;
  /** Oldest first when reading forward; newest first from the latest. */
  messages: BrowsedMessage[];
  /** Records read to find them (filters skip some). */
  scanned: number;
  /** The scan budget ran out before `limit` messages matched. */
  budgetReached: boolean;
  partitions: { partition: number; low: number; high: number }[];
  /** Partitions not read: no leader (every replica's broker is down), as a consumer finds them. */
  offline: number[];
}

export interface TopicConfigView {
  name: string;
  value: string;
  isDefault: boolean;
}

export interface ProduceRequest {
  topic: string;
  key: string | null;
  value: string;
  headers: { key: string; value: string }[];
  /** A partition, or null to let the key choose (Kafka's default partitioner). */
  partition: number | null;
}

export type ResetTarget = { kind: 'earliest' } | { kind: 'latest' } | { kind: 'offset'; offset: number } | { kind: 'time'; atMs: number };

export interface ResetRequest {
  groupId: string;
  topic: string;
  /** One partition, or null for every partition of the topic. */
  partition: number | null;
  to: ResetTarget;
}

export interface ResetResult {
  partitions: { partition: number; before: string; after: string }[];
}

/** The calls the page makes on the running board's cluster (answered by the worker). */
export interface KafkaConsoleApi {
  browse(request: BrowseRequest): Promise<BrowsePage>;
  topicConfigs(topic: string): Promise<TopicConfigView[]>;
  produce(request: ProduceRequest): Promise<{ partition: number; offset: string }>;
  resetOffsets(request: ResetRequest): Promise<ResetResult>;
  /** A partition's log as compaction sees it (segments, clean/dirty boundary, dirty ratio, keys). */
  compaction(request: CompactionRequest): Promise<CompactionView>;
  /** One cleaner pass now, with the partition before and after it. */
  runCleaner(request: CompactionRequest): Promise<CleanerPassResult>;
}

export const DEFAULT_BROWSE_LIMIT = 50;
export const MAX_BROWSE_LIMIT = 500;
/** Records a browse reads at most per partition looking for matches (keeps an answer under ~100 ms). */
export const BROWSE_SCAN_BUDGET = 20_000;
/** Values longer than this are cut in the browser (the record itself is untouched). */
export const MAX_VALUE_CHARS = 64 * 1024;
const READ_CHUNK = 500;
/** What a fetch from a partition without a serving leader is refused with (or no leader log at all). */
const OFFLINE = new Set(['LEADER_NOT_AVAILABLE', 'BROKER_NOT_AVAILABLE', 'NOT_LEADER_OR_FOLLOWER', 'ILLEGAL_STATE']);

export class KafkaConsole implements KafkaConsoleApi {
  private readonly admin: Admin;
  private producer: Producer | null = null;

  constructor(
    private readonly cluster: Cluster,
    /** Epoch milliseconds of simulated time 0 (the run's records are stamped from it). */
    private readonly epochMs: number,
  ) {
    this.admin = cluster.admin();
  }

  compaction(req: CompactionRequest): Promise<CompactionView> {
    return describeCompaction(this.cluster, req, this.valueText);
  }

  runCleaner(req: CompactionRequest): Promise<CleanerPassResult> {
    return runCleanerPass(this.cluster, req, this.valueText);
  }

  async browse(req: BrowseRequest): Promise<BrowsePage> {
    const topic = this.cluster.engine.topic(req.topic);
    const limit = Math.max(1, Math.min(MAX_BROWSE_LIMIT, Math.floor(req.limit ?? DEFAULT_BROWSE_LIMIT)));
    if (req.partition !== null) this.cluster.engine.log(req.topic, req.partition); // throws UNKNOWN_TOPIC_OR_PARTITION
    const wanted = req.partition === null ? topic.partitions : [topic.partitions[req.partition]!];
    const match = matcher(req.key, req.text, this.valueText);
    const partitions: BrowsePage['partitions'] = [];
    const found: BrowsedMessage[] = [];
    let scanned = 0;
    let budgetReached = false;
    const offline: number[] = [];
    for (const p of wanted) {
      const log = this.readable(req.topic, p.partition);
      if (!log) {
        offline.push(p.partition);
        continue;
      }
      const low = log.logStartOffset;
      const high = log.highWatermark;
      partitions.push({ partition: p.partition, low, high });
      const got = req.from.kind === 'latest' ? await this.readBackward(log, low, high, limit, match) : await this.readForward(log, await this.startOf(req.from, req.topic, p.partition, low, high), high, limit, match);
      scanned += got.scanned;
      budgetReached ||= got.budgetReached;
      for (const r of got.records) found.push(this.view(p.partition, r));
    }
    const byTime = (a: BrowsedMessage, b: BrowsedMessage) => a.timestamp - b.timestamp || a.partition - b.partition || a.offset - b.offset;
    found.sort(byTime);
    const messages = req.from.kind === 'latest' ? found.slice(-limit).reverse() : found.slice(0, limit);
    return { topic: req.topic, messages, scanned, budgetReached, partitions, offline };
  }

  /** The leader's log when a consumer could fetch from it now; null while the partition has no serving leader. */
  private readable(topic: string, partition: number): PartitionLog | null {
    const engine = this.cluster.engine;
    try {
      return engine.cluster.fetchLog(topic, partition, engine.log(topic, partition).logStartOffset);
    } catch (e) {
      if (OFFLINE.has((e as { code?: string }).code ?? '')) return null;
      throw e;
    }
  }

  private async startOf(from: Exclude<BrowseFrom, { kind: 'latest' }>, topic: string, partition: number, low: number, high: number): Promise<number> {
    if (from.kind === 'earliest') return low;
    if (from.kind === 'offset') return Math.min(high, Math.max(low, Math.floor(from.offset)));
    const at = (await this.admin.fetchTopicOffsetsByTimestamp(topic, this.epochMs + from.atMs)).find((x) => x.partition === partition);
    return Math.min(high, Math.max(low, Number(at?.offset ?? high)));
  }

  private async readForward(log: ReadableLog, from: number, high: number, limit: number, match: Match): Promise<Scan> {
    const records: Rec[] = [];
    let scanned = 0;
    for (let at = from; at < high && records.length < limit; ) {
      if (scanned >= BROWSE_SCAN_BUDGET) return { records, scanned, budgetReached: true };
      const batch = await log.read(at, { maxRecords: READ_CHUNK });
      if (batch.length === 0) break;
      for (const r of batch) {
        if (r.offset >= high) break;
        scanned++;
        if (match(r) && records.length < limit) records.push(r);
      }
      at = batch[batch.length - 1]!.offset + 1;
    }
    return { records, scanned, budgetReached: false };
  }

  /** The newest `limit` matches: ranges read backwards from the high watermark. */
  private async readBackward(log: ReadableLog, low: number, high: number, limit: number, match: Match): Promise<Scan> {
    let records: Rec[] = [];
    let scanned = 0;
    for (let end = high; end > low && records.length < limit; ) {
      if (scanned >= BROWSE_SCAN_BUDGET) return { records, scanned, budgetReached: true };
      const start = Math.max(low, end - READ_CHUNK);
      const inRange: Rec[] = [];
      for (let at = start; at < end; ) {
        const batch = await log.read(at, { maxRecords: end - at });
        if (batch.length === 0) break;
        for (const r of batch) {
          if (r.offset >= end) break;
          scanned++;
          if (match(r)) inRange.push(r);
        }
        at = batch[batch.length - 1]!.offset + 1;
      }
      records = [...inRange, ...records];
      end = start;
    }
    return { records: records.slice(-limit), scanned, budgetReached: false };
  }

  /** A value as text: one in Confluent's wire format (an event under its registered schema) decoded to JSON. */
  private readonly valueText = (bytes: Uint8Array): string => {
    if (bytes.length < WIRE_HEADER_BYTES || bytes[0] !== MAGIC_BYTE) return utf8(bytes);
    try {
      return JSON.stringify(this.cluster.schemaRegistry.deserialize(bytes));
    } catch {
      return utf8(bytes);
    }
  };

  private view(partition: number, r: Rec): BrowsedMessage {
    const value = r.value === null ? null : cut(this.valueText(r.value));
    return {
      partition,
      offset: r.offset,
      key: r.key === null ? null : utf8(r.key),
      value,
      pretty: value === null ? null : prettyJson(value),
      headers: r.headers.map(([key, v]) => ({ key, value: v === null ? null : utf8(v) })),
      timestamp: r.timestamp,
      atMs: r.timestamp - this.epochMs,
    };
  }

  async topicConfigs(topic: string): Promise<TopicConfigView[]> {
    const { resources } = await this.admin.describeConfigs({ resources: [{ type: 2, name: topic }] });
    return resources[0]!.configEntries.map((e) => ({ name: e.configName, value: e.configValue, isDefault: e.isDefault }));
  }

  /** One record, acknowledged by the partition's leader (acks=1), stamped with the run's simulated time. */
  async produce(req: ProduceRequest): Promise<{ partition: number; offset: string }> {
    const names = req.headers.map((h) => h.key.trim());
    if (names.some((n) => n === '')) throw new InvalidSimOptionError('Every header needs a name: fill it in or remove the header.', { headers: names });
    if (!this.producer) {
      this.producer = this.cluster.producer();
      await this.producer.connect();
    }
    const headers: Record<string, string> = {};
    req.headers.forEach((h, i) => (headers[names[i]!] = h.value));
    const [meta] = await this.producer.send({
      topic: req.topic,
      acks: 1,
      messages: [{ key: req.key, value: req.value, headers, timestamp: String(this.epochMs + this.cluster.now()), ...(req.partition === null ? {} : { partition: req.partition }) }],
    });
    return { partition: meta!.partition, offset: meta!.baseOffset ?? '0' };
  }

  /**
   * kafka-consumer-groups --reset-offsets --execute: earliest, latest, an offset (clamped to the
   * partition's range, as the tool does) or a time (the first record at or after it). Refused
   * while the group has members, with Kafka's error (admin.setOffsets).
   */
  async resetOffsets(req: ResetRequest): Promise<ResetResult> {
    const ranges = await this.admin.fetchTopicOffsets(req.topic);
    const chosen = req.partition === null ? ranges : ranges.filter((r) => r.partition === req.partition);
    if (chosen.length === 0) this.cluster.engine.log(req.topic, req.partition ?? 0); // throws UNKNOWN_TOPIC_OR_PARTITION
    const byTime = req.to.kind === 'time' ? await this.admin.fetchTopicOffsetsByTimestamp(req.topic, this.epochMs + req.to.atMs) : [];
    const to = req.to;
    const targets = chosen.map((r) => {
      const low = Number(r.low);
      const high = Number(r.high);
      const n = to.kind === 'earliest' ? low : to.kind === 'latest' ? high : to.kind === 'offset' ? Math.min(high, Math.max(low, Math.floor(to.offset))) : Number(byTime.find((b) => b.partition === r.partition)?.offset ?? high);
      return { partition: r.partition, offset: String(n) };
    });
    const [before] = await this.admin.fetchOffsets({ groupId: req.groupId, topics: [req.topic] });
    await this.admin.setOffsets({ groupId: req.groupId, topic: req.topic, partitions: targets });
    return { partitions: targets.map((t) => ({ partition: t.partition, before: before?.partitions.find((p) => p.partition === t.partition)?.offset ?? '-1', after: t.offset })) };
  }
}

type ReadableLog = PartitionLog;
type Rec = DecodedRecord;
type Match = (r: Rec) => boolean;
interface Scan {
  records: Rec[];
  scanned: number;
  budgetReached: boolean;
}

function matcher(key: string | undefined, text: string | undefined, valueText: (bytes: Uint8Array) => string): Match {
  const k = key?.trim().toLowerCase() ?? '';
  const t = text?.trim().toLowerCase() ?? '';
  if (!k && !t) return () => true;
  return (r) => {
    const keyText = r.key === null ? '' : utf8(r.key).toLowerCase();
    if (k && !keyText.includes(k)) return false;
    if (!t) return true;
    if (keyText.includes(t)) return true;
    if (r.value !== null && valueText(r.value).toLowerCase().includes(t)) return true;
    return r.headers.some(([hk, hv]) => hk.toLowerCase().includes(t) || (hv !== null && utf8(hv).toLowerCase().includes(t)));
  };
}

/** JSON values indented by two spaces; null when the value is not a JSON object or array. */
export function prettyJson(value: string): string | null {
  const s = value.trim();
  if (!(s.startsWith('{') || s.startsWith('['))) return null;
  try {
    return JSON.stringify(JSON.parse(s), null, 2);
  } catch {
    return null;
  }
}

function cut(s: string): string {
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}… (${s.length.toLocaleString('en-US')} characters, cut)` : s;
}
