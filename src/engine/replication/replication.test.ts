// The replication behaviours Kafka defines, each pinned by name: high watermark and ISR, acks
// and min.insync.replicas, clean and unclean election, fencing, isolation and preferred leaders.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';
import type { ClusterSimOptions } from './clusterConfig';
import type { ConfigEntry } from '../log/topicConfig';
import { LeaderNotAvailableError, NotEnoughReplicasError, NotLeaderOrFollowerError } from '../errors';
import { consumerFetch, send } from './testing';
import { threeBrokers } from '../testing/helpers';

const LAYOUT = [[1, 2, 3]];

/** A three-broker cluster (createCluster) with topic t on brokers 1, 2, 3; the tests drive its replicated cluster. */
async function cluster(extra: ClusterSimOptions = {}, topic: { minInsyncReplicas?: number; uncleanLeaderElection?: boolean } = {}) {
  const c = await threeBrokers({ replicaLagTimeMaxMs: 1_000, brokerSessionTimeoutMs: 500, ...extra });
  const configs: ConfigEntry[] = [];
  if (topic.minInsyncReplicas !== undefined) configs.push({ name: 'min.insync.replicas', value: String(topic.minInsyncReplicas) });
  if (topic.uncleanLeaderElection !== undefined) configs.push({ name: 'unclean.leader.election.enable', value: String(topic.uncleanLeaderElection) });
  await c.engine.createTopic('t', 1, configs, 3, LAYOUT);
  return c.replication;
}

describe('high watermark (Kafka: HW = min LEO over the ISR; consumers read only below it)', () => {
  it('a record written with acks=1 is invisible to consumers until every ISR follower has fetched it', async () => {
    const sim = await cluster();
    const out = send(sim, 't', 0, 1, 3);
    expect(out.answer?.baseOffset).toBe(0);
    expect(consumerFetch(sim, 't', 0, 0)).toHaveLength(0);
    expect(sim.snapshot().partitions[0]).toMatchObject({ logEnd: 3, highWatermark: 0 });
    sim.advance(1); // the followers' parked fetches are answered: they copy
    expect(sim.snapshot().partitions[0]!.highWatermark).toBe(0);
    sim.advance(1); // their next fetch, sent at once, tells the leader they have it
    expect(sim.snapshot().partitions[0]!.highWatermark).toBe(3);
    expect(consumerFetch(sim, 't', 0, 0)).toEqual(['v', 'v', 'v']);
  });

  it('with parked fetches off, followers copy on their polling round and the high watermark moves one round later', async () => {
    const sim = await cluster({ replicaFetchHopMs: 0 });
    send(sim, 't', 0, 1, 3);
    sim.advance(4);
    expect(sim.snapshot().partitions[0]).toMatchObject({ logEnd: 3, highWatermark: 0 });
    sim.advance(1); // followers fetch and copy
    expect(sim.snapshot().partitions[0]!.highWatermark).toBe(0);
    sim.advance(5); // the next fetch tells the leader they have it
    expect(sim.snapshot().partitions[0]!.highWatermark).toBe(3);
  });

  it('a slow follower answers its parked fetch late, and the high watermark waits for it', async () => {
    const sim = await cluster();
    sim.slowBroker(3, 20);
    send(sim, 't', 0, 1, 2);
    sim.advance(2);
    expect(sim.snapshot().partitions[0]!.highWatermark).toBe(0);
    sim.advance(40);
    expect(sim.snapshot().partitions[0]!.highWatermark).toBe(2);
  });
});

