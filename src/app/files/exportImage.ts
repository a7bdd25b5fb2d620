// PNG and SVG export of the whole board (not just the visible part). PNG: every element is
// brought into the DOM (culling hides off-screen ones) and drawn in full, then the viewport is
// captured with a transform that fits the board into the image (html-to-image, loaded on first
// use). SVG: drawn from the board itself as rect, text and path (boardSvg.ts), which design tools
// and non-browser renderers show, unlike an HTML snapshot in <foreignObject>.
import { getViewportForBounds } from '@xyflow/react';
import { boardToSvg, type SvgColours } from '../../canvas/export/boardSvg';
import { flowBridge } from '../../canvas/flowBridge';
import { measureStickyText } from '../../canvas/text/measureText';
import { useBoardStore } from '../../store/boardStore';

const MAX_SIDE_PX = 4096;
const PADDING = 0.05;

/** Returns the image as a data URL. */
export async function exportBoardImage(format: 'png' | 'svg', background: string): Promise<string> {
  if (format === 'svg') {
    const board = useBoardStore.getState().board;
    if (!board || board.elements.length === 0) throw new Error('The board is empty: add a sticky first');
    const svg = boardToSvg(board, measureStickyText, themeColours(background));
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }
  const bridge = flowBridge();
  const viewport = bridge?.viewportElement();
  const bounds = bridge?.boardBounds();
  if (!bridge || !viewport) throw new Error('The board is not shown, so there is nothing to export');
  if (!bounds) throw new Error('The board is empty: add a sticky first');
  const restore = await bridge.showAll();
  try {
    const scale = Math.min(2, MAX_SIDE_PX / Math.max(bounds.width, bounds.height, 1));
    const width = Math.ceil(bounds.width * scale * (1 + 2 * PADDING));
    const height = Math.ceil(bounds.height * scale * (1 + 2 * PADDING));
    const t = getViewportForBounds(bounds, width, height, 0.01, 4, PADDING);
    const { toPng } = await import('html-to-image');
    const options = {
      backgroundColor: background,
      width,
      height,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${t.x}px, ${t.y}px) scale(${t.zoom})` },
    };
    return await toPng(viewport, options);
  } finally {
    restore();
  }
}

/** The SVG in the colours of the theme on screen. */
function themeColours(background: string): SvgColours {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background,
    text: v('--sb-text', '#1d232b'),
    muted: v('--sb-muted', '#5b6572'),
    contextLine: v('--sb-context-line', '#495057'),
    edge: v('--sb-edge', '#6b7480'),
    warning: v('--sb-warning', '#c2410c'),
  };
}
