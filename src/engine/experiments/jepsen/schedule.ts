// Seeded random schedules for the Jepsen-style test: produce load on every partition, broker
// stops, starts, crashes, isolations and heals, slow followers, and consumer crashes, drawn from
// one RNG so a failing seed replays exactly.
import { createRng } from '../../../lib/rng';

export type Op =
  | { at: number; op: 'produce'; partition: number; count: number }
  | { at: number; op: 'crash' | 'stop' | 'start' | 'isolate'; broker: number }
  | { at: number; op: 'slow'; broker: number; ms: number }
  | { at: number; op: 'heal' }
  | { at: number; op: 'crash-consumer' | 'add-consumer' };

export interface ScheduleOptions {
  seed: number;
  brokers: number;
  partitions: number;
  steps: number;
  /** Probability that a step is a fault rather than load. */
  faultRate: number;
  /** At most this many brokers down or cut off at once (faults beyond it are skipped); unlimited by default. */
  maxDown?: number;
  /** Whether slow followers are among the faults (default true). */
  slowFollowers?: boolean;
}

export function generateSchedule(o: ScheduleOptions): Op[] {
  const rng = createRng(o.seed).fork('jepsen');
  const ops: Op[] = [];
  const down = new Set<number>();
  const isolated = new Set<number>();
  let at = 0;
  for (let i = 0; i < o.steps; i++) {
    at += 1 + rng.int(60);
    if (!rng.chance(o.faultRate)) {
      ops.push({ at, op: 'produce', partition: rng.int(o.partitions), count: 1 + rng.int(5) });
      continue;
    }
    const broker = 1 + rng.int(o.brokers);
    const roll = rng.int(10);
    const canTakeDown = down.has(broker) || isolated.has(broker) || down.size + isolated.size < (o.maxDown ?? Infinity);
    if (roll < 3 && !canTakeDown) continue;
    if (roll === 5 && !canTakeDown) continue;
    if (roll < 2) {
      ops.push({ at, op: 'crash', broker });
      down.add(broker);
    } else if (roll < 3) {
      ops.push({ at, op: 'stop', broker });
      down.add(broker);
    } else if (roll < 5) {
      ops.push({ at, op: 'start', broker });
      down.delete(broker);
    } else if (roll < 6) {
      ops.push({ at, op: 'isolate', broker });
      isolated.add(broker);
    } else if (roll < 7) {
      ops.push({ at, op: 'heal' });
      isolated.clear();
    }
    else if (roll < 8) {
      const ms = rng.pick([0, 0, 200, 3_000]);
      if (o.slowFollowers !== false) ops.push({ at, op: 'slow', broker, ms });
    }
    else if (roll < 9) ops.push({ at, op: 'crash-consumer' });
    else ops.push({ at, op: 'add-consumer' });
  }
  return ops;
}