describe('acks and min.insync.replicas', () => {
  it('acks=all is answered only once the high watermark covers the records', async () => {
    const sim = await cluster({}, { minInsyncReplicas: 2 });
    const out = send(sim, 't', 0, -1, 2);
    expect(out.settled).toBe(false);
    sim.advance(10);
    expect(out.settled).toBe(true);
    expect(out.error).toBeNull();
    expect(sim.snapshot().counters.acknowledged).toBe(2);
  });

  it('acks=all with an ISR smaller than min.insync.replicas is refused with NotEnoughReplicas and writes nothing', async () => {
    const sim = await cluster({}, { minInsyncReplicas: 2 });
    sim.stopBroker(2);
    sim.stopBroker(3);
    const leoBefore = sim.snapshot().partitions[0]!.logEnd;
    const out = send(sim, 't', 0, -1, 5);
    expect(out.error).toBeInstanceOf(NotEnoughReplicasError);
    expect((out.error as NotEnoughReplicasError).retriable).toBe(true);
    expect(sim.snapshot().partitions[0]!.logEnd).toBe(leoBefore);
    expect(sim.snapshot().counters.acknowledged).toBe(0);
    // acks=1 is still accepted: min.insync.replicas only binds acks=all.
    expect(send(sim, 't', 0, 1).error).toBeNull();
  });
});

describe('ISR (Kafka: replica.lag.time.max.ms)', () => {
  it('a follower that stops fetching leaves the ISR after the lag time, and rejoins once caught up', async () => {
    const sim = await cluster();
    sim.slowBroker(3, 5_000);
    send(sim, 't', 0, 1, 10);
    sim.advance(1_000); // the isr-expiration task runs every lag/2 = 500 ms: at 1000 ms the lag is not yet over
    expect(sim.snapshot().partitions[0]!.isr).toEqual([1, 2, 3]);
    sim.advance(600);
    expect(sim.snapshot().partitions[0]!.isr).toEqual([1, 2]);
    expect(sim.events().some((e) => e.type === 'isr-shrunk' && e.removed === 3)).toBe(true);
    sim.slowBroker(3, 0);
    sim.advance(6_000);
    expect(sim.snapshot().partitions[0]!.isr).toEqual([1, 2, 3]);
    expect(sim.events().some((e) => e.type === 'isr-expanded' && e.added === 3)).toBe(true);
  });

  it('a follower fetching steadily under continuous load stays in the ISR', async () => {
    const sim = await cluster();
    for (let i = 0; i < 300; i++) {
      send(sim, 't', 0, 1, 5);
      sim.advance(7);
    }
    expect(sim.snapshot().partitions[0]!.isr).toEqual([1, 2, 3]);
  });
});

