// Test helpers: wait for a condition by moving a virtual clock (or yielding to the event loop
// a bounded number of times, never by sleeping), set up a virtual-clock cluster with a topic,
// read a partition whole, set up three brokers for the replication tests.
import { createCluster, type Cluster, type ClusterOptions, type ClusterSimOptions, type ConfigEntry, type Producer } from '../index';

export async function waitFor(cond: () => boolean, what = 'condition', turns = 2000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/**
 * Until `cond` holds: a virtual-clock cluster advances in 100 ms steps (consumers poll and
 * heartbeat on that clock), a real-clock one yields to the event loop.
 */
export async function until(cluster: Cluster, cond: () => boolean, what = 'condition', maxMs = 120_000): Promise<void> {
  if (cluster.clock.kind !== 'virtual') return waitFor(cond, what);
  for (let t = 0; t <= maxMs; t += 100) {
    if (cond()) return;
    await cluster.advance(100);
  }
  throw new Error(`Timed out waiting for ${what} (${maxMs} ms of simulated time)`);
}

/**
 * Until every member of the group holds its assignment and a position (a "latest" consumer
 * starts at the log end as of then, as Kafka resolves it after the join).
 */
export async function untilAssigned(cluster: Cluster, groupId: string): Promise<void> {
  await until(cluster, () => {
    const g = cluster.groups.snapshot().find((x) => x.groupId === groupId);
    return !!g && g.state === 'Stable' && g.members.length > 0 && g.members.every((m) => m.state === 'stable');
  }, `group ${groupId} to be stable`);
  // One more poll so each member has resolved its starting positions.
  await cluster.advance(200);
}

/** Awaits `work` on a virtual-clock cluster, moving time while it waits (retries back off on the clock). */
export async function during<T>(cluster: Cluster, work: Promise<T>): Promise<T> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  await until(cluster, () => settled, 'the request to settle');
  return work;
}

/** A virtual-clock cluster with one topic and a connected producer. */
export async function setup(topic: string, partitions = 1, config: Record<string, string> = {}, opts: ClusterOptions = {}): Promise<{ cluster: Cluster; producer: Producer }> {
  const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0, ...opts });
  const configEntries: ConfigEntry[] = Object.entries(config).map(([name, value]) => ({ name, value }));
  await cluster.admin().createTopics({ topics: [{ topic, numPartitions: partitions, configEntries }] });
  const producer = cluster.producer();
  await producer.connect();
  return { cluster, producer };
}

export async function readAll(cluster: Cluster, topic: string, partition = 0): Promise<{ offset: number; key: string | null; value: string | null }[]> {
  const log = cluster.engine.log(topic, partition);
  const out: { offset: number; key: string | null; value: string | null }[] = [];
  let at = log.logStartOffset;
  while (at < log.highWatermark) {
    const recs = await log.read(at);
    if (recs.length === 0) break;
    for (const r of recs) out.push({ offset: r.offset, key: r.key?.toString() ?? null, value: r.value?.toString() ?? null });
    at = recs[recs.length - 1]!.offset + 1;
  }
  return out;
}

/**
 * Three brokers on a virtual clock as the replication tests drive them: no log cleaner, no stall
 * guard, leaders stay where a test puts them (no automatic rebalance); `replication` adds to that.
 */
export function threeBrokers(replication: ClusterSimOptions = {}): Promise<Cluster> {
  return createCluster({ brokers: 3, seed: 7, clock: 'virtual', cleanerIntervalMs: 0, virtualStallMs: 0, replication: { autoLeaderRebalance: false, ...replication } });
}
