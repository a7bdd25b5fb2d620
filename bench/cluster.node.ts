// Cluster simulation benchmark (Node): 3 brokers, 3 topics × 12 partitions, RF 3, 4 consumer
// groups. Prints produced records per wall-clock second, heap per million replicated records,
// the cost of snapshot(), how long a leader election takes in simulated time after a broker
// crash, and how long consumers stall under eager vs cooperative rebalancing.
//   npm run bench -- bench/cluster.node.ts [records=1000000]
// The same workload in a browser Web Worker: npm run bench -- bench/cluster.browser.ts
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { THROUGHPUT_HEAD, election, header, stall, throughput, throughputRow } from './clusterWorkload';
import type { Acks } from '../src/engine/replication/producePath';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

export async function main(args: string[]): Promise<void> {
  const total = Number(args[0] ?? 1_000_000);
  console.log(header(total));
  for (const line of THROUGHPUT_HEAD) console.log(line);
  for (const acks of [1, -1] as Acks[]) console.log(throughputRow(await throughput(total, acks, heap)));
  const e = await election();
  console.log('');
  console.log('| leader election after crashing broker 1 | partitions it led | all re-elected after (simulated ms) | broker.session.timeout.ms |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| crash | ${e.led} | ${e.electionMs} | ${e.timeout} |`);
  console.log('');
  console.log('| a 4th member joins a 3-member group (36 partitions) | partitions paused | longest pause ms | total partition-pause ms | whole-group stall ms | rounds |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const a of ['sticky', 'cooperative-sticky'] as const) {
    const ep = await stall(a);
    console.log(`| ${a} (${ep.protocol}) | ${ep.pausedPartitions} | ${ep.maxPauseMs} | ${ep.totalPauseMs} | ${ep.stallMs} | ${ep.rounds} |`);
  }
}
