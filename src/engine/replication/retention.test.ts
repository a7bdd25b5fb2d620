// Retention on the replicated cluster, pinned to Kafka's behaviour: the log cleaner deletes
// whole closed segments only on every replica (never the active one, never above the high
// watermark), followers also take the leader's log start from their fetches, deleteRecords moves
// the log start, and the loss ledger forgets what retention deleted without miscounting what is
// still in the log. One rule for every cluster: topic configs through the one cleaner, plus the
// simulator's record budget.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster/createCluster';
import type { ClusterSimOptions } from './clusterConfig';
import type { ConfigEntry } from '../log/topicConfig';
import { OffsetOutOfRangeError } from '../errors';
import { encodeRecords, recordAt } from './records';
import { consumerFetch, send } from './testing';

const V = 'v';
const SEGMENT = 10; // records per segment
// A one-record batch of value V as stored (sends carry one record each).
const BYTES = encodeRecords([{ value: V }], 0)[0]!.length;
const bases = (log: { segments: { baseOffset: number }[] }) => log.segments.map((s) => s.baseOffset);

interface TopicOptions {
  retentionMs?: number;
  retentionBytes?: number;
  minInsyncReplicas?: number;
  cleanupPolicy?: 'delete' | 'compact';
}

/** Topic t on brokers 1, 2, 3 with segments of SEGMENT records; the cleaner checks every 100 ms. */
async function cluster(topic: TopicOptions = {}, extra: ClusterSimOptions = {}) {
  const c = await createCluster({
    brokers: 3,
    seed: 3,
    clock: 'virtual',
    cleanerIntervalMs: 100,
    virtualStallMs: 0,
    replication: { autoLeaderRebalance: false, brokerSessionTimeoutMs: 500, ...extra },
  });
  const configs: ConfigEntry[] = [
    { name: 'segment.bytes', value: String(SEGMENT * BYTES) },
    { name: 'min.insync.replicas', value: String(topic.minInsyncReplicas ?? 2) },
  ];
  if (topic.retentionMs !== undefined) configs.push({ name: 'retention.ms', value: String(topic.retentionMs) });
  if (topic.retentionBytes !== undefined) configs.push({ name: 'retention.bytes', value: String(topic.retentionBytes) });
  if (topic.cleanupPolicy) configs.push({ name: 'cleanup.policy', value: topic.cleanupPolicy });
  await c.engine.createTopic('t', 1, configs, 3, [[1, 2, 3]]);
  return { c, sim: c.replication };
}

const part = (c: Cluster) => c.replication.core.partition('t', 0)!;

