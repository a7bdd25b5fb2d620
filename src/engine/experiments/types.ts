// A fault experiment as data: the cluster it needs, the scripted steps (each with a note the UI
// can show while it plays), and what Kafka's behaviour predicts. Data rather than code so the UI
// can list, explain and step through them, and tests can run them to the end.
import type { ClusterSimOptions } from '../replication/clusterConfig';
import type { TopicSpec } from '../replication/clusterCore';
import type { Acks } from '../replication/producePath';

export type ExperimentStep = { note?: string } & (
  | { kind: 'produce'; topic: string; partition: number; acks: Acks; count: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'crash' | 'stop' | 'start' | 'isolate' | 'flush' | 'checkpoint'; broker: number }
  | { kind: 'slow'; broker: number; ms: number }
  | { kind: 'heal' }
  | { kind: 'preferred-election' }
);

export interface ExpectedOutcome {
  /** Acknowledged records later lost: exact, or just "some" (> 0). */
  lost: number | 'some';
  /** Replicas disagreeing about a committed offset at the end. */
  divergentReplicas?: number | 'some';
}

export interface ExperimentVariant {
  readonly id: string;
  readonly label: string;
  readonly options: ClusterSimOptions;
  readonly expected: ExpectedOutcome;
}

export interface Experiment {
  readonly id: string;
  readonly title: string;
  /** What it shows and what to watch in the panels while it runs. */
  readonly explanation: string;
  readonly watch: readonly string[];
  readonly options: ClusterSimOptions;
  readonly topics: readonly TopicSpec[];
  readonly steps: readonly ExperimentStep[];
  /** Alternative settings to compare (e.g. before and after leader epochs); the first is the default. */
  readonly variants: readonly ExperimentVariant[];
}

export interface ExperimentResult {
  readonly experiment: string;
  readonly variant: string;
  readonly produced: number;
  readonly acknowledged: number;
  readonly refused: number;
  readonly lost: number;
  readonly lostOffsets: readonly { topic: string; partition: number; offset: number }[];
  readonly divergentReplicas: number;
  readonly finalLeader: Readonly<Record<string, number | null>>;
}
