// Every replica of every partition is a PartitionLog with its own storage: with IndexedDB and
// three brokers each replica is durable on its own, a reopen brings every replica back as it
// was, a crash in the middle of a write leaves no torn batch and loses nothing acknowledged
// (the leader's append is flushed before the answer), and the cleaner compacts followers by
// the same rules as the leader.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type ClusterOptions } from '../index';
import { openDatabase } from '../storage/idbBackend';
import { readConsumed } from './records';

const TOPIC = 'orders';

function options(factory: IDBFactory | null, beforeCommit?: () => void): ClusterOptions {
  return {
    brokers: 3,
    clock: 'virtual',
    cleanerIntervalMs: 0,
    ...(factory ? { storage: { indexedDB: factory, IDBKeyRange, name: 'replicas-test', ...(beforeCommit ? { beforeCommit } : {}) } } : {}),
  };
}

/** Sends and keeps the virtual clock moving until every send has an answer; returns the acknowledged values. */
async function sendAll(cluster: Cluster, values: string[], partitions: number): Promise<{ acked: string[]; failed: number }> {
  // No retries: a send the storage refused fails at once (retries are the producer's own tests).
  const producer = cluster.producer({ retries: 0 });
  await producer.connect();
  const acked: string[] = [];
  let failed = 0;
  let open = 0;
  for (const [i, value] of values.entries()) {
    open++;
    producer
      .send({ topic: TOPIC, acks: -1, messages: [{ key: `k${i % 5}`, value, partition: i % partitions }] })
      .then(() => acked.push(value), () => failed++)
      .finally(() => open--);
    if (i % 10 === 9) await cluster.advance(5);
  }
  for (let i = 0; i < 200 && open > 0; i++) await cluster.advance(5);
  expect(open).toBe(0);
  return { acked, failed };
}

/** Every replica's records (offset, key, value) up to its log end, per partition and broker. */
async function replicaLogs(cluster: Cluster, partitions: number): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (let p = 0; p < partitions; p++) {
    for (const [broker, log] of cluster.engine.partition(TOPIC, p).logs) {
      const records = log.logEndOffset > log.logStartOffset ? await log.read(log.logStartOffset, { isolation: 'logEnd', maxBytes: Infinity }) : [];
      out[`${p}@${broker}`] = records.map((r) => `${r.offset}:${r.key?.toString()}=${r.value?.toString()}`);
    }
  }
  return out;
}

