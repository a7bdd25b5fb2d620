// A cluster whose producers stamp records with dates (clockEpochMs) has its cleaner read the
// clock as that date too, as a broker compares record timestamps with its wall clock: retention
// and compaction work; without it, records dated in the future of the clock would never age.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';

const EPOCH = 1_700_000_000_000;

async function run(clockEpochMs: number | undefined) {
  const c = await createCluster({ clock: 'virtual', cleanerIntervalMs: 1_000, ...(clockEpochMs === undefined ? {} : { clockEpochMs }) });
  await c.admin().createTopics({
    topics: [
      { topic: 'old', numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '10000' }, { name: 'segment.bytes', value: '200' }] },
      { topic: 'rows', numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.bytes', value: '200' }] },
    ],
  });
  const p = c.producer();
  await p.connect();
  for (let i = 0; i < 20; i++) {
    const timestamp = String(EPOCH + c.now());
    await p.send({ topic: 'old', messages: [{ value: `v${i}`.padEnd(40, '.'), timestamp }] });
    await p.send({ topic: 'rows', messages: [{ key: `k${i % 2}`, value: `v${i}`.padEnd(40, '.'), timestamp }] });
  }
  await c.advance(30_000);
  const result = { logStart: c.engine.log('old', 0).logStartOffset, rows: 0 };
  const log = c.engine.log('rows', 0);
  for (let at = log.logStartOffset; at < log.logEndOffset; ) {
    const batch = await log.read(at, { isolation: 'logEnd', maxRecords: 1_000, maxBytes: Infinity });
    if (batch.length === 0) break;
    result.rows += batch.length;
    at = batch[batch.length - 1]!.offset + 1;
  }
  await c.close();
  return result;
}

describe('clockEpochMs', () => {
  it('lets retention.ms and compaction act on records stamped with dates', async () => {
    const dated = await run(EPOCH);
    expect(dated.logStart).toBeGreaterThan(0);
    expect(dated.rows).toBeLessThan(20);
    const undated = await run(undefined);
    expect(undated.logStart).toBe(0);
    expect(undated.rows).toBe(20);
  });
});
