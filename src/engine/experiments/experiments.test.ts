// Each scripted experiment reproduces the outcome Kafka is known for: the expectation lives in
// the catalog next to the script, and this test runs every variant to the end and checks it.
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from './catalog';
import { runExperiment } from './runExperiment';
import type { ExpectedOutcome } from './types';

function check(actual: number, expected: number | 'some' | undefined): void {
  if (expected === undefined) return;
  if (expected === 'some') expect(actual).toBeGreaterThan(0);
  else expect(actual).toBe(expected);
}

describe.each(EXPERIMENTS.map((e) => [e.id, e] as const))('experiment %s', (_id, exp) => {
  it('has a title, an explanation and something to watch', () => {
    expect(exp.title.length).toBeGreaterThan(10);
    expect(exp.explanation.length).toBeGreaterThan(80);
    expect(exp.watch.length).toBeGreaterThan(0);
  });

  it.each(exp.variants.map((v) => [v.label, v.id, v.expected] as const))('%s gives the expected outcome', async (_label, variant, expected: ExpectedOutcome) => {
    const r = await runExperiment(exp, variant);
    check(r.lost, expected.lost);
    check(r.divergentReplicas, expected.divergentReplicas);
    // Same seed, same script: the run is reproducible.
    const again = await runExperiment(exp, variant);
    expect({ ...again, sim: null }).toEqual({ ...r, sim: null });
  });
});

it('the safe configuration refuses writes while degraded instead of losing them', async () => {
  const r = await runExperiment(EXPERIMENTS.find((e) => e.id === 'safe-configuration')!);
  expect(r.refused).toBeGreaterThan(0);
  expect(r.lost).toBe(0);
  expect(r.acknowledged).toBeGreaterThanOrEqual(100);
});
