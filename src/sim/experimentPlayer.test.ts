import { describe, expect, it } from 'vitest';
import { ExperimentPlayer, listExperiments } from './experimentPlayer';

describe('ExperimentPlayer', () => {
  it('lists the ready experiments with their variants', async () => {
    const ids = listExperiments().map((e) => e.id);
    expect(ids).toContain('acks1-leader-crash');
    expect(ids).toContain('safe-configuration');
  });

  it('plays acks=1 leader crash step by step to its known outcome: acknowledged records lost', async () => {
    const p = await ExperimentPlayer.create('acks1-leader-crash');
    p.play(100);
    expect(p.done).toBe(false);
    expect(p.snapshot({ speed: 1, seed: 1 }).experiment!.step).toBeGreaterThan(0);
    for (let i = 0; i < 200 && !p.done; i++) p.play(100);
    expect(p.done).toBe(true);
    expect(p.snapshot({ speed: 1, seed: 1 }).counters.lost).toBe(25);
  });

  it('the safe configuration (acks=all, min.insync.replicas=2) loses nothing', async () => {
    const p = await ExperimentPlayer.create('safe-configuration');
    p.finish();
    const s = p.snapshot({ speed: 1, seed: 1 });
    expect(s.counters.lost).toBe(0);
    expect(s.counters.acknowledged).toBeGreaterThan(0);
    // The Min ISR column shows the topic's setting, as the experiment created it.
    expect(s.partitions.map((x) => x.minInsync)).toEqual([2]);
  });

  it('steps through one scripted step at a time, with what to watch, to the same outcome', async () => {
    const p = await ExperimentPlayer.create('acks1-leader-crash');
    const total = p.experiment.steps.length;
    expect(p.snapshot({ speed: 1, seed: 1 }).experiment).toMatchObject({ step: 0, stepping: true });
    p.nextStep();
    let view = p.snapshot({ speed: 1, seed: 1 }).experiment!;
    expect(view).toMatchObject({ step: 1, stepping: true });
    expect(view.hints).toHaveLength(total);
    expect(view.hints[0]).toContain('acks=1');
    expect(p.snapshot({ speed: 1, seed: 1 }).counters.acknowledged).toBe(100);
    // The crash step is applied alone; the lost records show only after the election's wait.
    while (p.snapshot({ speed: 1, seed: 1 }).experiment!.steps[p.snapshot({ speed: 1, seed: 1 }).experiment!.step - 1] !== 'The leader crashes before the followers fetch') p.nextStep();
    expect(p.snapshot({ speed: 1, seed: 1 }).counters.lost).toBe(0);
    for (let i = 0; i < total && !p.done; i++) p.nextStep();
    view = p.snapshot({ speed: 1, seed: 1 }).experiment!;
    expect(view).toMatchObject({ step: total, done: true });
    expect(p.snapshot({ speed: 1, seed: 1 }).counters.lost).toBe(25);
  });

  it('refuses an unknown experiment', async () => {
    await expect(ExperimentPlayer.create('nope')).rejects.toThrow(/no fault experiment/);
  });
});
