// Plays an experiment's steps on a fresh simulated cluster (or on one the caller supplies, e.g.
// the UI's) and summarises the outcome with the same counters the UI shows.
import { createClusterSim, type ClusterSim } from '../replication/clusterSim';
import { assertNever } from '../../lib/assert';
import type { Experiment, ExperimentResult, ExperimentStep } from './types';

export function applyStep(sim: ClusterSim, step: ExperimentStep, tally: { refused: number }): void {
  switch (step.kind) {
    case 'produce':
      sim.produceWith({ topic: step.topic, partition: step.partition, acks: step.acks, records: Array.from({ length: step.count }, (_, i) => ({ value: `record-${i}` })) }, (err) => {
        if (err) tally.refused++;
      });
      return;
    case 'advance':
      return sim.advance(step.ms);
    case 'crash':
      return sim.crashBroker(step.broker);
    case 'stop':
      return sim.stopBroker(step.broker);
    case 'start':
      return sim.startBroker(step.broker);
    case 'isolate':
      return sim.isolateBroker(step.broker);
    case 'flush':
      return sim.flushBroker(step.broker);
    case 'checkpoint':
      return sim.checkpointBroker(step.broker);
    case 'slow':
      return sim.slowBroker(step.broker, step.ms);
    case 'heal':
      return sim.heal();
    case 'preferred-election':
      sim.electPreferredLeaders();
      return;
    default:
      assertNever(step, 'experiment step');
  }
}

export function createExperimentCluster(exp: Experiment, variantId?: string): ClusterSim {
  const variant = exp.variants.find((v) => v.id === variantId) ?? exp.variants[0];
  const sim = createClusterSim({ ...exp.options, ...(variant?.options ?? {}) });
  for (const t of exp.topics) sim.createTopic(t);
  return sim;
}

export function runExperiment(exp: Experiment, variantId?: string): ExperimentResult & { sim: ClusterSim } {
  const variant = exp.variants.find((v) => v.id === variantId) ?? exp.variants[0]!;
  const sim = createExperimentCluster(exp, variant.id);
  const tally = { refused: 0 };
  for (const step of exp.steps) applyStep(sim, step, tally);
  const snap = sim.snapshot();
  const finalLeader: Record<string, number | null> = {};
  for (const p of snap.partitions) finalLeader[`${p.topic}-${p.partition}`] = p.leader;
  return {
    sim,
    experiment: exp.id,
    variant: variant.id,
    produced: snap.counters.produced,
    acknowledged: snap.counters.acknowledged,
    refused: tally.refused,
    lost: snap.counters.lost,
    lostOffsets: sim.core.ledger.lost.map(({ topic, partition, offset }) => ({ topic, partition, offset })),
    divergentReplicas: sim.divergences().length,
    finalLeader,
  };
}
