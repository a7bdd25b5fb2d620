// The topic-strategy comparison in Node: prints, per strategy, the figures the "Compare topic
// strategies" dialog shows, and how long the three runs took on this machine:
//   npm run bench -- bench/strategies.node.ts [banking|ecommerce] [aggregateIds=50] [simSeconds=20]
import { compareTopicStrategies, figureRows, STRATEGY_LABELS } from '../src/sim';
import { exampleBoard } from '../src/sim/testing/exampleBoards';

export async function main(args: string[]): Promise<void> {
  const name = args[0] === 'ecommerce' ? 'ecommerce' : 'banking';
  const aggregateIds = Number(args[1] ?? 50);
  const durationMs = Number(args[2] ?? 20) * 1000;
  const t0 = performance.now();
  const c = await compareTopicStrategies(exampleBoard(name), { aggregateIds, durationMs });
  const wall = performance.now() - t0;
  console.log(`${c.boardName}: seed ${c.settings.seed}, ${c.settings.commandsPerSecond} commands/s over ${aggregateIds} aggregates, ${durationMs / 1000} simulated s per strategy; three runs in ${(wall / 1000).toFixed(1)} s wall\n`);
  console.log(`| figure | ${c.results.map((r) => STRATEGY_LABELS[r.strategy]).join(' | ')} |`);
  console.log(`| --- | ${c.results.map(() => '---').join(' | ')} |`);
  for (const row of figureRows(c.results)) if (row.label !== 'Aggregate measured') console.log(`| ${row.label} | ${row.values.join(' | ')} |`);
  console.log(`\n| capability | ${c.results.map((r) => STRATEGY_LABELS[r.strategy]).join(' | ')} |`);
  console.log(`| --- | ${c.results.map(() => '---').join(' | ')} |`);
  for (const cap of c.results[0]!.capabilities) console.log(`| ${cap.id} | ${c.results.map((r) => r.capabilities.find((x) => x.id === cap.id)!.answer).join(' | ')} |`);
}
