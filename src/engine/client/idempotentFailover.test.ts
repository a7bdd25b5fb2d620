// An idempotent producer across a leader failover (Kafka enable.idempotence, KIP-98): sends
// queued while the partition has no leader are retried, reach the new leader in any order, and
// the leader accepts only the next sequence, so every record is written once and in send order.
// The Java producer retries OUT_OF_ORDER_SEQUENCE_NUMBER for a batch that is not the next one
// to be acknowledged (an earlier batch is still on its way), and the broker refuses a batch of
// an older producer epoch with INVALID_PRODUCER_EPOCH rather than taking it as a gap.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { readAll } from '../testing/helpers';

describe('idempotent producer across a failover', () => {
  it('sends in flight when the leader crashes are written once each, in send order, after the election', async () => {
    const cluster = await createCluster({ brokers: 3, clock: 'virtual', seed: 3, cleanerIntervalMs: 0, replication: { brokerSessionTimeoutMs: 1_000, autoLeaderRebalance: false } });
    await cluster.admin().createTopics({ topics: [{ topic: 't', numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }] });
    const producer = cluster.producer({ idempotent: true, retries: Infinity });
    await producer.connect();
    const sends: Promise<unknown>[] = [];
    const outcomes: string[] = [];
    for (let i = 0; i < 80; i++) {
      const s = producer.send({ topic: 't', acks: -1, messages: [{ key: 'k', value: String(i) }] });
      s.then(
        () => outcomes.push('ok'),
        (e: Error & { code?: string }) => outcomes.push(e.code ?? e.message),
      );
      sends.push(s);
      if (i === 20) cluster.crashBroker(cluster.snapshot().partitions[0]!.leader!);
      await cluster.advance(25);
    }
    await cluster.advance(30_000);
    await Promise.allSettled(sends);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
    const values = (await readAll(cluster, 't')).map((r) => Number(r.value));
    expect(values).toEqual(Array.from({ length: 80 }, (_, i) => i));
    await cluster.close();
  });
});
