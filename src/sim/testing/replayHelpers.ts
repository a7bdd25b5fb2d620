// Shared by the replay tests: a run recorded as the worker drives it (uneven ticks, actions
// between them), the plan of faults and changes, and the part of a snapshot a replay must match.
import { yieldMacrotask } from '../../lib/yieldMacrotask';
import { KafkaConsole } from '../kafkaConsole';
import type { RunAction } from '../runRecording';
import { SIM_EPOCH_MS, type Simulation } from '../simulation';
import type { SimSnapshot } from '../simSnapshot';

/** What must match between a run and its replay (the run/paused state and speed may differ). */
export function runState(s: SimSnapshot): string {
  return JSON.stringify([s.at, s.counters, s.outcomes, s.partitions, s.brokers, s.groups.map((g) => [g.groupId, g.generation, g.state, g.committed, g.totalLag, g.handled, g.members]), s.readModels]);
}

/** Tick lengths in simulated ms, as a worker's timer would give them (whole steps, uneven). */
const TICKS = [10, 160, 30, 2000, 50, 10, 720, 340, 90, 1500, 20, 260];

export interface Plan {
  at: number;
  act: (sim: Simulation) => void;
}

/**
 * Runs `sim` for `ms` in uneven ticks, applying each planned action at the first tick boundary
 * at or after its time (as the worker applies commands between ticks), and returns the run's
 * state at every tick boundary, keyed by simulated time.
 */
export async function recordRun(sim: Simulation, ms: number, plan: Plan[], hostTurn = true): Promise<Map<number, string>> {
  const seen = new Map<number, string>();
  const todo = [...plan];
  for (let i = 0; sim.now < ms; i++) {
    await sim.advance(Math.min(TICKS[i % TICKS.length]!, ms - sim.now));
    while (todo.length > 0 && todo[0]!.at <= sim.now) todo.shift()!.act(sim);
    if (hostTurn) await yieldMacrotask(); // the worker's next tick is a later turn of the event loop
    seen.set(sim.now, runState(sim.snapshot()));
  }
  return seen;
}

/** A test message sent from the Kafka console, recorded as the worker records it. */
export function produceFrom(sim: Simulation, topic: string): void {
  const request = { topic, key: 'replay-key', value: '{"note":"test message"}', headers: [], partition: null };
  sim.record({ kind: 'produce', request } satisfies RunAction);
  void new KafkaConsole(sim.activeCluster!, SIM_EPOCH_MS).produce(request);
}

export function faultsPlan(serviceId: string, topic: string): Plan[] {
  return [
    { at: 1_500, act: (s) => s.broker('crash', 2) },
    { at: 2_500, act: (s) => s.addInstance(serviceId) },
    { at: 3_200, act: (s) => produceFrom(s, topic) },
    { at: 4_000, act: (s) => s.setRate(40) },
    { at: 5_000, act: (s) => s.broker('start', 2) },
  ];
}

