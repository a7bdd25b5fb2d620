// Committed offsets live in the internal compacted topic __consumer_offsets, as in Kafka: the
// key names (group, topic, partition), the value holds the offset; the partition for a group
// is Java's groupId.hashCode() made positive modulo the partition count. A cache answers
// reads; after a reopen the group's partition is scanned once.
import { CONSUMER_OFFSETS_PARTITIONS, CONSUMER_OFFSETS_TOPIC, type Engine } from './engine';
import { encodeBatches } from '../codec/recordBatch';
import { toPositive } from '../murmur2';

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** The next offset to read (Kafka's committed offset semantics); '-1' when none. */
  offset: string;
  metadata: string | null;
}

/** Java's String.hashCode, which Kafka uses to place a group on an offsets partition. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

export const offsetsPartitionFor = (groupId: string) => toPositive(javaStringHash(groupId)) % CONSUMER_OFFSETS_PARTITIONS;

interface Entry {
  offset: string;
  metadata: string | null;
}

export class OffsetStore {
  private readonly cache = new Map<string, Map<string, Entry>>();

  constructor(private readonly engine: Engine) {}

  private async loaded(groupId: string): Promise<Map<string, Entry>> {
    let g = this.cache.get(groupId);
    if (g) return g;
    g = new Map();
    this.cache.set(groupId, g);
    const t = this.engine.topics.get(CONSUMER_OFFSETS_TOPIC);
    if (!t) return g;
    const log = this.engine.log(CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor(groupId));
    // As Kafka's group coordinator loads __consumer_offsets: up to the log end, not the high
    // watermark (a commit the leader wrote and had not yet replicated counts).
    for (let at = log.logStartOffset; at < log.logEndOffset; ) {
      const recs = await log.read(at, { isolation: 'logEnd' });
      if (recs.length === 0) break;
      for (const r of recs) {
        const key = r.key ? (JSON.parse(r.key.toString()) as { group: string; topic: string; partition: number }) : undefined;
        if (!key || key.group !== groupId) continue;
        const k = `${key.topic}\u0000${key.partition}`;
        if (r.value === null) g.delete(k);
        else g.set(k, JSON.parse(r.value.toString()) as Entry);
      }
      at = recs[recs.length - 1]!.offset + 1;
    }
    return g;
  }

  async commit(groupId: string, offsets: { topic: string; partition: number; offset: string; metadata?: string | null }[]): Promise<void> {
    await (await this.write(groupId, offsets)).acked;
  }

  /**
   * Writes the commit to the group's __consumer_offsets leader; resolves once it is there, with
   * its acknowledgement (acks=all) still to come — so commits can be written in order without
   * each waiting for the one before to replicate.
   */
  async write(groupId: string, offsets: { topic: string; partition: number; offset: string; metadata?: string | null }[]): Promise<{ acked: Promise<void> }> {
    if (offsets.length === 0) return { acked: Promise.resolve() };
    const g = await this.loaded(groupId);
    await this.engine.ensureInternalTopic(CONSUMER_OFFSETS_TOPIC, CONSUMER_OFFSETS_PARTITIONS);
    const now = this.engine.clock.now();
    const records = offsets.map((o) => ({
      key: JSON.stringify({ group: groupId, topic: o.topic, partition: o.partition }),
      value: JSON.stringify({ offset: String(o.offset), metadata: o.metadata ?? null, commitTimestamp: now }),
      timestamp: now,
    }));
    // The leader appends at once (or refuses at once); the promise answers per acks=all.
    const answer = this.engine.appendToPartition(CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor(groupId), encodeBatches(records, {}, 60 * 1024), -1, {});
    const acked = answer.then(() => {
      for (const o of offsets) g.set(`${o.topic}\u0000${o.partition}`, { offset: String(o.offset), metadata: o.metadata ?? null });
    });
    return { acked };
  }

  async fetch(groupId: string, topics?: string[]): Promise<CommittedOffset[]> {
    const g = await this.loaded(groupId);
    const out: CommittedOffset[] = [];
    const names = topics ?? [...new Set([...g.keys()].map((k) => k.split('\u0000')[0]!))];
    for (const topic of names) {
      const t = this.engine.topics.get(topic);
      const count = t ? t.partitions.length : 0;
      for (let partition = 0; partition < count; partition++) {
        const e = g.get(`${topic}\u0000${partition}`);
        out.push({ topic, partition, offset: e?.offset ?? '-1', metadata: e?.metadata ?? null });
      }
    }
    return out;
  }

  groups(): string[] {
    return [...this.cache.keys()];
  }
}
