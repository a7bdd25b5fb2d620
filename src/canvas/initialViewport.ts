// Where the view starts when a board opens: the whole board if it fits at a readable zoom,
// otherwise the start of the timeline (its left edge) at the smallest readable zoom, since
// EventStorming boards are read left to right.
import type { Rect, Viewport } from '../model';

export type { Rect, Viewport };

/** 18-unit sticky names are 16.2 px on screen at this zoom: the smallest a board opens at. */
export const READABLE_ZOOM = 0.9;
const MAX_OPEN_ZOOM = 1;
const PADDING_PX = 40;

export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function initialViewport(bounds: Rect | null, screen: { width: number; height: number }): Viewport {
  if (!bounds || screen.width <= 0 || screen.height <= 0) return { x: screen.width / 2, y: screen.height / 2, zoom: MAX_OPEN_ZOOM };
  const room = { width: Math.max(1, screen.width - 2 * PADDING_PX), height: Math.max(1, screen.height - 2 * PADDING_PX) };
  const fit = Math.min(room.width / bounds.width, room.height / bounds.height, MAX_OPEN_ZOOM);
  const zoom = Math.max(fit, READABLE_ZOOM);
  const x = fit >= READABLE_ZOOM ? (screen.width - bounds.width * zoom) / 2 - bounds.x * zoom : PADDING_PX - bounds.x * zoom;
  const fitsVertically = bounds.height * zoom <= room.height;
  const y = fitsVertically ? (screen.height - bounds.height * zoom) / 2 - bounds.y * zoom : PADDING_PX - bounds.y * zoom;
  return { x, y, zoom };
}
