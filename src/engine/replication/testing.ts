// Small helpers shared by the replication, group and experiment tests: produce through the
// callback API and collect outcomes without awaiting (the virtual clock drives everything).
import type { ClusterSim } from './clusterSim';
import { readConsumed } from './records';
import type { Acks, ProduceAnswer } from './producePath';

export interface Outcome {
  answer: ProduceAnswer | null;
  error: Error | null;
  settled: boolean;
}

export function send(sim: ClusterSim, topic: string, partition: number, acks: Acks, count = 1, value: unknown = 'v'): Outcome {
  const out: Outcome = { answer: null, error: null, settled: false };
  sim.produceWith({ topic, partition, acks, records: Array.from({ length: count }, () => ({ value })) }, (error, answer) => {
    out.error = error;
    out.answer = answer;
    out.settled = true;
  });
  return out;
}

/** What a consumer's fetch from the partition leader gets at this instant: the records' values as text (the fetch's errors are thrown). */
export function consumerFetch(sim: ClusterSim, topic: string, partition: number, offset: number): string[] {
  const records = readConsumed(sim.fetchLog(topic, partition, offset), offset, 500);
  if (records instanceof Promise) throw new Error('consumerFetch reads resident records only (memory storage).');
  return records.map((r) => (r.value === null ? '' : new TextDecoder().decode(r.value)));
}
