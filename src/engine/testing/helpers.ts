// Test helpers: wait for a condition by yielding to the event loop a bounded number of times
// (never by sleeping), set up a virtual-clock cluster with a topic, read a partition whole.
import { createCluster, type Cluster, type ClusterOptions, type ConfigEntry, type Producer } from '../index';

export async function waitFor(cond: () => boolean, what = 'condition', turns = 2000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error(`Timed out waiting for ${what}`);
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
