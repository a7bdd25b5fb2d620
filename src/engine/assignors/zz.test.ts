import { it } from 'vitest';
import { assignPartitions } from './assignPartitions';
import { createRng } from '../../lib/rng';
it('p', () => {
  const rng = createRng(5);
  const topics: Record<string, number> = { a: 20, b: 30, c: 25, d: 25 };
  const names = Object.keys(topics);
  let worst = 0; const all: number[] = [];
  for (let run = 0; run < 300; run++) {
    const members = Array.from({ length: 10 }, (_, i) => ({ id: `m${i}`, topics: names.filter(() => rng.chance(0.6)).concat(names[i % 4]!) }));
    const first = assignPartitions('sticky', { topics, members });
    const next = members.map((m) => ({ ...m, topics: names.filter(() => rng.chance(0.6)).concat(names[(m.id.charCodeAt(1)) % 4]!), owned: first[m.id], generation: 3 }));
    const t0 = performance.now();
    assignPartitions('sticky', { topics, members: next });
    const d = performance.now() - t0; all.push(d);
    worst = Math.max(worst, d);
  }
  all.sort((a, b) => a - b);
  console.log('WORST', worst.toFixed(2), 'MEDIAN', all[150]!.toFixed(3), 'P95', all[285]!.toFixed(2));
});
