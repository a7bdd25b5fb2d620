// Lag health fed by a running board: every group is OK while the services keep up; when every
// instance of a service crashes, its groups stop committing while records keep coming, and
// Burrow's STOP rule makes them ERR; restarted, they clear their lag and the estimate says how
// fast. The whole-run history keeps the episode.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { exampleBoard } from '../testing/exampleBoards';

describe('lag health of a running board', () => {
  it('OK while consumers keep up, ERR (STOP) when a service is down, cleared after a restart', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 7, commandsPerSecond: 40 });
    await sim.start();
    await sim.advance(60_000);
    let s = sim.snapshot();
    for (const g of s.groups) {
      expect(g.health, g.groupId).not.toBeNull();
      expect(g.health!.status, g.groupId).toBe('OK');
    }
    const projector = s.groups.find((g) => g.kind === 'projector')!;
    // 60 s of commits every 5 s fill the window of 10 on every partition the group reads.
    expect(projector.health!.complete).toBe(1);
    const service = s.services.find((x) => x.id === projector.serviceId)!;
    for (const i of service.instances) sim.crashInstance(i.id);
    await sim.advance(70_000);
    s = sim.snapshot();
    const down = s.groups.find((g) => g.groupId === projector.groupId)!;
    expect(down.health!.status).toBe('ERR');
    expect(Object.values(down.health!.partitions)).toContain('STOP');
    expect(down.health!.totalLag).toBeGreaterThan(100);
    expect(down.health!.clearMs).toBeNull();
    expect(down.health!.trend).toBe('not consuming');
    for (let n = 0; n < service.instances.length; n++) sim.addInstance(service.id);
    let clearing: number | null = null;
    for (let t = 0; t < 60_000 && (clearing === null || clearing === 0); t += 500) {
      await sim.advance(500);
      const h = sim.snapshot().groups.find((g) => g.groupId === projector.groupId)!.health!;
      if (h.clearMs !== null && h.clearMs > 0) clearing = h.clearMs;
    }
    expect(clearing).toBeGreaterThan(0);
    await sim.advance(60_000);
    s = sim.snapshot();
    const back = s.groups.find((g) => g.groupId === projector.groupId)!;
    expect(back.health!.status).toBe('OK');
    expect(['caught up', 'keeping up']).toContain(back.health!.trend);
    // The whole run is in the history: the group's ERR episode and its peak lag.
    const hist = sim.seriesExport().history!;
    const lagCol = hist.columns[hist.names.indexOf(`lag:${projector.groupId}`)]!;
    const healthCol = hist.columns[hist.names.indexOf(`health:${projector.groupId}`)]!;
    expect(hist.columns[0]![0]).toBeLessThan(1_000);
    expect(Math.max(...healthCol)).toBe(2);
    expect(healthCol[healthCol.length - 1]).toBe(0);
    expect(Math.max(...lagCol)).toBeGreaterThanOrEqual(down.health!.totalLag);
    await sim.stop();
  }, 120_000);
});