describe('leader election', () => {
  it('a clean stop moves leadership first (controlled shutdown) and loses nothing', async () => {
    const sim = await cluster({}, { minInsyncReplicas: 2 });
    const out = send(sim, 't', 0, -1, 4);
    sim.advance(20);
    expect(out.error).toBeNull();
    sim.stopBroker(1);
    const p = sim.snapshot().partitions[0]!;
    expect(p.leader).toBe(2);
    expect(p.isr).toEqual([2, 3]);
    expect(sim.snapshot().counters.lost).toBe(0);
    const kinds = sim.events().map((e) => e.type);
    expect(kinds.indexOf('leader-elected', 1)).toBeLessThan(kinds.indexOf('broker-stopped'));
  });

  it('a crashed leader is replaced only after broker.session.timeout.ms', async () => {
    const sim = await cluster();
    sim.advance(20);
    sim.crashBroker(1);
    sim.advance(400);
    expect(sim.snapshot().partitions[0]!.leader).toBe(1);
    sim.advance(200);
    expect(sim.snapshot().partitions[0]).toMatchObject({ leader: 2, leaderEpoch: 1 });
  });

  it('acks=1 then a leader crash before followers fetched: the acknowledged records are lost and counted', async () => {
    const sim = await cluster();
    send(sim, 't', 0, 1, 3);
    sim.advance(20);
    const late = send(sim, 't', 0, 1, 4);
    expect(late.error).toBeNull();
    sim.crashBroker(1);
    sim.advance(600);
    const s = sim.snapshot();
    expect(s.counters.lost).toBe(4);
    expect(sim.core.ledger.lost.map((l) => l.offset)).toEqual([3, 4, 5, 6]);
    sim.startBroker(1);
    sim.advance(50);
    // The old leader rejoins as a follower and truncates its unreplicated tail (KIP-101).
    expect(sim.events().some((e) => e.type === 'truncated' && e.broker === 1 && e.to === 3)).toBe(true);
    expect(sim.readCommitted('t', 0)).toHaveLength(3);
  });

  it('with every ISR member down and unclean election off the partition stays offline, then recovers without loss', async () => {
    const sim = await cluster();
    send(sim, 't', 0, 1, 2);
    sim.advance(20);
    sim.stopBroker(2);
    sim.stopBroker(3);
    sim.advance(1_500); // ISR is now just the leader
    expect(sim.snapshot().partitions[0]!.isr).toEqual([1]);
    send(sim, 't', 0, 1, 5);
    sim.crashBroker(1);
    sim.advance(600);
    sim.startBroker(2);
    sim.advance(50);
    expect(sim.snapshot().partitions[0]!.leader).toBeNull();
    expect(() => consumerFetch(sim, 't', 0, 0)).toThrow(LeaderNotAvailableError);
    sim.startBroker(1);
    sim.advance(50);
    expect(sim.snapshot().partitions[0]!.leader).toBe(1);
    expect(sim.snapshot().counters.lost).toBe(0);
  });

  it('unclean.leader.election.enable elects an out-of-sync replica and the loss is reported', async () => {
    const sim = await cluster({}, { uncleanLeaderElection: true });
    send(sim, 't', 0, 1, 2);
    sim.advance(20);
    sim.stopBroker(2);
    sim.stopBroker(3);
    sim.advance(1_500);
    send(sim, 't', 0, 1, 5);
    sim.crashBroker(1);
    sim.advance(600);
    sim.startBroker(2);
    sim.advance(10);
    const ev = sim.events().find((e) => e.type === 'leader-elected' && e.unclean);
    expect(ev).toMatchObject({ leader: 2 });
    expect(sim.snapshot().counters.lost).toBe(5);
  });

  it('an isolated leader keeps accepting acks=1 writes until it is fenced; they are lost when it rejoins', async () => {
    const sim = await cluster();
    send(sim, 't', 0, 1, 2);
    sim.advance(20);
    sim.isolateBroker(1);
    const during = send(sim, 't', 0, 1, 3);
    expect(during.error).toBeNull();
    sim.advance(600); // fenced: broker 2 leads
    expect(sim.snapshot().partitions[0]!.leader).toBe(2);
    expect(send(sim, 't', 0, 1, 1).error).toBeNull();
    sim.heal();
    sim.advance(50);
    expect(sim.snapshot().counters.lost).toBe(3);
    expect(sim.divergences()).toEqual([]);
    expect(sim.snapshot().partitions[0]!.replicaLogEnd).toEqual([3, 3, 3]);
  });

  it('electing a cut-off replica loses nothing by itself: the next reachable leader decides what survives', async () => {
    const sim = await cluster();
    sim.advance(20);
    sim.isolateBroker(2); // not yet fenced: the controller still counts it alive and in the ISR
    send(sim, 't', 0, 1, 4);
    sim.advance(20); // broker 3 copies the records, broker 2 cannot
    sim.stopBroker(1); // controlled shutdown elects broker 2, which never hears of it
    expect(sim.snapshot().partitions[0]!.leader).toBe(2);
    expect(sim.snapshot().counters.lost).toBe(0);
    sim.advance(600); // broker 2 is fenced; broker 3, which holds the records, leads
    expect(sim.snapshot().partitions[0]!.leader).toBe(3);
    expect(sim.snapshot().counters.lost).toBe(0);
    expect(sim.readCommitted('t', 0)).toHaveLength(4);
  });

  it('with metadata.max.age.ms, producers keep writing to the deposed isolated leader until their metadata ages; those acks=1 records are lost', async () => {
    const sim = await cluster({ clientMetadataMaxAgeMs: 5_000 });
    send(sim, 't', 0, 1, 2);
    sim.advance(20);
    sim.isolateBroker(1);
    sim.advance(600); // fenced: the controller's leader is now broker 2
    expect(sim.snapshot().partitions[0]!.leader).toBe(2);
    const stale = send(sim, 't', 0, 1, 3); // still routed to broker 1, which believes it leads
    expect(stale.error).toBeNull();
    expect(sim.snapshot().partitions[0]!.replicaLogEnd[0]).toBe(5);
    sim.advance(5_000); // the client's metadata ages out
    send(sim, 't', 0, 1, 1);
    expect(sim.snapshot().partitions[0]!.replicaLogEnd[1]).toBe(3);
    sim.heal();
    sim.advance(50);
    expect(sim.snapshot().counters.lost).toBe(3);
    expect(sim.snapshot().partitions[0]!.replicaLogEnd).toEqual([3, 3, 3]);
  });

  it('acks=all writes to an isolated leader are never acknowledged (its ISR cannot shrink without the controller)', async () => {
    const sim = await cluster({}, { minInsyncReplicas: 2 });
    sim.advance(20);
    sim.isolateBroker(1);
    const out = send(sim, 't', 0, -1, 3);
    sim.advance(2_000);
    expect(out.settled).toBe(true);
    expect(out.error).toBeInstanceOf(NotLeaderOrFollowerError);
    sim.heal();
    sim.advance(50);
    expect(sim.snapshot().counters.lost).toBe(0);
  });

  it('preferred leader election moves leadership back to the first replica once it is in sync', async () => {
    const sim = await cluster();
    sim.stopBroker(1);
    expect(sim.snapshot().partitions[0]!.leader).toBe(2);
    sim.startBroker(1);
    sim.advance(50);
    expect(sim.snapshot().partitions[0]!.isr).toContain(1);
    expect(sim.electPreferredLeaders()).toBe(1);
    expect(sim.snapshot().partitions[0]!.leader).toBe(1);
  });

  it('auto.leader.rebalance.enable restores preferred leaders on its own schedule', async () => {
    const sim = await cluster({ autoLeaderRebalance: true, leaderImbalanceCheckIntervalMs: 1_000 });
    sim.stopBroker(1);
    sim.startBroker(1);
    sim.advance(1_100);
    expect(sim.snapshot().partitions[0]!.leader).toBe(1);
  });
});

