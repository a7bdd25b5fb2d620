// The figures behind the board's live badges: each command counts the commands of its type its
// handler finished, each event the events of its type written, each policy and read model the
// records its group handled; lags are their groups' (an event: its most lagging reader).
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';

describe('sticky figures in the snapshot', () => {
  it('count and lag per command, event, policy and read model of a Banking run', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 3 });
    await sim.start();
    await sim.advance(8_000);
    const snap = sim.snapshot();
    const t = sim.topology;
    const byId = new Map((snap.stickies ?? []).map((s) => [s.elementId, s]));
    const group = new Map(snap.groups.map((g) => [g.groupId, g]));
    expect(byId.size).toBe(t.commands.length + t.events.length + t.policies.length + t.projectors.length);

    // Commands: the handled ones of each type add up to what the aggregates' groups handled.
    const commandTotal = t.commands.reduce((sum, c) => sum + byId.get(c.elementId)!.count, 0);
    const aggregateHandled = t.aggregates.reduce((sum, a) => sum + (group.get(a.groupId)?.handled ?? 0), 0);
    const sinkHandled = t.externalSystems.reduce((sum, e) => sum + (e.groupId ? (group.get(e.groupId)?.handled ?? 0) : 0), 0);
    expect(commandTotal).toBeGreaterThan(50);
    expect(commandTotal).toBe(aggregateHandled + sinkHandled - snap.counters.handlerErrors);
    const deposit = t.commands.find((c) => c.label === 'Deposit money')!;
    expect(byId.get(deposit.elementId)!.count).toBeGreaterThan(0);
    const account = t.aggregates.find((a) => a.elementId === deposit.handler!.elementId)!;
    expect(byId.get(deposit.elementId)!.lag).toBe(group.get(account.groupId)!.totalLag);

    // Events: as many as written of their type.
    const deposited = t.events.find((e) => e.label === 'Money deposited')!;
    expect(byId.get(deposited.elementId)!.count).toBe(snap.outcomes[deposited.typeName]);
    expect(byId.get(deposited.elementId)!.count).toBeGreaterThan(0);
    const readers = t.projectors.filter((p) => p.events.includes(deposited.elementId)).map((p) => group.get(p.groupId)!.totalLag);
    expect(readers.length).toBeGreaterThan(0);
    expect(byId.get(deposited.elementId)!.lag).toBe(Math.max(...readers, ...t.policies.filter((p) => p.triggers.includes(deposited.elementId)).map((p) => group.get(p.groupId)!.totalLag)));

    // Policies and read models: their group's handled records and lag.
    for (const p of [...t.policies, ...t.projectors]) {
      // No fault in this run: nothing stalled, nothing recovered.
      expect(byId.get(p.elementId)).toEqual({ elementId: p.elementId, count: group.get(p.groupId)!.handled, lag: group.get(p.groupId)!.totalLag, impact: null, recovered: null });
    }
    sim.stop();
  });
});
