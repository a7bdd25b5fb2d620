// Assignment time per assignor for 100 partitions over 10 members (target ≤ 5 ms each), fresh
// and with a member joining a group that already owns everything (the sticky assignors' hard case).
//   npm run bench -- bench/assignors.node.ts
import { performance } from 'node:perf_hooks';
import { assignPartitions } from '../src/engine/assignors';
import type { AssignorInput, AssignorName } from '../src/engine/assignors';
import { ASSIGNOR_NAMES } from '../src/engine/assignors';
import { createRng } from '../src/lib/rng';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function scenarios(): Record<string, AssignorInput> {
  const topics = { orders: 40, payments: 30, shipments: 30 };
  const names = Object.keys(topics);
  const members = Array.from({ length: 10 }, (_, i) => ({ id: `consumer-${i}`, topics: names }));
  const fresh = { topics, members };
  const previous = assignPartitions('sticky', { topics, members: members.slice(0, 9) });
  const rejoin = {
    topics,
    members: members.map((m) => ({ ...m, owned: previous[m.id] ?? [], generation: 7 })),
  };
  const mixed = { topics, members: members.map((m, i) => ({ ...m, topics: i % 3 === 0 ? names : names.slice(0, 2) })) };
  return { 'fresh, equal subscriptions': fresh, 'one member joins 9 owners': rejoin, 'mixed subscriptions': mixed };
}

/** 200 random cases: 10 members with random subscriptions over 4 topics (100 partitions), rejoining with what they owned. */
function randomCases(): AssignorInput[] {
  const rng = createRng(5);
  const topics: Record<string, number> = { a: 20, b: 30, c: 25, d: 25 };
  const names = Object.keys(topics);
  const pick = (i: number) => names.filter(() => rng.chance(0.6)).concat(names[i % 4]!);
  return Array.from({ length: 200 }, () => {
    const members = Array.from({ length: 10 }, (_, i) => ({ id: `m${i}`, topics: pick(i) }));
    const first = assignPartitions('sticky', { topics, members });
    return { topics, members: members.map((m, i) => ({ ...m, topics: pick(i), owned: first[m.id] ?? [], generation: 3 })) };
  });
}

export function main(): void {
  const rows: string[] = [];
  const cases = randomCases();
  for (const name of ASSIGNOR_NAMES as AssignorName[]) {
    for (const input of cases.slice(0, 20)) assignPartitions(name, input);
    const times = cases.map((input) => {
      const t0 = performance.now();
      assignPartitions(name, input);
      return performance.now() - t0;
    });
    const med = median(times);
    const sorted = [...times].sort((a, b) => a - b);
    rows.push(`| 200 random mixed subscriptions, rejoining owners (p95 ${sorted[189]!.toFixed(3)}) | ${name} | ${med.toFixed(3)} | ${Math.max(...times).toFixed(3)} | ${med <= 5 ? 'yes' : 'NO'} |`);
  }
  for (const [label, input] of Object.entries(scenarios())) {
    for (const name of ASSIGNOR_NAMES as AssignorName[]) {
      for (let i = 0; i < 20; i++) assignPartitions(name, input);
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const t0 = performance.now();
        assignPartitions(name, input);
        times.push(performance.now() - t0);
      }
      const med = median(times);
      const max = Math.max(...times);
      rows.push(`| ${label} | ${name} | ${med.toFixed(3)} | ${max.toFixed(3)} | ${med <= 5 ? 'yes' : 'NO'} |`);
    }
  }
  console.log('100 partitions (3 topics) over 10 members, 100 runs each after 20 warm-up runs');
  console.log('| scenario | assignor | median ms | max ms | ≤ 5 ms |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
}
