// The engine of createCluster() under the replication simulation: kafkajs-shaped producers and
// admin see Kafka's replicated behaviour (acks=all waits for the ISR, NotEnoughReplicas, leader
// failover, acks=1 loss truncating what consumers can read).
import { during } from '../testing/helpers';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../index';

async function setup(minIsr = 1) {
  // createCluster attaches the bridge (attachReplication) for brokers ≥ 2.
  const cluster = await createCluster({ brokers: 3, clock: 'virtual', seed: 4, cleanerIntervalMs: 0, replication: { replicaLagTimeMaxMs: 1_000, brokerSessionTimeoutMs: 500, autoLeaderRebalance: false } });
  const bridge = cluster.replication!;
  await cluster.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: String(minIsr) }] }] });
  const producer = cluster.producer();
  await producer.connect();
  return { cluster, bridge, producer };
}

const high = async (c: Cluster) => (await c.admin().fetchTopicOffsets('orders'))[0]!.high;

describe('createCluster engine under replication (Kafka semantics through the kafkajs-shaped API)', () => {
  it('acks=all resolves once the followers have the records; metadata shows the ISR', async () => {
    const { cluster, producer } = await setup(2);
    let done = false;
    const sent = producer.send({ topic: 'orders', acks: -1, messages: [{ value: 'a' }, { value: 'b' }] }).then((r) => ((done = true), r));
    await Promise.resolve();
    expect(done).toBe(false);
    await cluster.advance(20);
    const [meta] = await sent;
    expect(meta).toMatchObject({ baseOffset: '0', errorCode: 0 });
    expect(await high(cluster)).toBe('2');
    const md = await cluster.admin().fetchTopicMetadata({ topics: ['orders'] });
    expect(md.topics[0]!.partitions[0]!.isr).toHaveLength(3);
    await cluster.close();
  });

  it('acks=all with too few in-sync replicas is refused with NotEnoughReplicas and nothing is written', async () => {
    const { cluster, bridge, producer } = await setup(2);
    const leader = cluster.engine.partition('orders', 0).leader;
    for (const b of [1, 2, 3]) if (b !== leader) bridge.stopBroker(b);
    expect(cluster.brokers.filter((b) => b.status === 'stopped')).toHaveLength(2);
    // Retried with backoff (retriable), then refused for good: move time while it retries.
    await expect(during(cluster, producer.send({ topic: 'orders', acks: -1, messages: [{ value: 'x' }] }))).rejects.toMatchObject({ code: 'NOT_ENOUGH_REPLICAS' });
    expect(cluster.engine.log('orders', 0).logEndOffset).toBe(0);
    await cluster.close();
  });

  it('acks=1 then a leader crash: the new leader lacks the tail, so the readable log is cut back and the loss counted', async () => {
    const { cluster, bridge, producer } = await setup(1);
    await producer.send({ topic: 'orders', acks: 1, messages: [{ value: 'a' }, { value: 'b' }] });
    await cluster.advance(20);
    expect(await high(cluster)).toBe('2');
    const old = cluster.engine.partition('orders', 0).leader;
    await producer.send({ topic: 'orders', acks: 1, messages: [{ value: 'c' }, { value: 'd' }, { value: 'e' }] });
    bridge.crashBroker(old);
    await cluster.advance(600);
    const p = cluster.engine.partition('orders', 0);
    expect(p.leader).not.toBe(old);
    expect(cluster.engine.log('orders', 0).logEndOffset).toBe(2);
    expect(await high(cluster)).toBe('2');
    expect(bridge.sim.snapshot().counters.lost).toBe(3);
    // Writes go on at the new leader, at the offsets the lost records had.
    const [m] = await producer.send({ topic: 'orders', acks: 1, messages: [{ value: 'f' }] });
    expect(m!.baseOffset).toBe('2');
    await cluster.close();
  });

  it('a later unclean election of a replica that kept more records re-extends the readable log from the shared batches', async () => {
    const cluster = await createCluster({ brokers: 3, clock: 'virtual', seed: 4, cleanerIntervalMs: 0, replication: { replicaLagTimeMaxMs: 1_000, brokerSessionTimeoutMs: 500, autoLeaderRebalance: false } });
    await cluster.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'unclean.leader.election.enable', value: 'true' }] }] });
    const producer = cluster.producer();
    await producer.connect();
    const log = () => cluster.engine.log('orders', 0);
    const [l, f1, f2] = cluster.snapshot().partitions[0]!.replicas as [number, number, number];
    await producer.send({ topic: 'orders', acks: 1, messages: [{ value: 'r0' }, { value: 'r1' }] });
    await cluster.advance(20);
    cluster.stopBroker(f1);
    cluster.stopBroker(f2);
    await cluster.advance(2_000); // ISR = {leader}
    await producer.send({ topic: 'orders', acks: 1, messages: [{ value: 'r2' }, { value: 'r3' }, { value: 'r4' }] });
    cluster.crashBroker(l);
    await cluster.advance(600);
    cluster.startBroker(f1); // unclean: the short replica leads, r2..r4 are gone
    await cluster.advance(20);
    expect(log().logEndOffset).toBe(2);
    expect(cluster.snapshot().counters.lost).toBe(3);
    cluster.stopBroker(f1);
    cluster.startBroker(l); // unclean again: the old leader, which still holds r2..r4
    await cluster.advance(20);
    expect(cluster.snapshot().partitions[0]!.leader).toBe(l);
    expect(log().logEndOffset).toBe(5);
    expect(log().highWatermark).toBe(5);
    const values = (await log().read(0)).map((r) => r.value?.toString());
    expect(values).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(cluster.snapshot().counters.lost).toBe(0);
    expect(cluster.events().some((e) => e.type === 'records-recovered')).toBe(true);
    await cluster.close();
  });

  it('memory stays bounded: the prefix every replica holds is dropped from the simulation, the engine log keeps it', async () => {
    const { cluster, bridge, producer } = await setup(2);
    for (let i = 0; i < 12; i++) {
      const sent = producer.send({ topic: 'orders', acks: -1, messages: Array.from({ length: 1_000 }, (_, j) => ({ value: `v${i}-${j}` })) });
      await cluster.advance(20);
      await sent;
    }
    await cluster.advance(20);
    const p = bridge.sim.core.partition('orders', 0)!;
    const leaderLog = p.log(p.leader!);
    expect(leaderLog.logEndOffset).toBe(12_000);
    expect(leaderLog.heldFrom).toBeGreaterThanOrEqual(8_000);
    expect(cluster.snapshot().partitions.find((x) => x.topic === 'orders')).toMatchObject({ logStart: 0, highWatermark: 12_000, logEnd: 12_000 });
    expect((await cluster.engine.log('orders', 0).read(0))[0]!.value?.toString()).toBe('v0-0');
    // A failover after the drop: nothing is wrongly counted as lost.
    bridge.crashBroker(p.leader!);
    await cluster.advance(600);
    expect(cluster.snapshot().counters.lost).toBe(0);
    // The readable log is untouched by the failover.
    expect(cluster.engine.log('orders', 0).logEndOffset).toBe(12_000);
    expect(cluster.engine.log('orders', 0).highWatermark).toBe(12_000);
    expect((await cluster.engine.log('orders', 0).read(0))[0]!.value?.toString()).toBe('v0-0');
    await cluster.close();
  });

  it('deleteRecords on the engine moves the log start the snapshot reports', async () => {
    const { cluster, producer } = await setup(1);
    const sent = producer.send({ topic: 'orders', acks: 1, messages: Array.from({ length: 10 }, (_, j) => ({ value: `v${j}` })) });
    await cluster.advance(20);
    await sent;
    await cluster.admin().deleteRecords({ topic: 'orders', partitions: [{ partition: 0, offset: '4' }] });
    await cluster.advance(20);
    expect(cluster.snapshot().partitions.find((x) => x.topic === 'orders')).toMatchObject({ logStart: 4, logEnd: 10 });
    await cluster.close();
  });
});
