// How fast the simulator runs a loaded board in Node, i.e. how much simulated time per wall
// second the worker can afford:  npm run bench -- bench/sim.node.ts [commandsPerSecond=400] [simSeconds=20]
import { Simulation } from '../src/sim';
import { benchBoard } from '../src/sim/testing/benchBoard';

export async function main(args: string[]): Promise<void> {
  const rate = Number(args[0] ?? 400);
  const seconds = Number(args[1] ?? 20);
  const sim = new Simulation(benchBoard(), { commandsPerSecond: rate, seed: 1 });
  sim.start();
  await sim.advance(3000); // groups form (group.initial.rebalance.delay.ms)
  const c0 = sim.snapshot().counters;
  const t0 = performance.now();
  for (let i = 0; i < seconds; i++) await sim.advance(1000);
  const wall = (performance.now() - t0) / 1000;
  const c1 = sim.snapshot().counters;
  const produced = c1.produced - c0.produced;
  const t = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log('| commands/s | simulated s | records produced | records/simulated s | wall s | simulated s per wall s | records per wall s |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(`| ${rate} | ${seconds} | ${t(produced)} | ${t(produced / seconds)} | ${wall.toFixed(2)} | ${(seconds / wall).toFixed(2)} | ${t(produced / wall)} |`);
  const lag = sim.snapshot().groups.map((g) => `${g.label}: ${g.totalLag}`).join('; ');
  console.log(`lag at the end: ${lag}`);
  sim.stop();
}
