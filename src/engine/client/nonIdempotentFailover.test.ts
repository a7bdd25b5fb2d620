// A producer without idempotence (enable.idempotence=false) across a leader failover: a batch
// the new leader already holds (replicated before the crash, never acknowledged) is retried and
// written again, at a new offset, as Kafka's at-least-once producer does. The copy already in
// the log keeps its own offset: the log stamps offsets into the bytes it keeps, and followers
// share those bytes, so a retry must send a copy rather than restamp the records a log holds.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { readAll } from '../testing/helpers';

describe('non-idempotent producer across a failover', () => {
  it('duplicates a replicated, unacknowledged batch at a new offset, and every offset in the log stays its own', async () => {
    const cluster = await createCluster({ brokers: 3, clock: 'virtual', seed: 3, cleanerIntervalMs: 0, replication: { brokerSessionTimeoutMs: 1_000, autoLeaderRebalance: false } });
    await cluster.admin().createTopics({ topics: [{ topic: 't', numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }] });
    const producer = cluster.producer({ retries: Infinity });
    await producer.connect();
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 80; i++) {
      sends.push(producer.send({ topic: 't', acks: -1, messages: [{ key: 'k', value: String(i) }] }));
      if (i === 20) {
        // Record 20 reaches the followers (one hop), then its leader crashes before acknowledging it.
        await cluster.advance(1);
        cluster.crashBroker(cluster.snapshot().partitions[0]!.leader!);
      }
      await cluster.advance(25);
    }
    await cluster.advance(30_000);
    await Promise.all(sends);
    const records = await readAll(cluster, 't');
    const offsets = records.map((r) => r.offset);
    expect(offsets).toEqual(Array.from({ length: records.length }, (_, i) => i));
    const values = records.map((r) => Number(r.value));
    expect(values[20]).toBe(20);
    expect(new Set(values)).toEqual(new Set(Array.from({ length: 80 }, (_, i) => i)));
    expect(values.filter((v, i) => values.indexOf(v) !== i)).toEqual([20]);
    await cluster.close();
  });
});