describe('every replica is a durable PartitionLog (three brokers, IndexedDB)', () => {
  it('reopening gives every replica the same log, and the followers hold what the leader holds', async () => {
    const factory = new IDBFactory();
    const c1 = await createCluster(options(factory));
    await c1.admin().createTopics({ topics: [{ topic: TOPIC, numPartitions: 3, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }, { name: 'segment.bytes', value: '2000' }] }] });
    const { acked } = await sendAll(c1, Array.from({ length: 90 }, (_, i) => `v${i}`), 3);
    expect(acked).toHaveLength(90);
    await c1.advance(2_000); // the followers' log flush (log.flush.interval.ms) runs
    const before = await replicaLogs(c1, 3);
    expect(Object.keys(before)).toHaveLength(9);
    for (let p = 0; p < 3; p++) for (const b of [1, 2, 3]) expect(before[`${p}@${b}`]).toHaveLength(30);
    await c1.close();

    const c2 = await createCluster(options(factory));
    expect(await replicaLogs(c2, 3)).toEqual(before);
    await c2.close();
  });

  it('records appended between flushes are stored as a few chunks of kilobytes, not one value per request', async () => {
    const factory = new IDBFactory();
    // As a stored run: answers do not wait for storage, and logs are flushed at checkpoints.
    const o: ClusterOptions = { ...options(factory), replication: { flushIntervalMessages: Number.MAX_SAFE_INTEGER, flushIntervalMs: 600_000 } };
    const c1 = await createCluster(o);
    await c1.admin().createTopics({ topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }] });
    const { acked } = await sendAll(c1, Array.from({ length: 600 }, (_, i) => `value-${i}`.padEnd(40, '.')), 1);
    expect(acked).toHaveLength(600);
    await c1.advance(100);
    const logs = [...c1.engine.partition(TOPIC, 0).logs.values()];
    await Promise.all(logs.map((l) => l.flush()));
    const bytes = logs[0]!.sizeInBytes();
    // The followers' chunks are views of the leader's bytes, not copies.
    const leader = c1.engine.log(TOPIC, 0);
    for (const l of logs) expect(l.segments[0]!.chunks[0]!.data!.buffer).toBe(leader.segments[0]!.chunks[0]!.data!.buffer);
    const before = await replicaLogs(c1, 1);
    await c1.close();
    const db = await openDatabase(factory, 'replicas-test');
    const stored = await db.count('chunks');
    db.close();
    // 600 requests on each of 3 replicas; chunks of up to 16 KiB instead.
    expect(stored).toBeLessThanOrEqual(3 * Math.ceil(bytes / 8192));
    const c2 = await createCluster(o);
    expect(await replicaLogs(c2, 1)).toEqual(before);
    // It goes on from there: more appends, another flush, reopened again.
    const more = await sendAll(c2, ['after-1', 'after-2'], 1);
    expect(more.acked).toHaveLength(2);
    await c2.advance(100);
    await Promise.all([...c2.engine.partition(TOPIC, 0).logs.values()].map((l) => l.flush()));
    const again = await replicaLogs(c2, 1);
    await c2.close();
    const c3 = await createCluster(o);
    expect(await replicaLogs(c3, 1)).toEqual(again);
    expect(again['0@1']!.slice(-1)[0]).toMatch(/=after-2$/);
    await c3.close();
  });

  it('a reopen starts each replica at its checkpointed high watermark, not at its log end (replication-offset-checkpoint)', async () => {
    const factory = new IDBFactory();
    const o: ClusterOptions = { ...options(factory), replication: { flushIntervalMessages: Number.MAX_SAFE_INTEGER, flushIntervalMs: 600_000 } };
    const c1 = await createCluster(o);
    await c1.admin().createTopics({ topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }] });
    expect((await sendAll(c1, ['a', 'b', 'c'], 1)).acked).toHaveLength(3);
    // acks=1: the leader answers at once, and with time standing still no follower fetches it.
    const producer = c1.producer({ retries: 0 });
    await producer.connect();
    await producer.send({ topic: TOPIC, acks: 1, messages: [{ key: 'k', value: 'd', partition: 0 }] });
    const leaderId = c1.engine.partition(TOPIC, 0).leader;
    const leader = c1.engine.log(TOPIC, 0);
    expect([leader.highWatermark, leader.logEndOffset]).toEqual([3, 4]);
    await c1.saveHighWatermarks();
    await Promise.all([...c1.engine.partition(TOPIC, 0).logs.values()].map((l) => l.flush()));
    await c1.close();

    const c2 = await createCluster(o);
    const reopened = c2.engine.partition(TOPIC, 0).logs.get(leaderId)!;
    expect([reopened.highWatermark, reopened.logEndOffset]).toEqual([3, 4]);
    // Once the followers fetch it, the fourth record is committed as it would have been.
    await c2.advance(1_000);
    expect(c2.engine.log(TOPIC, 0).highWatermark).toBe(4);
    await c2.close();
  });

  it('batches packed into one chunk are still decoded once for every group that reads them', async () => {
    const factory = new IDBFactory();
    const c = await createCluster({ ...options(factory), replication: { flushIntervalMessages: Number.MAX_SAFE_INTEGER, flushIntervalMs: 600_000 } });
    await c.admin().createTopics({ topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 3 }] });
    await sendAll(c, Array.from({ length: 30 }, (_, i) => `v${i}`), 1);
    await c.advance(100);
    const log = c.engine.cluster.fetchLog(TOPIC, 0, 0);
    expect(log.segments[0]!.chunks.length).toBeLessThan(30);
    const first = await readConsumed(log, 0, 100);
    const second = await readConsumed(log, 0, 100);
    expect(first).toHaveLength(30);
    expect(second.every((r, i) => r === first[i])).toBe(true);
    await c.close();
  });

  it('a crash in the middle of a write leaves no torn batch and loses no acknowledged record', async () => {
    const factory = new IDBFactory();
    let commits = 0;
    let crashed = false;
    // The worker dies during the 12th storage transaction: it and everything after it never commit.
    const c1 = await createCluster(
      options(factory, () => {
        if (++commits >= 12) crashed = true;
        if (crashed) throw new Error('worker terminated');
      }),
    );
    await c1.admin().createTopics({ topics: [{ topic: TOPIC, numPartitions: 2, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }] });
    const { acked, failed } = await sendAll(c1, Array.from({ length: 80 }, (_, i) => `v${i}`), 2);
    expect(crashed).toBe(true);
    expect(acked.length).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
    await c1.close();

    const c2 = await createCluster(options(factory));
    const values = new Set<string>();
    for (let p = 0; p < 2; p++) {
      const log = c2.engine.log(TOPIC, p);
      const records = await log.read(log.logStartOffset, { isolation: 'logEnd', maxBytes: Infinity });
      // Whole batches only, offsets dense from the log start.
      expect(records.map((r) => r.offset)).toEqual(Array.from({ length: log.logEndOffset - log.logStartOffset }, (_, i) => log.logStartOffset + i));
      for (const r of records) values.add(r.value!.toString());
    }
    expect(acked.filter((v) => !values.has(v))).toEqual([]);
    await c2.close();
  });
});

describe('the cleaner runs on every replica by the same rules', () => {
  it('compaction on the followers leaves exactly what it leaves on the leader', async () => {
    const cluster = await createCluster(options(null));
    await cluster.admin().createTopics({
      topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.bytes', value: '1500' }, { name: 'min.cleanable.dirty.ratio', value: '0.01' }] }],
    });
    await sendAll(cluster, Array.from({ length: 120 }, (_, i) => `v${i}`), 1);
    await cluster.advance(100);
    const before = await replicaLogs(cluster, 1);
    const report = await cluster.admin().runCleaner();
    expect(report.partitionsCompacted).toBe(3);
    const after = await replicaLogs(cluster, 1);
    expect(after['0@1']!.length).toBeLessThan(before['0@1']!.length);
    expect(after['0@2']).toEqual(after['0@1']);
    expect(after['0@3']).toEqual(after['0@1']);
    // The latest value of every key is still there, at its offset.
    for (let k = 0; k < 5; k++) expect(after['0@1']!.some((r) => r.endsWith(`k${k}=v${115 + k}`))).toBe(true);
    await cluster.close();
  });
});
