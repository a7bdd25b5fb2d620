// What a workshop can tune about a run: cluster size, producer acks, load (rate, key
// distribution, number of aggregates), the group protocol, and speed. Defaults favour a run
// where something visible happens within seconds.
import type { AssignorName } from './engineApi';
import { InvalidSimOptionError } from './errors';
import type { KeyDistribution } from './keyDistribution';

export type ProducerAcks = 0 | 1 | -1;

export interface SimOptions {
  seed: number;
  brokers: number;
  /** acks of every producer in the run (-1 = all). */
  acks: ProducerAcks;
  minInsyncReplicas: number;
  /** Replicas of every topic in the run (at most the brokers); null: each topic's own from the board. */
  replicationFactor: number | null;
  /** Commands the actors issue per simulated second. */
  commandsPerSecond: number;
  aggregateIds: number;
  keys: KeyDistribution;
  /** Eager assignor for new members, or 'cooperative-sticky' for incremental rebalancing. */
  assignor: AssignorName;
  /** session.timeout.ms of the services' consumers. */
  sessionTimeoutMs: number;
  /** Simulated milliseconds per real millisecond (0.1 to 100). */
  speed: number;
  /** Snapshot every N events per aggregate (the runtime's setting). */
  maxRowsPerReadModel: number;
  /**
   * The simulator's memory budget, not a Kafka setting: records the cluster keeps over all
   * partitions. Beyond each partition's share the oldest whole segments are deleted as if by
   * retention.bytes, so a long run stays bounded (the board's own retention is usually days).
   */
  recordBudget: number;
  /**
   * Old and new producers side by side: every other event of a type with an earlier registered
   * schema version is written with that version, as a producer not yet upgraded would (eventSchemas.ts).
   */
  oldProducers: boolean;
}

export const SIM_DEFAULTS: SimOptions = {
  seed: 42,
  brokers: 3,
  acks: -1,
  minInsyncReplicas: 2,
  replicationFactor: null,
  commandsPerSecond: 40,
  aggregateIds: 50,
  keys: { kind: 'uniform' },
  assignor: 'range',
  // Kafka's default is 45 s; shorter so a crashed instance is noticed while people watch.
  sessionTimeoutMs: 10_000,
  speed: 1,
  maxRowsPerReadModel: 12,
  recordBudget: 200_000,
  oldProducers: false,
};

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
/**
 * Most commands per simulated second a run may be asked for. Above it the worker held ~660 MB
 * and pausing took seconds (issue 17). The UI clamps to it; the simulation refuses more, so no
 * caller can get past it.
 */
export const MAX_COMMANDS_PER_SECOND = 20_000;

/** Refuses a command rate outside 0..MAX_COMMANDS_PER_SECOND with a message that says the limit. */
export function checkRate(commandsPerSecond: number): void {
  if (!(commandsPerSecond >= 0) || !Number.isFinite(commandsPerSecond)) {
    throw new InvalidSimOptionError(`The command rate must be a number ≥ 0 per second, got ${commandsPerSecond}.`, { commandsPerSecond });
  }
  if (commandsPerSecond > MAX_COMMANDS_PER_SECOND) {
    throw new InvalidSimOptionError(`The command rate is at most ${MAX_COMMANDS_PER_SECOND.toLocaleString('en-US')} per second, got ${commandsPerSecond.toLocaleString('en-US')}.`, { commandsPerSecond });
  }
}

export function resolveSimOptions(patch: Partial<SimOptions>): SimOptions {
  const o: SimOptions = { ...SIM_DEFAULTS };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  checkSpeed(o.speed);
  checkRate(o.commandsPerSecond);
  if (!(o.recordBudget >= 1000)) throw new InvalidSimOptionError(`The record budget must be at least 1,000 records, got ${o.recordBudget}.`, { recordBudget: o.recordBudget });
  if (!Number.isInteger(o.brokers) || o.brokers < 1 || o.brokers > MAX_BROKERS) throw new InvalidSimOptionError(`A cluster has 1 to ${MAX_BROKERS} brokers, got ${o.brokers}.`, { brokers: o.brokers });
  if (!Number.isInteger(o.minInsyncReplicas) || o.minInsyncReplicas < 1 || o.minInsyncReplicas > o.brokers) {
    throw new InvalidSimOptionError(
      `min.insync.replicas must be a whole number from 1 to the number of brokers (${o.brokers}), got ${o.minInsyncReplicas}: more could never be in sync, and every acks=all write would be refused.`,
      { minInsyncReplicas: o.minInsyncReplicas },
    );
  }
  const rf = o.replicationFactor;
  if (rf !== null && (!Number.isInteger(rf) || rf < 1 || rf > o.brokers)) {
    throw new InvalidSimOptionError(`The replication factor must be a whole number from 1 to the number of brokers (${o.brokers}), got ${rf}.`, { replicationFactor: rf });
  }
  return o;
}

/** Most brokers a run's cluster may have (the engine supports 1 to 9). */
export const MAX_BROKERS = 9;

/**
 * min.insync.replicas of a topic with `replicationFactor` replicas in this run: the run's
 * setting, capped by the replica count (a topic with fewer replicas could never meet it).
 */
export function topicMinInsync(o: Pick<SimOptions, 'minInsyncReplicas'>, replicationFactor: number): number {
  return Math.min(o.minInsyncReplicas, replicationFactor);
}

export function checkSpeed(speed: number): void {
  if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
    throw new InvalidSimOptionError(`Speed must be between ${MIN_SPEED}× and ${MAX_SPEED}×, got ${speed}.`, { speed });
  }
}