describe('retention deletes whole segments only (Kafka: LogManager deletes closed segments, never the active one)', () => {
  it('retention.bytes=0 leaves only the active segment; the log start is a segment boundary', async () => {
    const { c, sim } = await cluster({ retentionBytes: 0 });
    for (let i = 0; i < 25; i++) send(sim, 't', 0, -1);
    await c.advance(20); // replicated: the high watermark covers all 25
    expect(bases(part(c).log(1))).toEqual([0, 10, 20]);
    await c.advance(100);
    const leader = part(c).log(1);
    expect(leader.logStartOffset).toBe(20); // not 25: the active segment [20, 25) stays
    expect(bases(leader)).toEqual([20]);
    expect(sim.offsets('t', 0)).toEqual({ low: 20, high: 25 });
    expect(() => consumerFetch(sim, 't', 0, 19)).toThrow(OffsetOutOfRangeError);
    expect(consumerFetch(sim, 't', 0, 20)).toHaveLength(5);
  });

  it('retention.bytes keeps at least that many bytes (a segment goes only if the rest still reaches the limit)', async () => {
    const { c, sim } = await cluster({ retentionBytes: 12 * BYTES });
    for (let i = 0; i < 35; i++) send(sim, 't', 0, -1);
    await c.advance(120);
    // 35 records in segments of 10: dropping [0,10) leaves 25 ≥ 12; dropping [10,20) leaves 15 ≥ 12; [20,30) would leave 5.
    expect(part(c).log(1).logStartOffset).toBe(20);
  });

  it('retention.ms deletes segments whose newest record is older than retention.ms, oldest first', async () => {
    const { c, sim } = await cluster({ retentionMs: 1_000 });
    for (let i = 0; i < 20; i++) send(sim, 't', 0, -1); // segments [0,10) [10,20) at t=0
    await c.advance(800);
    for (let i = 0; i < 15; i++) send(sim, 't', 0, -1); // [20,30) [30,35) at t=800
    await c.advance(400); // t=1200: the first two are 1.2 s old, the others 0.4 s
    expect(part(c).log(1).logStartOffset).toBe(20);
    await c.advance(1_000);
    // [20,30) expired too; [30,35) is the active segment and stays whatever its age.
    expect(part(c).log(1).logStartOffset).toBe(30);
  });

  it('never deletes a segment above the high watermark (Kafka: only segments below the high watermark are deletable)', async () => {
    const { c, sim } = await cluster({ retentionBytes: 0, minInsyncReplicas: 1 });
    await c.advance(10);
    sim.isolateBroker(2);
    sim.isolateBroker(3);
    // Cut off followers stay in the ISR until replica.lag.time.max.ms: the high watermark stays at 0.
    for (let i = 0; i < 25; i++) send(sim, 't', 0, 1);
    await c.advance(200);
    expect(part(c).log(1).highWatermark).toBe(0);
    expect(part(c).log(1).logStartOffset).toBe(0);
  });

  it('a compacted topic is not deleted by retention.ms / retention.bytes (cleanup.policy=compact)', async () => {
    const { c, sim } = await cluster({ retentionBytes: 0, cleanupPolicy: 'compact' });
    for (let i = 0; i < 25; i++) send(sim, 't', 0, -1);
    await c.advance(200);
    expect(part(c).log(1).logStartOffset).toBe(0);
  });
});

describe('followers follow the leader’s log start (Kafka: the fetch response carries logStartOffset)', () => {
  it('every replica moves its log start to the leader’s and drops the records below it', async () => {
    const { c, sim } = await cluster({ retentionBytes: 0 });
    for (let i = 0; i < 25; i++) send(sim, 't', 0, -1);
    await c.advance(120);
    for (const b of [1, 2, 3]) {
      expect(part(c).log(b).logStartOffset).toBe(20);
      expect(part(c).log(b).segments[0]!.baseOffset).toBe(20);
    }
  });

  it('a follower that was away while retention passed its log end restarts at the leader’s log start (OffsetOutOfRange → truncateFullyAndStartAt)', async () => {
    const { c, sim } = await cluster({ retentionBytes: 0, minInsyncReplicas: 1 }, { replicaLagTimeMaxMs: 200 });
    await c.advance(10);
    sim.stopBroker(3);
    for (let i = 0; i < 45; i++) send(sim, 't', 0, -1);
    await c.advance(600); // broker 3 left the ISR; the leader deleted [0, 40)
    expect(part(c).log(1).logStartOffset).toBe(40);
    expect(part(c).log(3).logEndOffset).toBe(0);
    sim.startBroker(3);
    await c.advance(1_000);
    const f = part(c).log(3);
    expect(f.logStartOffset).toBe(40);
    expect(f.logEndOffset).toBe(45);
    expect(recordAt(f, 44)!.id).toBe(recordAt(part(c).log(1), 44)!.id);
    expect(part(c).isr).toContain(3);
    expect(sim.snapshot().counters.lost).toBe(0);
  });
});

