// The compaction view reads what the log cleaner did: segments with the active one and the
// clean/dirty boundary, the dirty ratio the cleaner compares with min.cleanable.dirty.ratio,
// records with their keys and tombstones, and the latest record per key, before and after a pass.
import { describe, expect, it } from 'vitest';
import { describeCompaction, runCleanerPass } from './compactionView';
import { createCluster } from './engineApi';

async function compactedTopic(ratio = '0.5') {
  const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0 });
  await cluster.admin().createTopics({
    topics: [{ topic: 'rows', numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.bytes', value: '400' }, { name: 'min.cleanable.dirty.ratio', value: ratio }] }],
  });
  const producer = cluster.producer();
  await producer.connect();
  // Three keys updated in turn, then a tombstone for k1, then more updates.
  for (let i = 0; i < 24; i++) await producer.send({ topic: 'rows', messages: [{ key: `k${i % 3}`, value: `{"n":${i},"pad":"${'x'.repeat(30)}"}` }] });
  await producer.send({ topic: 'rows', messages: [{ key: 'k1', value: null }] });
  for (let i = 24; i < 30; i++) await producer.send({ topic: 'rows', messages: [{ key: `k${i % 2 === 0 ? 0 : 2}`, value: `{"n":${i},"pad":"${'x'.repeat(30)}"}` }] });
  return { cluster, producer };
}

describe('compaction view', () => {
  it('shows segments, the active one, the dirty ratio and the latest record per key', async () => {
    const { cluster } = await compactedTopic();
    const v = await describeCompaction(cluster, { topic: 'rows', partition: 0 });
    expect(v.compacted).toBe(true);
    expect(v.records.length).toBe(31);
    expect(v.segments.length).toBeGreaterThan(2);
    expect(v.segments.filter((s) => s.active)).toHaveLength(1);
    expect(v.segments[v.segments.length - 1]!.active).toBe(true);
    expect(v.segments.reduce((n, s) => n + s.records, 0)).toBe(31);
    // Nothing cleaned yet: every closed segment is dirty.
    expect(v.cleanerCheckpoint).toBe(0);
    expect(v.dirtyRatio).toBe(1);
    expect(v.latest.map((r) => r.key)).toEqual(['k0', 'k1', 'k2']);
    expect(v.latest.find((r) => r.key === 'k1')!.value).toBeNull();
    expect(v.records.find((r) => r.offset === 24)).toEqual({ offset: 24, key: 'k1', value: null });
    await cluster.close();
  });

  it('a cleaner pass keeps the latest record per key at its offset, tombstones included, and moves the boundary', async () => {
    const { cluster } = await compactedTopic();
    const pass = await runCleanerPass(cluster, { topic: 'rows', partition: 0 });
    expect(pass.partitionsCompacted).toBe(1);
    expect(pass.recordsRemoved).toBeGreaterThan(10);
    const { before, after } = pass;
    expect(after.records.length).toBe(before.records.length - pass.recordsRemoved);
    expect(after.latest).toEqual(before.latest);
    expect(after.cleanerCheckpoint).toBeGreaterThan(0);
    expect(after.dirtyRatio).toBe(0);
    // The active segment is untouched; cleaned segments say so.
    const activeBase = before.segments.find((s) => s.active)!.baseOffset;
    expect(after.records.filter((r) => r.offset >= activeBase)).toEqual(before.records.filter((r) => r.offset >= activeBase));
    expect(after.segments.some((s) => s.cleaned)).toBe(true);
    // The tombstone survives its first clean (delete.retention.ms).
    expect(after.records.some((r) => r.key === 'k1' && r.value === null)).toBe(true);
    await cluster.close();
  });

  it('a pass leaves the log alone while the dirty ratio is under min.cleanable.dirty.ratio', async () => {
    const { cluster, producer } = await compactedTopic();
    await runCleanerPass(cluster, { topic: 'rows', partition: 0 });
    await producer.send({ topic: 'rows', messages: [{ key: 'k0', value: `{"n":99,"pad":"${'x'.repeat(30)}"}` }] });
    const pass = await runCleanerPass(cluster, { topic: 'rows', partition: 0 });
    expect(pass.before.dirtyRatio === null || pass.before.dirtyRatio < 0.5).toBe(true);
    expect(pass.partitionsCompacted).toBe(0);
    expect(pass.after.records).toEqual(pass.before.records);
    await cluster.close();
  });
});

describe('compaction in a running board', () => {
  it("a read model's table topic is compacted as the run goes (records are dated; the cleaner reads them so)", async () => {
    const { Simulation } = await import('./simulation');
    const { exampleBoard } = await import('./testing/exampleBoards');
    const sim = new Simulation(exampleBoard('banking'), { seed: 5, commandsPerSecond: 300, recordBudget: 8_000 });
    await sim.start();
    for (let i = 0; i < 15; i++) await sim.advance(1_000);
    const cluster = sim.activeCluster!;
    const table = [...cluster.engine.topics.keys()].find((t) => t.endsWith('.table'))!;
    const views = await Promise.all(cluster.engine.topic(table).partitions.map((p) => describeCompaction(cluster, { topic: table, partition: p.partition })));
    expect(views.some((v) => v.cleanerCheckpoint > 0 && v.segments.some((s) => s.cleaned))).toBe(true);
    // Compaction keeps offsets: the log holds fewer records than its offsets span.
    expect(views.some((v) => v.records.length + v.omitted < v.logEnd - v.logStart)).toBe(true);
    await sim.stop();
  }, 120_000);
});
