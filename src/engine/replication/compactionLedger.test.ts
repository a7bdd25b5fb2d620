// Compaction removes superseded records on purpose: a leader elected after a cleaner pass lacks
// them, and the loss ledger must not count them as lost acknowledged records (it did once the
// simulation's cleaner started compacting: a preferred-leader election counted thousands).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';

describe('the loss ledger and compaction', () => {
  it('records compacted away are not lost when another replica becomes leader', async () => {
    const c = await createCluster({ brokers: 3, clock: 'virtual', cleanerIntervalMs: 0, seed: 1 });
    await c.admin().createTopics({
      topics: [{ topic: 'rows', numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.bytes', value: '300' }, { name: 'min.cleanable.dirty.ratio', value: '0.01' }] }],
    });
    const p = c.producer();
    await p.connect();
    for (let i = 0; i < 40; i++) {
      const sent = p.send({ topic: 'rows', acks: -1, messages: [{ key: `k${i % 4}`, value: `value ${i} ${'x'.repeat(20)}` }] });
      await c.advance(20);
      await sent;
    }
    await c.advance(1_000);
    const report = await c.admin().runCleaner();
    expect(report.recordsRemoved).toBeGreaterThan(10);
    const leader = c.engine.partition('rows', 0).leader;
    c.crashBroker(leader);
    await c.advance(30_000);
    expect(c.engine.partition('rows', 0).leader).not.toBe(leader);
    expect(c.snapshot().counters.lost).toBe(0);
    await c.close();
  });
});
