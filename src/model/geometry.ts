// Sizes and coordinate helpers shared by the canvas and the pure helpers (layout, containment,
// clipboard). Size carries meaning in EventStorming's paper notation (large policies and
// aggregates, small actors, wide systems), so the canvas draws stickies at these sizes.
import type { BoardElement, ElementId, ElementKind } from './types';

export interface Size {
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Rect extends Point, Size {}
/** The board's pan and zoom (React Flow's transform): a board point p is drawn at p * zoom + (x, y). */
export interface Viewport extends Point {
  zoom: number;
}

/** Default drawn size per kind; bounded contexts carry their own width and height. */
export const STICKY_SIZES: Readonly<Record<Exclude<ElementKind, 'boundedContext'>, Size>> = {
  event: { width: 160, height: 110 },
  command: { width: 160, height: 110 },
  policy: { width: 180, height: 130 },
  aggregate: { width: 180, height: 130 },
  readModel: { width: 160, height: 110 },
  externalSystem: { width: 220, height: 100 },
  actor: { width: 120, height: 80 },
  hotspot: { width: 130, height: 110 },
};

export function sizeOf(el: BoardElement): Size {
  return el.kind === 'boundedContext' ? { width: el.width, height: el.height } : STICKY_SIZES[el.kind];
}

/** Position in board coordinates: adds the offsets of every enclosing context. */
export function absolutePosition(el: BoardElement, byId: ReadonlyMap<ElementId, BoardElement>): Point {
  let x = el.x;
  let y = el.y;
  let seen = 0;
  let parent = el.parentId ? byId.get(el.parentId) : undefined;
  while (parent && seen++ < 64) {
    x += parent.x;
    y += parent.y;
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return { x, y };
}

export function absoluteRect(el: BoardElement, byId: ReadonlyMap<ElementId, BoardElement>): Rect {
  return { ...absolutePosition(el, byId), ...sizeOf(el) };
}

export function indexById(elements: readonly BoardElement[]): Map<ElementId, BoardElement> {
  return new Map(elements.map((e) => [e.id, e]));
}
