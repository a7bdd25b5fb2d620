// The SVG export rendered by a renderer that is not a browser: librsvg's rsvg-convert (what
// GNOME, Inkscape's import path and many converters use). Installed from Debian's packages when
// missing (as root); the test fails, not skips, when it cannot be had. Each example is drawn
// twice, with and without the stickies' names: every sticky's area must differ between the two,
// so the renderer drew each name where it belongs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_LABELS } from '../../model';
import { absoluteRect, indexById } from '../../model/geometry';
import { boardToSvg } from './boardSvg';
import { approxMeasure, decodePng, exampleBoard } from './testing';

let dir = '';

function ensureRsvg(): void {
  if (spawnSync('rsvg-convert', ['--version']).status === 0) return;
  if (process.getuid?.() !== 0) throw new Error('rsvg-convert is missing: install librsvg2-bin (apt-get install librsvg2-bin)');
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'librsvg2-bin'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function render(svg: string, name: string): ReturnType<typeof decodePng> {
  const svgPath = join(dir, `${name}.svg`);
  const pngPath = join(dir, `${name}.png`);
  writeFileSync(svgPath, svg);
  execFileSync('rsvg-convert', ['-o', pngPath, svgPath]);
  return decodePng(readFileSync(pngPath));
}

beforeAll(() => {
  ensureRsvg();
  dir = mkdtempSync(join(tmpdir(), 'board-svg-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SVG export in librsvg', () => {
  for (const file of ['banking', 'ecommerce'] as const) {
    it(`${file}: renders, and draws every sticky's name inside that sticky`, () => {
      const board = exampleBoard(file);
      const svg = boardToSvg(board, approxMeasure);
      const withNames = render(svg, `${file}-names`);
      // The same drawing with the names (not the kind labels) left out.
      const blank = render(svg.replace(/(<g class="sticky"[^>]*><title>.*?<\/title><rect [^>]*\/><text [^>]*>[^<]*<\/text>)(?:<text [^>]*>[^<]*<\/text>)*/g, '$1'), `${file}-blank`);
      const viewBox = svg.match(/viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/)!.slice(1).map(Number) as [number, number, number, number];
      expect([withNames.width, withNames.height]).toEqual([Math.round(viewBox[2]), Math.round(viewBox[3])]);
      const byId = indexById(board.elements);
      const unnamed: string[] = [];
      for (const e of board.elements) {
        if (e.kind === 'boundedContext' || e.kind === 'hotspot') continue; // hotspots are drawn tilted
        const r = absoluteRect(e, byId);
        let differing = 0;
        for (let y = Math.round(r.y - viewBox[1] + 26); y < r.y - viewBox[1] + r.height; y++) {
          for (let x = Math.round(r.x - viewBox[0]); x < r.x - viewBox[0] + r.width; x++) {
            const i = (y * withNames.width + x) * 4;
            if (Math.abs(withNames.rgba[i]! - blank.rgba[i]!) + Math.abs(withNames.rgba[i + 1]! - blank.rgba[i + 1]!) > 60) differing++;
          }
        }
        // A name of a few letters at 18 px covers well over 50 pixels.
        if (differing < 50) unnamed.push(`${KIND_LABELS[e.kind]}: ${e.text} (${differing} px differ)`);
      }
      expect(unnamed).toEqual([]);
    });
  }
});
