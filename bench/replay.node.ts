// How long an exact replay takes: a run of an example board (a broker stopped a third of the way
// in, started again at two thirds) is recorded, then replayed from the start to its end, as a
// scrub back does. Prints simulated seconds per wall second for the run and for its replay:
//   npm run bench -- bench/replay.node.ts [simSeconds=60] [commandsPerSecond=40]
import { RunReplay, Simulation } from '../src/sim';
import { exampleBoard } from '../src/sim/testing/exampleBoards';

export async function main(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 60);
  const rate = Number(args[1] ?? 40);
  const rows: string[] = ['| board | simulated s | run: wall s | replay to the end: wall s | replay: simulated s per wall s |', '| --- | --- | --- | --- | --- |'];
  for (const name of ['banking', 'ecommerce'] as const) {
    const sim = new Simulation(exampleBoard(name), { seed: 1, commandsPerSecond: rate });
    await sim.start();
    const t0 = performance.now();
    const third = Math.floor(seconds / 3) * 1000;
    await sim.advance(third);
    sim.broker('stop', 1);
    await sim.advance(third);
    sim.broker('start', 1);
    await sim.advance(seconds * 1000 - 2 * third);
    const runWall = (performance.now() - t0) / 1000;
    const recording = sim.recording();
    await sim.stop();
    const t1 = performance.now();
    const replay = await RunReplay.open(recording);
    await replay.seek(recording.end);
    const replayWall = (performance.now() - t1) / 1000;
    await replay.sim.stop();
    rows.push(`| ${name} | ${seconds} | ${runWall.toFixed(1)} | ${replayWall.toFixed(1)} | ${(seconds / replayWall).toFixed(1)} |`);
  }
  console.log(`${rate} commands/s\n${rows.join('\n')}`);
}
