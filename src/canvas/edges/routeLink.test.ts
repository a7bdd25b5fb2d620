import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoard } from '../../model/parseBoard';
import { indexById } from '../../model/geometry';
import { linkEnds, obstaclesFor, obstaclesOf } from './obstacles';
import { hitsAlongCurve, routeLink, type Point, type Rect } from './routeLink';

/** Points along an SVG path made of M, L, Q and C commands (enough for our routes). */
function samplePath(d: string): Point[] {
  const tokens = d.match(/[MLQC]|-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? [];
  const points: Point[] = [];
  let i = 0;
  let at: Point = { x: 0, y: 0 };
  const num = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const cmd = tokens[i++];
    if (cmd === 'M' || cmd === 'L') {
      const p = { x: num(), y: num() };
      if (cmd === 'L') for (let k = 1; k <= 20; k++) points.push({ x: at.x + ((p.x - at.x) * k) / 20, y: at.y + ((p.y - at.y) * k) / 20 });
      at = p;
      points.push(p);
    } else if (cmd === 'Q' || cmd === 'C') {
      const ctrl: Point[] = [];
      for (let k = 0; k < (cmd === 'Q' ? 2 : 3); k++) ctrl.push({ x: num(), y: num() });
      const all = [at, ...ctrl];
      for (let k = 1; k <= 30; k++) {
        let layer = all;
        const u = k / 30;
        while (layer.length > 1) layer = layer.slice(1).map((p, j) => ({ x: layer[j]!.x + (p.x - layer[j]!.x) * u, y: layer[j]!.y + (p.y - layer[j]!.y) * u }));
        points.push(layer[0]!);
      }
      at = all[all.length - 1]!;
    }
  }
  return points;
}

const crosses = (d: string, r: Rect) => samplePath(d).some((p) => p.x > r.x + 1 && p.x < r.x + r.width - 1 && p.y > r.y + 1 && p.y < r.y + r.height - 1);

describe('routeLink', () => {
  it('keeps the usual curve when nothing is in the way', () => {
    const route = routeLink({ x: 0, y: 0 }, { x: 300, y: 100 }, [{ x: 1000, y: 1000, width: 100, height: 100 }]);
    expect(route.crossings).toBe(0);
    expect(route.path).toMatch(/C/);
  });

  it('goes round a sticky that sits on the straight line', () => {
    const block = { x: 150, y: -50, width: 100, height: 100 };
    expect(hitsAlongCurve({ x: 0, y: 0 }, { x: 400, y: 0 }, [block])).toBe(1);
    const route = routeLink({ x: 0, y: 0 }, { x: 400, y: 0 }, [block]);
    expect(route.crossings).toBe(0);
    expect(crosses(route.path, block)).toBe(false);
  });

  it('takes a backward link round everything between its ends', () => {
    const row = [0, 1, 2].map((i) => ({ x: 200 + i * 200, y: -50, width: 160, height: 100 }));
    const route = routeLink({ x: 900, y: 0 }, { x: 100, y: 0 }, row);
    expect(route.crossings).toBe(0);
    for (const r of row) expect(crosses(route.path, r)).toBe(false);
  });
});

describe('the examples', () => {
  for (const file of ['banking', 'ecommerce']) {
    it(`${file}: no connection runs through a sticky`, () => {
      const board = parseBoard(readFileSync(new URL(`../../../public/examples/${file}.json`, import.meta.url), 'utf8'));
      const o = obstaclesOf(board, indexById(board.elements));
      const crossing: string[] = [];
      for (const link of board.links) {
        const ends = linkEnds(o, link.source, link.target)!;
        const others = obstaclesFor(o, link.source, link.target);
        const route = routeLink(ends.from, ends.to, others);
        for (const [id, r] of o.rects) {
          if (id === link.source || id === link.target) continue;
          if (crosses(route.path, r)) crossing.push(`${link.source} → ${link.target} crosses ${id}`);
        }
      }
      expect(crossing).toEqual([]);
    });
  }
});
