// Measures sticky text the way the board draws it (the page's font, weight 600) with a 2D
// canvas: widths scale linearly with the font size, so each string is measured once at 100 px.
import type { MeasureText } from './textFit';

const REFERENCE_PX = 100;
const cache = new Map<string, number>();
let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;

function measuringContext() {
  if (context !== undefined) return context;
  const family = typeof document !== 'undefined' ? getComputedStyle(document.documentElement).fontFamily : 'sans-serif';
  context = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1).getContext('2d') : (document.createElement('canvas').getContext('2d') ?? null);
  if (context) context.font = `600 ${REFERENCE_PX}px ${family || 'sans-serif'}`;
  return context;
}

/** Width of bold sticky text; falls back to an average character width without a canvas. */
export const measureStickyText: MeasureText = (text, fontPx) => {
  let width = cache.get(text);
  if (width === undefined) {
    const ctx = measuringContext();
    width = ctx ? ctx.measureText(text).width : text.length * 0.6 * REFERENCE_PX;
    if (cache.size > 5000) cache.clear();
    cache.set(text, width);
  }
  return (width * fontPx) / REFERENCE_PX;
};
