// How long a board's scenarios take to run, as the worker runs them after each edit (compile the
// board, then run every scenario): Banking as shipped, and Banking with its scenarios copied
// until every scenario list holds `perSticky` of them (the most a list may hold is 200).
//   npm run bench -- bench/scenarios.node.ts [perSticky=200] [runs=50]
import type { Board, Scenario } from '../src/model';
import { compileTopology, runScenarios } from '../src/topology';
import { exampleBoard } from '../src/sim/testing/exampleBoards';

function withCopies(board: Board, perSticky: number): Board {
  return {
    ...board,
    elements: board.elements.map((el) => {
      if (!('scenarios' in el) || !el.scenarios?.length) return el;
      const base = el.scenarios;
      const scenarios: Scenario[] = Array.from({ length: perSticky }, (_, i) => ({ ...base[i % base.length]!, id: `sc:copy-${el.id}-${i}`, name: `${base[i % base.length]!.name} ${i + 1}` }));
      return { ...el, scenarios };
    }),
  };
}

function time(board: Board, runs: number) {
  const whole: number[] = [];
  const alone: number[] = [];
  let count = 0;
  let passed = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const topology = compileTopology(board);
    const t1 = performance.now();
    const results = runScenarios(board, topology);
    const t2 = performance.now();
    whole.push(t2 - t0);
    alone.push(t2 - t1);
    count = results.length;
    passed = results.filter((r) => r.status === 'pass').length;
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  return { count, passed, whole: [q(whole, 0.5), q(whole, 0.95)], alone: [q(alone, 0.5), q(alone, 0.95)] };
}

export function main(args: string[]): void {
  const perSticky = Number(args[0] ?? 200);
  const runs = Number(args[1] ?? 50);
  console.log(`| board | scenarios | passing | compile + scenarios, median / p95 ms | scenarios alone, median / p95 ms |`);
  console.log(`| --- | --- | --- | --- | --- |`);
  for (const [label, board] of [
    ['Banking', exampleBoard('banking')],
    [`Banking, ${perSticky} per sticky`, withCopies(exampleBoard('banking'), perSticky)],
  ] as const) {
    time(board, 3); // warm-up
    const r = time(board, runs);
    console.log(`| ${label} | ${r.count} | ${r.passed} | ${r.whole.map((x) => x.toFixed(1)).join(' / ')} | ${r.alone.map((x) => x.toFixed(1)).join(' / ')} |`);
  }
}
