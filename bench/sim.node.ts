// How fast the simulator runs a loaded board in Node, i.e. how much simulated time per wall
// second the worker can afford (and the process's CPU time per simulated second, which a shared
// machine's load disturbs less than wall time), and how much memory a long run holds (heap after
// a forced GC, and the records the replicated cluster keeps):
//   npm run bench -- bench/sim.node.ts [commandsPerSecond=400] [simSeconds=20]
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Simulation } from '../src/sim';
import { benchBoard } from '../src/sim/testing/benchBoard';
import { heldRecords as held } from '../src/sim/testing/heldRecords';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMiB = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

export async function main(args: string[]): Promise<void> {
  const rate = Number(args[0] ?? 400);
  const seconds = Number(args[1] ?? 20);
  const sim = new Simulation(benchBoard(), { commandsPerSecond: rate, seed: 1 });
  await sim.start();
  await sim.advance(3000); // groups form (group.initial.rebalance.delay.ms)
  const c0 = sim.snapshot().counters;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const t = (x: number) => Math.round(x).toLocaleString('en-US');
  const mem: string[] = [];
  const memRow = (s: number) => {
    const h = held(sim);
    const m = sim.memoryStats();
    mem.push(`| ${s} | ${heapMiB().toFixed(1)} | ${t(h.records)} | ${t(h.mostPerReplica)} | ${t(h.ledger)} | ${t(m.eventIndexEntries)} | ${t(m.streams)} | ${t(m.readModelRows)} | ${t(m.queuedHandlerWork)} |`);
  };
  let gcMs = 0;
  let gcCpuMs = 0;
  const every = Math.max(1, Math.floor(seconds / 4));
  for (let i = 0; i < seconds; i++) {
    await sim.advance(1000);
    if ((i + 1) % every === 0 || i + 1 === seconds) {
      const g0 = performance.now();
      const c0 = process.cpuUsage();
      memRow(i + 1);
      gcMs += performance.now() - g0;
      const c = process.cpuUsage(c0);
      gcCpuMs += (c.user + c.system) / 1000;
    }
  }
  const wall = (performance.now() - t0 - gcMs) / 1000;
  const cpuUsed = process.cpuUsage(cpu0);
  const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000 - gcCpuMs;
  const c1 = sim.snapshot().counters;
  const produced = c1.produced - c0.produced;
  console.log('| commands/s | simulated s | records produced | records/simulated s | wall s | simulated s per wall s | records per wall s | CPU ms per simulated s |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(`| ${rate} | ${seconds} | ${t(produced)} | ${t(produced / seconds)} | ${wall.toFixed(2)} | ${(seconds / wall).toFixed(2)} | ${t(produced / wall)} | ${t(cpuMs / seconds)} |`);
  const lag = sim.snapshot().groups.map((g) => `${g.label}: ${g.totalLag}`).join('; ');
  console.log(`lag at the end: ${lag}`);
  console.log(`lost: ${c1.lost}; handler errors: ${c1.handlerErrors}; log start moved on ${sim.snapshot().partitions.filter((p) => p.logStart > 0).length} partitions`);
  console.log('');
  console.log('| simulated s | heap MiB after GC | records held (all replicas) | most held by one replica | ledger entries | event-store index entries | event streams (keys) | read-model rows | queued handler work |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of mem) console.log(row);
  sim.stop();
}
