// Generates a large, grammatical board (contexts holding flows of actor → command → aggregate →
// event → policy → …) for benchmarks and load tests; seeded so runs are comparable.
import { createRng } from '../../lib/rng';
import { checkLink } from '../grammar';
import { createEmptyBoard, makeElement } from '../elements';
import type { Board, BoardElement, BoardLink, ElementKind } from '../types';

const CYCLE: ElementKind[] = ['actor', 'command', 'aggregate', 'event', 'policy', 'command', 'externalSystem', 'event', 'readModel'];

export function generateBoard(options: { stickies: number; links: number; seed: number }): Board {
  const rng = createRng(options.seed);
  const board = createEmptyBoard(`Generated ${options.stickies}`, { rng });
  const elements: BoardElement[] = [];
  const perContext = 50;
  let ctx: BoardElement | undefined;
  for (let i = 0; i < options.stickies; i++) {
    if (i % perContext === 0) {
      const n = i / perContext;
      ctx = makeElement('boundedContext', { x: (n % 8) * 2200, y: Math.floor(n / 8) * 1400 }, `Context ${n}`, { rng });
      Object.assign(ctx, { width: 2100, height: 1300 });
      elements.push(ctx);
      i++;
      if (i >= options.stickies) break;
    }
    const k = i % perContext;
    const kind = CYCLE[k % CYCLE.length]!;
    elements.push(makeElement(kind, { x: 40 + (k % 10) * 200, y: 60 + Math.floor(k / 10) * 240 }, `${kind} ${i}`, { rng, parentId: ctx!.id }));
  }
  const links: BoardLink[] = [];
  const seen = new Set<string>();
  const stickies = elements.filter((e) => e.kind !== 'boundedContext');
  // Neighbours in a cycle are grammatical by construction; then random grammatical pairs.
  for (let i = 0; i + 1 < stickies.length && links.length < options.links; i++) {
    const a = stickies[i]!;
    const b = stickies[i + 1]!;
    if (checkLink(a.kind, b.kind).allowed) add(a, b);
  }
  let guard = 0;
  while (links.length < options.links && guard++ < options.links * 200) {
    const a = rng.pick(stickies);
    const b = rng.pick(stickies);
    if (a !== b && checkLink(a.kind, b.kind).allowed) add(a, b);
  }
  function add(a: BoardElement, b: BoardElement) {
    const key = `${a.id}>${b.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    links.push({ id: `link:g${links.length}`, source: a.id, target: b.id, freeForm: false });
  }
  board.elements = elements;
  board.links = links;
  return board;
}
