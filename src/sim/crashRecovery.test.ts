// A service instance that crashes under load: its queued command handling dies with it, and the
// partitions' next owner starts from the committed offset, which covers handled commands only
// (Kafka's at-least-once with auto-commit). So every command gets its event at least once.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { benchBoard } from './testing/benchBoard';

/** Records per key in a topic, up to each partition's high watermark, as the leader serves them. */
async function keysIn(sim: Simulation, topicId: string): Promise<Map<string, number>> {
  const cluster = sim.clusterForTests!;
  const name = sim.topology.topics.find((t) => t.id === topicId)!.name;
  const counts = new Map<string, number>();
  const text = new TextDecoder();
  for (let p = 0; p < cluster.engine.topic(name).partitions.length; p++) {
    const log = cluster.engine.log(name, p);
    for (const r of await log.read(log.logStartOffset, { maxBytes: Infinity })) {
      const key = r.key === null ? '' : text.decode(r.key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** Tens of simulated seconds of a whole board: minutes of wall time on a loaded 2-core machine are possible. */
const HEAVY_RUN_MS = 180_000;

describe('an instance crashing mid-handling (at-least-once)', () => {
  it('skips no command: each aggregate has at least as many events per key as commands once its group recovers', async () => {
    const sim = new Simulation(benchBoard(), { seed: 2, commandsPerSecond: 200, sessionTimeoutMs: 3_000 });
    await sim.start();
    // Just after the instances' second auto-commit (every 5 s): commands fetched then are still in handling.
    await sim.advance(10_010);
    sim.crashInstance('bench-service-1');
    await sim.advance(1_000);
    sim.setRate(0);
    await sim.advance(12_000);
    for (const label of ['Basket', 'Parcel']) {
      const agg = sim.topology.aggregates.find((a) => a.label === label)!;
      const commands = await keysIn(sim, agg.commandTopicId);
      const events = await keysIn(sim, agg.eventTopicId);
      expect([...commands.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(1_000);
      const short = [...commands].filter(([key, n]) => (events.get(key) ?? 0) < n);
      expect(short, label).toEqual([]);
      expect(sim.snapshot().groups.find((g) => g.label === label)!.totalLag).toBe(0);
    }
    sim.stop();
  }, HEAVY_RUN_MS);
});
