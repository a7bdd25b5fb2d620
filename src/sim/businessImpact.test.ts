// What faults cost the board: with two of three brokers stopped (acks=all, min.insync.replicas
// 2) the commands and events stall, with the cause and for how long; when the brokers come back
// they recover and the board says how long the stall lasted. A read model whose projector's
// service is down goes stale (its group ERR by Burrow's rules).
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';

describe('business impact of faults', () => {
  it('commands and events stall while writes are refused, and recover with the stall’s duration', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 2 });
    await sim.start();
    await sim.advance(5_000);
    const t = sim.topology;
    const command = t.commands[0]!.elementId;
    const event = t.events.find((e) => e.topicId !== null)!.elementId;
    const of = (id: string) => sim.snapshot().stickies!.find((s) => s.elementId === id)!;
    expect(of(command).impact).toBeNull();
    sim.broker('stop', 1);
    sim.broker('stop', 2);
    await sim.advance(3_000);
    const stalled = of(command).impact!;
    expect(stalled.state).toBe('stalled');
    expect(stalled.reason).toMatch(/refused on \d+ of \d+ partitions|no leader/);
    expect(of(event).impact?.state).toBe('stalled');
    await sim.advance(4_000);
    expect(of(command).impact!.forMs).toBeGreaterThanOrEqual(stalled.forMs + 3_900);
    sim.broker('start', 1);
    sim.broker('start', 2);
    for (let i = 0; i < 30 && of(command).impact; i++) await sim.advance(1_000);
    const s = of(command);
    expect(s.impact).toBeNull();
    expect(s.recovered!.state).toBe('stalled');
    // Timed from the first snapshot that saw it (the worker takes ten a second) to the first that did not.
    expect(s.recovered!.lastedMs).toBeGreaterThanOrEqual(4_000);
    await sim.stop();
  }, 60_000);

  it('a read model goes stale while its projector is down', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 2, commandsPerSecond: 40 });
    await sim.start();
    await sim.advance(30_000);
    const projector = sim.topology.projectors[0]!;
    const snap = sim.snapshot();
    expect(snap.stickies!.find((s) => s.elementId === projector.elementId)!.impact).toBeNull();
    const service = snap.services.find((s) => s.id === projector.serviceId)!;
    for (const i of service.instances) sim.crashInstance(i.id);
    await sim.advance(60_000);
    const rm = sim.snapshot().stickies!.find((s) => s.elementId === projector.elementId)!;
    expect(rm.impact!.state).toBe('stale');
    expect(rm.impact!.reason).toMatch(/consumer group .* is ERR/);
    await sim.stop();
  }, 60_000);

  it('a healthy run shows no stall or staleness as its groups start committing (one commit is not yet evidence)', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 2, commandsPerSecond: 40 });
    await sim.start();
    const seen = new Set<string>();
    for (let t = 0; t < 60_000; t += 500) {
      await sim.advance(500);
      for (const s of sim.snapshot().stickies ?? []) if (s.impact) seen.add(`${s.elementId} ${s.impact.state} at ${sim.snapshot().at}: ${s.impact.reason}`);
    }
    expect([...seen]).toEqual([]);
    await sim.stop();
  }, 60_000);
});
