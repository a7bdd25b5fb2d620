// The board as a real SVG drawing (rect, text, path; no HTML in <foreignObject>), so design
// tools and non-browser renderers (Inkscape, Figma, PowerPoint, rsvg, resvg) show it: contexts
// as dashed frames with their names, stickies as coloured rectangles with kind label and
// wrapped name (the same wrapping and six-line cap as the board), connections as the same
// routed paths with arrowheads. Pure: text widths come from an injected measure.
import type { Board, BoardElement } from '../../model';
import { KIND_LABELS, indexById } from '../../model';
import { linkEnds, obstaclesFor, obstaclesOf } from '../edges/obstacles';
import { routeLink } from '../edges/routeLink';
import { KIND_STYLES, NAME_FONT_PX } from '../kindStyles';
import { MAX_NAME_LINES } from '../text/limits';
import { wrapLines, type MeasureText } from '../text/textFit';

export interface SvgColours {
  background: string;
  text: string;
  muted: string;
  contextLine: string;
  edge: string;
  warning: string;
}

export const LIGHT_SVG_COLOURS: SvgColours = {
  background: '#fbfbfc',
  text: '#1d232b',
  muted: '#5b6572',
  contextLine: '#495057',
  edge: '#6b7480',
  warning: '#c2410c',
};

const PAD = 40;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
const LABEL_PX = 12;
const LINE_HEIGHT = 1.2;
const INSET_X = 10;
const INSET_TOP = 8;

export function boardToSvg(board: Board, measure: MeasureText, colours: SvgColours = LIGHT_SVG_COLOURS): string {
  const byId = indexById(board.elements);
  const o = obstaclesOf(board, byId);
  const abs = (e: BoardElement) => {
    let x = e.x;
    let y = e.y;
    for (let p = e.parentId ? byId.get(e.parentId) : undefined, n = 0; p && n < 64; p = p.parentId ? byId.get(p.parentId) : undefined, n++) {
      x += p.x;
      y += p.y;
    }
    const size = e.kind === 'boundedContext' ? { width: e.width, height: e.height } : { width: KIND_STYLES[e.kind].width, height: KIND_STYLES[e.kind].height };
    return { x, y, ...size };
  };
  const stickies: string[] = [];
  const contexts: string[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const e of board.elements) {
    const r = abs(e);
    if (e.kind === 'boundedContext') {
      contexts.push(
        `<g class="context"><rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" rx="10" fill="none" stroke="${colours.contextLine}" stroke-width="2" stroke-dasharray="8 6"/>` +
          `${text(r.x + INSET_X, r.y + 8 + 20, `${e.text || 'Unnamed context'}`, 20, colours.text, 700)}</g>`,
      );
      grow(r);
      continue;
    }
    const style = KIND_STYLES[e.kind];
    const width = r.width - 2 * INSET_X;
    const lines = capLines(e.text ? wrapLines(e.text, width, NAME_FONT_PX, measure) : [], width, measure);
    const textTop = r.y + INSET_TOP + LABEL_PX * 1.3;
    // A long name grows the sticky downwards, as on the board.
    const height = Math.max(r.height, textTop - r.y + lines.length * NAME_FONT_PX * LINE_HEIGHT + INSET_TOP);
    const rotate = e.kind === 'hotspot' ? ` transform="rotate(-6 ${r.x + r.width / 2} ${r.y + height / 2})"` : '';
    const name = lines.map((line, i) => text(r.x + INSET_X, textTop + NAME_FONT_PX * (i + 1) * LINE_HEIGHT - NAME_FONT_PX * 0.2, line, NAME_FONT_PX, style.ink, 600)).join('');
    stickies.push(
      `<g class="sticky"${rotate}><title>${escape(`${KIND_LABELS[e.kind]}: ${e.text}`)}</title>` +
        `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${height}" rx="3" fill="${style.color}"/>` +
        `${text(r.x + INSET_X, r.y + INSET_TOP + LABEL_PX, KIND_LABELS[e.kind].toUpperCase(), LABEL_PX, style.ink, 400, 0.8)}${name}</g>`,
    );
    grow({ ...r, height });
  }
  const links = board.links.map((l) => {
    const ends = linkEnds(o, l.source, l.target);
    if (!ends) return '';
    const route = routeLink(ends.from, ends.to, obstaclesFor(o, l.source, l.target));
    const colour = l.freeForm ? colours.warning : colours.edge;
    const dash = l.freeForm ? ' stroke-dasharray="7 5"' : '';
    return `<path d="${route.path}" fill="none" stroke="${colour}" stroke-width="2"${dash} marker-end="url(#${l.freeForm ? 'arrow-free' : 'arrow'})"/>`;
  });
  if (!Number.isFinite(minX)) {
    minX = minY = 0;
    maxX = maxY = 100;
  }
  const x = minX - PAD;
  const y = minY - PAD;
  const w = maxX - minX + 2 * PAD;
  const h = maxY - minY + 2 * PAD;
  const marker = (id: string, colour: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L10 5L0 10z" fill="${colour}"/></marker>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${w}" height="${h}" font-family="${escape(FONT)}">` +
    `<title>${escape(board.name)}</title>` +
    `<defs>${marker('arrow', colours.edge)}${marker('arrow-free', colours.warning)}</defs>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${colours.background}"/>` +
    `${contexts.join('')}<g class="links">${links.join('')}</g>${stickies.join('')}</svg>\n`
  );

  function grow(r: { x: number; y: number; width: number; height: number }): void {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
}

/** At most MAX_NAME_LINES lines, the last ending with an ellipsis when the name goes on. */
function capLines(lines: string[], width: number, measure: MeasureText): string[] {
  if (lines.length <= MAX_NAME_LINES) return lines;
  const kept = lines.slice(0, MAX_NAME_LINES);
  let last = `${kept[MAX_NAME_LINES - 1]}…`;
  while (last.length > 1 && measure(last, NAME_FONT_PX) > width) last = `${last.slice(0, -2)}…`;
  kept[MAX_NAME_LINES - 1] = last;
  return kept;
}

function text(x: number, y: number, content: string, px: number, fill: string, weight: number, opacity = 1): string {
  const o = opacity < 1 ? ` fill-opacity="${opacity}"` : '';
  return `<text x="${round(x)}" y="${round(y)}" font-size="${px}" font-weight="${weight}" fill="${fill}"${o} xml:space="preserve">${escape(content)}</text>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
