// Plays one of the cluster layer's ready fault experiments on its own small cluster, step by
// step, so a workshop can watch it: each scripted step is applied, then held on screen for a
// moment of display time (which does not move the experiment's clock, so the outcome is
// exactly the scripted one); "advance" steps move its clock in 10 ms slices. Stepping mode waits
// after each step for "next step", with what to watch (experimentHints.ts); it starts that way.
import { applyStep, createExperimentCluster, EXPERIMENTS, type ClusterSim, type Experiment, type StampedEvent } from './engineApi';
import { UnknownExperimentError } from './errors';
import { watchForStep } from './experimentHints';
import type { SimSnapshot } from './simSnapshot';

const DWELL_MS = 350;
const SLICE_MS = 10;

export interface ExperimentSummary {
  id: string;
  title: string;
  explanation: string;
  watch: readonly string[];
  variants: { id: string; label: string; expectedLost: number | 'some' }[];
}

export function listExperiments(): ExperimentSummary[] {
  return EXPERIMENTS.map((e) => ({
    id: e.id,
    title: e.title,
    explanation: e.explanation,
    watch: e.watch,
    variants: e.variants.map((v) => ({ id: v.id, label: v.label, expectedLost: v.expected.lost })),
  }));
}

export class ExperimentPlayer {
  readonly experiment: Experiment;
  readonly variant: string;
  private readonly sim: ClusterSim;
  private stepIndex = 0;
  /** Simulated time still to advance for the current "advance" step. */
  private remaining = 0;
  private dwell = 0;
  private refused = { refused: 0 };
  private readonly timeline: StampedEvent[] = [];
  /**
   * true: the player waits for nextStep() instead of playing on by itself. An experiment starts
   * waiting, so a workshop takes it one step at a time unless it chooses to play it through.
   */
  stepping = true;

  /** An experiment ready to play, on its own cluster (built by the engine's createCluster). */
  static async create(id: string, variantId?: string): Promise<ExperimentPlayer> {
    const exp = EXPERIMENTS.find((e) => e.id === id);
    if (!exp) throw new UnknownExperimentError(id);
    const variant = (exp.variants.find((v) => v.id === variantId) ?? exp.variants[0]!).id;
    return new ExperimentPlayer(exp, variant, await createExperimentCluster(exp, variant));
  }

  private constructor(exp: Experiment, variant: string, sim: ClusterSim) {
    this.experiment = exp;
    this.variant = variant;
    this.sim = sim;
    this.sim.onEvent((e) => {
      this.timeline.push(e);
      if (this.timeline.length > 80) this.timeline.shift();
    });
  }

  get done(): boolean {
    return this.stepIndex >= this.experiment.steps.length && this.remaining <= 0;
  }

  /** Stepping: finishes the step in progress, then applies the next one whole (an advance step plays all its time). */
  nextStep(): void {
    this.stepping = true;
    this.advanceAll();
    this.dwell = 0;
    if (this.stepIndex >= this.experiment.steps.length) return;
    this.apply(this.experiment.steps[this.stepIndex++]!);
    this.advanceAll();
    this.dwell = 0;
  }

  private advanceAll(): void {
    while (this.remaining > 0) {
      const slice = Math.min(SLICE_MS, this.remaining);
      this.sim.advance(slice);
      this.remaining -= slice;
    }
  }

  private apply(step: Experiment['steps'][number]): void {
    if (step.kind === 'advance') this.remaining = step.ms;
    else {
      applyStep(this.sim, step, this.refused);
      this.dwell = DWELL_MS;
    }
  }

  /** Plays `ms` of display time. */
  play(ms: number): void {
    let budget = ms;
    while (budget > 0 && !this.done) {
      if (this.remaining > 0) {
        const slice = Math.min(SLICE_MS, this.remaining);
        this.sim.advance(slice);
        this.remaining -= slice;
        budget -= slice;
        continue;
      }
      if (this.dwell > 0) {
        const d = Math.min(this.dwell, budget);
        this.dwell -= d;
        budget -= d;
        continue;
      }
      this.apply(this.experiment.steps[this.stepIndex++]!);
    }
  }

  /** Plays every remaining step at once. */
  finish(): void {
    while (!this.done) this.play(60_000);
  }

  snapshot(base: { speed: number; seed: number }): SimSnapshot {
    const s = this.sim.snapshot();
    const v = this.experiment.variants.find((x) => x.id === this.variant)!;
    return {
      state: this.done ? 'paused' : 'running',
      at: s.at,
      speed: base.speed,
      seed: base.seed,
      source: 'experiment',
      boardName: this.experiment.title,
      brokers: s.brokers,
      // Each topic's min.insync.replicas as the experiment created it (the Min ISR column).
      partitions: s.partitions.map((p) => ({ ...p, minInsync: this.sim.core.partition(p.topic, p.partition)?.settings.minInsyncReplicas })),
      counters: { ...s.counters, commandsIssued: 0, sendErrors: this.refused.refused, sendRetries: 0, handlerErrors: 0, commandsRejected: 0, conflicts: 0, oldProducerEvents: 0, oldConsumerReads: 0, oldConsumerFailures: 0 },
      groups: [],
      services: [],
      readModels: [],
      timeline: [...this.timeline],
      flow: { topicRates: {}, groupRates: {} },
      outcomes: {},
      experiment: {
        id: this.experiment.id,
        variant: v.label,
        title: this.experiment.title,
        explanation: this.experiment.explanation,
        watch: this.experiment.watch,
        step: Math.min(this.stepIndex, this.experiment.steps.length),
        steps: this.experiment.steps.map((st) => st.note ?? describeStep(st)),
        hints: this.experiment.steps.map(watchForStep),
        stepping: this.stepping,
        done: this.done,
        expectedLost: v.expected.lost,
      },
      assignor: '',
      acks: 0,
      commandsPerSecond: 0,
      keys: '',
    };
  }

  stop(): void {
    this.sim.shutdown();
  }
}

function describeStep(st: Experiment['steps'][number]): string {
  switch (st.kind) {
    case 'produce':
      return `Produce ${st.count} records with acks=${st.acks === -1 ? 'all' : st.acks}`;
    case 'advance':
      return `Wait ${st.ms} ms`;
    case 'slow':
      return `Slow broker ${st.broker} by ${st.ms} ms`;
    case 'heal':
      return 'Heal the network';
    case 'preferred-election':
      return 'Preferred leader election';
    default:
      return `${st.kind[0]!.toUpperCase()}${st.kind.slice(1)} broker ${st.broker}`;
  }
}