describe('determinism', () => {
  it('the same seed and schedule give the same snapshot and events', async () => {
    const run = async () => {
      const c = await createCluster({ brokers: 5, seed: 42, clock: 'virtual', cleanerIntervalMs: 0, virtualStallMs: 0, replication: { autoLeaderRebalance: false } });
      await c.engine.createTopic('a', 6, [], 3);
      const sim = c.replication;
      for (let i = 0; i < 50; i++) {
        send(sim, 'a', i % 6, 1, 2);
        sim.advance(3);
        if (i === 20) sim.crashBroker(2);
      }
      sim.advance(10_000);
      return { s: sim.snapshot(), e: sim.events().map(({ seq, at, type }) => [seq, at, type]) };
    };
    expect(await run()).toEqual(await run());
  });
});

describe('idempotent producer (Kafka enable.idempotence)', () => {
  const sendAs = (sim: Awaited<ReturnType<typeof cluster>>, firstSequence: number, count: number, acks: -1 | 1 = 1) => {
    const out: { error: Error | null; offset: number | null } = { error: null, offset: null };
    sim.produceWith({ topic: 't', partition: 0, acks, producer: { id: 77, firstSequence }, records: Array.from({ length: count }, (_, i) => ({ value: 1000 + firstSequence + i })) }, (e, a) => {
      out.error = e;
      out.offset = a?.baseOffset ?? null;
    });
    return out;
  };

  it('a retried batch is answered with its original offset and not written twice', async () => {
    const sim = await cluster();
    expect(sendAs(sim, 0, 3).offset).toBe(0);
    expect(sendAs(sim, 0, 3).offset).toBe(0);
    expect(sendAs(sim, 3, 2).offset).toBe(3);
    expect(sim.snapshot().partitions[0]!.logEnd).toBe(5);
  });

  it('a new leader recognises retries of batches it copied as a follower', async () => {
    const sim = await cluster();
    sendAs(sim, 0, 3);
    sim.advance(20);
    sim.stopBroker(1);
    expect(sendAs(sim, 0, 3).offset).toBe(0);
    expect(sim.snapshot().partitions[0]!.logEnd).toBe(3);
  });

  it('a gap in sequence numbers is refused with OutOfOrderSequence', async () => {
    const sim = await cluster();
    sendAs(sim, 0, 3);
    expect(sendAs(sim, 5, 1).error).toMatchObject({ code: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
  });
});
