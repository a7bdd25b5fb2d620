// PNG and SVG export of the whole board (not just the visible part): every element is brought
// into the DOM (culling hides off-screen ones), then the viewport is captured with a transform
// that fits the board into the image. html-to-image is loaded on first use to keep it out of
// the start-up bundle.
import { getViewportForBounds } from '@xyflow/react';
import { flowBridge } from '../../canvas/flowBridge';

const MAX_SIDE_PX = 4096;
const PADDING = 0.05;

/** Returns the image as a data URL. */
export async function exportBoardImage(format: 'png' | 'svg', background: string): Promise<string> {
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
    const { toPng, toSvg } = await import('html-to-image');
    const options = {
      backgroundColor: background,
      width,
      height,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${t.x}px, ${t.y}px) scale(${t.zoom})` },
    };
    return await (format === 'png' ? toPng(viewport, options) : toSvg(viewport, options));
  } finally {
    restore();
  }
}
