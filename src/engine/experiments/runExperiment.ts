// Plays an experiment's steps on a fresh cluster (createCluster, as every cluster is made) and
// summarises the outcome with the same counters the UI shows.
import { createCluster } from '../cluster/createCluster';
import type { ClusterSim } from '../replication/clusterSim';
import type { ConfigEntry } from '../log/topicConfig';
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

/**
 * The experiment's cluster: the engine's createCluster on a virtual clock, with the experiment's
 * settings and topics (their replica placement as scripted); the steps drive its replicated
 * cluster, which is what this returns.
 */
export async function createExperimentCluster(exp: Experiment, variantId?: string): Promise<ClusterSim> {
  const variant = exp.variants.find((v) => v.id === variantId) ?? exp.variants[0];
  const options = { ...exp.options, ...(variant?.options ?? {}) };
  const cluster = await createCluster({
    brokers: options.brokers ?? 3,
    clock: 'virtual',
    seed: options.seed ?? 1,
    cleanerIntervalMs: 0,
    virtualStallMs: 0,
    replication: options,
  });
  for (const t of exp.topics) {
    const configs: ConfigEntry[] = [];
    if (t.minInsyncReplicas !== undefined) configs.push({ name: 'min.insync.replicas', value: String(t.minInsyncReplicas) });
    if (t.uncleanLeaderElection !== undefined) configs.push({ name: 'unclean.leader.election.enable', value: String(t.uncleanLeaderElection) });
    const rf = t.assignment?.[0]?.length ?? t.replicationFactor ?? 1;
    await cluster.engine.createTopic(t.name, t.partitions, configs, rf, t.assignment);
  }
  return cluster.replication;
}

export async function runExperiment(exp: Experiment, variantId?: string): Promise<ExperimentResult & { sim: ClusterSim }> {
  const variant = exp.variants.find((v) => v.id === variantId) ?? exp.variants[0]!;
  const sim = await createExperimentCluster(exp, variant.id);
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