describe('deleteRecords (Kafka: DeleteRecords moves the log start to any offset up to the high watermark)', () => {
  it('moves the low watermark, refuses reads below it, caps at the high watermark, and followers follow', async () => {
    const { c, sim } = await cluster();
    for (let i = 0; i < 8; i++) send(sim, 't', 0, -1);
    await c.advance(20);
    expect(sim.deleteRecords('t', 0, 5)).toBe(5);
    expect(sim.offsets('t', 0)).toEqual({ low: 5, high: 8 });
    expect(() => consumerFetch(sim, 't', 0, 4)).toThrow(OffsetOutOfRangeError);
    expect(sim.deleteRecords('t', 0, 100)).toBe(8);
    await c.advance(10);
    for (const b of [2, 3]) expect(part(c).log(b).logStartOffset).toBe(8);
    expect(sim.core.ledger.acknowledgedIn('t', 0).offsets).toEqual([]);
  });
});

describe('the loss ledger with retention', () => {
  it('forgets acknowledged records below the log start, yet still counts a real loss above it', async () => {
    const { c, sim } = await cluster({ retentionBytes: 0, minInsyncReplicas: 1 }, { replicaLagTimeMaxMs: 30_000 });
    for (let i = 0; i < 95; i++) send(sim, 't', 0, -1);
    await c.advance(220); // deleted at the check at 100 ms, followed by the followers, forgotten at the check at 200 ms
    expect(part(c).log(1).logStartOffset).toBe(90);
    expect(sim.core.ledger.acknowledgedIn('t', 0).offsets).toEqual([90, 91, 92, 93, 94]);
    // An acks=1 record the followers never fetched: the leader dies, a clean election picks a follower without it.
    const out = send(sim, 't', 0, 1);
    expect(out.answer?.baseOffset).toBe(95);
    sim.stopBroker(1);
    await c.advance(50);
    expect(part(c).leader).not.toBe(1);
    const counters = sim.snapshot().counters;
    expect(counters.lost).toBe(1);
    expect(counters.acknowledged).toBe(96);
  });

  it('no false losses when retention deleted records before a failover', async () => {
    const { c, sim } = await cluster({ retentionBytes: 0 });
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 30; i++) send(sim, 't', 0, -1);
      await c.advance(150);
    }
    sim.stopBroker(1);
    await c.advance(50);
    sim.startBroker(1);
    await c.advance(200);
    sim.stopBroker(part(c).leader!);
    await c.advance(50);
    expect(sim.snapshot().counters.lost).toBe(0);
    expect(part(c).log(part(c).leader!).logStartOffset).toBeGreaterThan(100);
  });
});

describe('the record budget (a simulator setting, not Kafka’s: deletes oldest segments as if by retention.bytes)', () => {
  it('keeps every replica at or under its share of the budget on a long run, on a topic with days of retention', async () => {
    const c = await createCluster({ brokers: 3, seed: 5, clock: 'virtual', cleanerIntervalMs: 0, virtualStallMs: 0, replication: { recordBudget: 1_000, retentionCheckIntervalMs: 1_000 } });
    await c.engine.createTopic('a', 2, [{ name: 'min.insync.replicas', value: '2' }], 3);
    await c.engine.createTopic('b', 2, [{ name: 'min.insync.replicas', value: '2' }, { name: 'cleanup.policy', value: 'compact' }], 3);
    const sim = c.replication;
    expect(sim.core.recordsPerPartition).toBe(250);
    let most = 0;
    for (let step = 0; step < 400; step++) {
      for (const topic of ['a', 'b']) for (let p = 0; p < 2; p++) send(sim, topic, p, -1, 3);
      await c.advance(10);
      for (const p of sim.core.allPartitions()) {
        if (p.topic.startsWith('__')) continue;
        for (const r of p.replicas) most = Math.max(most, p.log(r).logEndOffset - p.log(r).logStartOffset);
      }
    }
    expect(most).toBeLessThanOrEqual(250);
    const p0 = sim.core.partition('a', 0)!;
    expect(p0.log(p0.leader!).logStartOffset).toBeGreaterThan(900);
    expect(sim.snapshot().counters.lost).toBe(0);
    expect(sim.core.ledger.acknowledgedIn('a', 0).ids.length).toBeLessThanOrEqual(250);
  });
});
