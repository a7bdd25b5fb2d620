import { describe, expect, it } from 'vitest';
import { exampleBoard } from '../sim/testing/exampleBoards';
import type { ComparisonMessage } from './comparisonProtocol';
import { runComparison } from './comparisonHost';
import { startComparison } from './comparisonClient';

describe('comparison worker host', () => {
  it('posts throttled progress, then the three strategies’ results', async () => {
    const posted: ComparisonMessage[] = [];
    let t = 0;
    await runComparison({ type: 'compare', board: exampleBoard('banking'), settings: { durationMs: 6_000 } }, (m) => posted.push(m), () => (t += 30));
    const progress = posted.filter((m) => m.type === 'progress');
    // Every 30 ms of wall time per report, at most one in 100 ms gets through while running.
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.length).toBeLessThan(15);
    expect(progress.at(-1)).toMatchObject({ progress: { fraction: 1 } });
    const last = posted.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type === 'result') expect(last.comparison.results.map((r) => r.strategy)).toEqual(['perAggregateType', 'perAggregateInstance', 'sharedTopic']);
  }, 120_000);

  it('posts a typed error for a board it cannot run', async () => {
    const posted: ComparisonMessage[] = [];
    const board = { ...exampleBoard('banking'), elements: [], links: [] };
    await runComparison({ type: 'compare', board }, (m) => posted.push(m));
    expect(posted).toEqual([{ type: 'error', code: 'SIM_BOARD_NOT_RUNNABLE', message: expect.stringMatching(/no aggregate/) }]);
  });

  it('the client ends its worker on the result and on cancel, and rejects a cancelled comparison', async () => {
    const made: { terminated: boolean; post: (m: ComparisonMessage) => void }[] = [];
    const fake = () => {
      const w = {
        terminated: false,
        onmessage: null as ((e: MessageEvent<ComparisonMessage>) => void) | null,
        onerror: null,
        postMessage: () => undefined,
        terminate: () => (w.terminated = true),
        post: (m: ComparisonMessage) => w.onmessage?.({ data: m } as MessageEvent<ComparisonMessage>),
      };
      made.push(w);
      return w;
    };
    const seen: number[] = [];
    const a = startComparison(exampleBoard('banking'), {}, (p) => seen.push(p.fraction), fake);
    made[0]!.post({ type: 'progress', progress: { strategy: 'perAggregateType', index: 0, of: 3, fraction: 0.2, phase: 'running' } });
    made[0]!.post({ type: 'error', code: 'SIM_BOARD_NOT_RUNNABLE', message: 'no aggregate' });
    await expect(a.result).rejects.toMatchObject({ code: 'SIM_BOARD_NOT_RUNNABLE' });
    expect(seen).toEqual([0.2]);
    expect(made[0]!.terminated).toBe(true);
    const b = startComparison(exampleBoard('banking'), {}, () => undefined, fake);
    b.cancel();
    await expect(b.result).rejects.toMatchObject({ code: 'COMPARISON_CANCELLED' });
    expect(made[1]!.terminated).toBe(true);
  });
});
