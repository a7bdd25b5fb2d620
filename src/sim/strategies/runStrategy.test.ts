import { describe, expect, it } from 'vitest';
import type { Board } from '../../model';
import { exampleBoard } from '../testing/exampleBoards';
import { runStrategy } from './runStrategy';
import { COMPARISON_DEFAULTS } from './strategyTypes';

/** Banking with its account stream on one replica: a crashed leader leaves nobody to elect. */
function singleReplicaBanking(): Board {
  const b = exampleBoard('banking');
  return { ...b, elements: b.elements.map((e) => (e.kind === 'aggregate' ? { ...e, stream: { ...e.stream, replicationFactor: 1 } } : e)) };
}

describe('runStrategy answers from what its run shows, not from the strategy', () => {
  it('availability is "no" when the aggregate’s partition has one replica: the crash leaves it without a leader', async () => {
    const r = await runStrategy(singleReplicaBanking(), 'perAggregateType', { ...COMPARISON_DEFAULTS, durationMs: 6_000 });
    const availability = r.capabilities.find((c) => c.id === 'availability')!;
    expect(availability.answer).toBe('no');
    expect(availability.evidence).toMatch(/^Crashed broker \d, leader of account-service\.account\.events partition \d \(replicas \d\): no other replica was elected\.$/);
    // The rest of the table is still demonstrated on this run.
    expect(r.capabilities.find((c) => c.id === 'consistentWrites')!.answer).toBe('yes');
    // The broker was started again, so the demonstrations after it ran on a whole cluster.
    expect(r.capabilities.find((c) => c.id === 'snapshots')!.answer).toBe('yes');
  }, 120_000);

  it('counts the records the run produced: commands and events at least, per simulated second', async () => {
    const secs = 6;
    const r = await runStrategy(exampleBoard('banking'), 'sharedTopic', { ...COMPARISON_DEFAULTS, durationMs: secs * 1000 });
    const f = r.figures;
    expect(f.commandsIssued).toBeGreaterThanOrEqual(239);
    // Every command is a record, and every event appended another.
    expect(f.recordsPerSecond * secs).toBeGreaterThanOrEqual(f.commandsIssued + f.eventsPerSecond * secs - secs);
    expect(f.eventsPerSecond).toBeGreaterThan(20);
    expect(f.consumedPerSecond).toBeGreaterThan(0);
  }, 120_000);
});
