// A log's 'highWatermark' event tells its readers that what consumers may read moved: the
// leader's log says so, a follower's copy of the high watermark (taken on nearly every fetch)
// does not, since consumers fetch from the leader.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';
import { send } from './testing';

describe("'highWatermark' events in a replicated partition", () => {
  it("come from the leader's log only, while every replica's high watermark moves", async () => {
    const c = await createCluster({ brokers: 3, seed: 7, clock: 'virtual', cleanerIntervalMs: 0, virtualStallMs: 0, replication: { autoLeaderRebalance: false } });
    await c.engine.createTopic('t', 1, [], 3, [[1, 2, 3]]);
    const sim = c.replication;
    const p = sim.core.partition('t', 0)!;
    const heard: number[] = [];
    for (const b of [1, 2, 3]) p.log(b).events.on('highWatermark', (hw) => heard.push(b * 100 + hw));
    send(sim, 't', 0, 1, 2);
    sim.advance(10);
    send(sim, 't', 0, 1, 3);
    sim.advance(10);
    expect([1, 2, 3].map((b) => p.log(b).highWatermark)).toEqual([5, 5, 5]);
    expect(heard).toEqual([102, 105]);
  });
});
