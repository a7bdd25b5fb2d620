// Waits for an engine request (an append, an election) while the paused run's simulated time
// moves in steps: on the virtual clock an acks=all answer or a leader election needs time to
// pass, and nothing else moves it while a run is paused.
import type { Simulation } from '../simulation';
import { STEP_MS } from '../simulation';

/** Resolves with the outcome and the simulated milliseconds it took; gives up after `limitMs`. */
export async function settleWithTime<T>(sim: Simulation, work: Promise<T>, limitMs = 15_000): Promise<{ ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number }> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
  work.then(
    (value) => (outcome = { ok: true, value }),
    (error: unknown) => (outcome = { ok: false, error }),
  );
  const start = sim.now;
  // Answers that need no time arrive within a few turns of the microtask queue.
  for (let i = 0; i < 10 && outcome === null; i++) await Promise.resolve();
  while (outcome === null && sim.now - start < limitMs) await sim.step(STEP_MS);
  const ms = sim.now - start;
  const done = outcome as { ok: true; value: T } | { ok: false; error: unknown } | null;
  if (done === null) return { ok: false, error: new Error(`No answer within ${limitMs / 1000} simulated seconds.`), ms };
  return { ...done, ms };
}
