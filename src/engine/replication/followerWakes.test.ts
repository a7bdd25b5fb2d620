// Parked follower fetches are answered per follower broker, as Kafka's ReplicaFetcher sends one
// fetch for every partition a follower has at one leader: appends to several partitions at one
// instant wake each follower once, every partition is still copied one hop later, in the order
// the appends woke them, and the high watermarks (so the acks=all answers) follow in that order.
import { describe, expect, it } from 'vitest';
import type { VirtualClock } from '../../lib/clock';
import { send } from './testing';
import { threeBrokers } from '../testing/helpers';
import type { ClusterSimOptions } from './clusterConfig';

async function threePartitions(replication: ClusterSimOptions = {}) {
  const c = await threeBrokers(replication);
  await c.engine.createTopic('t', 3, [], 3, [
    [1, 2, 3],
    [1, 2, 3],
    [1, 2, 3],
  ]);
  return { sim: c.replication, clock: c.clock as VirtualClock };
}

/** The log ends of followers 2 and 3 of partition t-`partition`. */
const followerEnds = (sim: Awaited<ReturnType<typeof threePartitions>>['sim'], partition: number) =>
  sim.snapshot().partitions.find((p) => p.topic === 't' && p.partition === partition)!.replicaLogEnd.slice(1);

describe('parked follower fetches, answered per follower broker', () => {
  it('appends to three partitions at one instant cost one timer per follower, and every partition is copied one hop later', async () => {
    const { sim, clock } = await threePartitions();
    const before = clock.pendingTimers();
    for (const partition of [2, 0, 1]) send(sim, 't', partition, 1, 2);
    expect(clock.pendingTimers() - before).toBe(2);
    sim.advance(1);
    for (const partition of [0, 1, 2]) expect(followerEnds(sim, partition)).toEqual([2, 2]);
  });

  it('each follower copies the partitions in the order the appends woke them, and acks=all answers follow that order', async () => {
    const { sim } = await threePartitions();
    const copies: string[] = [];
    for (const partition of [0, 1, 2]) {
      for (const broker of [2, 3]) {
        const log = sim.core.partition('t', partition)!.log(broker);
        const appendReplica = log.appendReplica.bind(log);
        log.appendReplica = (batches) => (copies.push(`${broker}:${partition}`), appendReplica(batches));
      }
    }
    const answered: number[] = [];
    for (const partition of [2, 0, 1]) sim.produceWith({ topic: 't', partition, acks: -1, records: [{ value: 'v' }] }, (e) => e || answered.push(partition));
    sim.advance(1);
    expect(copies).toEqual(['2:2', '2:0', '2:1', '3:2', '3:0', '3:1']);
    expect(answered).toEqual([]);
    sim.advance(1); // the followers' next fetches report their ends: the high watermarks move
    expect(answered).toEqual([2, 0, 1]);
  });

  it('a partition appended to while its wake is pending is answered once, with everything appended by then', async () => {
    const { sim, clock } = await threePartitions();
    send(sim, 't', 0, 1, 1);
    const before = clock.pendingTimers();
    send(sim, 't', 0, 1, 2);
    send(sim, 't', 1, 1, 1);
    expect(clock.pendingTimers()).toBe(before);
    sim.advance(1);
    expect(followerEnds(sim, 0)).toEqual([3, 3]);
    expect(followerEnds(sim, 1)).toEqual([1, 1]);
  });

  it('a slow follower is woken on its own delay, the others one hop later', async () => {
    const { sim } = await threePartitions();
    sim.slowBroker(3, 5);
    send(sim, 't', 0, 1, 1);
    send(sim, 't', 1, 1, 1);
    sim.advance(1);
    expect([followerEnds(sim, 0), followerEnds(sim, 1)]).toEqual([
      [1, 0],
      [1, 0],
    ]);
    sim.advance(5);
    expect([followerEnds(sim, 0), followerEnds(sim, 1)]).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});
