// The simulator plays an external system with the same weighted answer() the exported adapter
// embeds: the board's outcome weights (Payment succeeded 9, Payment failed 1) show in the run.
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';

describe('external systems in the simulation', () => {
  it('answer commands with the events the board links to them, weighted as on the board', async () => {
    const sim = new Simulation(exampleBoard('ecommerce'), { seed: 21 });
    await sim.start();
    for (let i = 0; i < 10; i++) await sim.advance(1000);
    const { outcomes } = sim.snapshot();
    sim.stop();
    const ok = outcomes.PaymentSucceeded ?? 0;
    const failed = outcomes.PaymentFailed ?? 0;
    expect(ok + failed).toBeGreaterThan(100);
    expect(failed).toBeGreaterThan(0);
    // 9:1 on the board; uniform choice would give about 1:1.
    expect(ok / (ok + failed)).toBeGreaterThan(0.8);
  });
});
