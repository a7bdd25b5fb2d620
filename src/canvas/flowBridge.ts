// The few viewport services the app's actions need from the mounted canvas (centre of the
// view, fit view, screen → board coordinates, the element to export as an image). The canvas
// registers them on mount; actions call them without holding React Flow themselves.
export interface XY {
  x: number;
  y: number;
}

export interface FlowBridge {
  /** Centre of the visible area, in board coordinates. */
  centre(): XY;
  screenToFlow(point: XY): XY;
  /** The visible part of the board (less a margin), in board coordinates. */
  visibleArea(): { x: number; y: number; width: number; height: number } | null;
  fitView(): void;
  /** Absolute board position of an element (members of a context are stored relative to it). */
  absolutePosition(id: string): XY | null;
  /**
   * Brings every element into the rendered DOM (culling hides off-screen ones) for an image
   * export; resolves with a function that puts the view back.
   */
  showAll(): Promise<() => void>;
  /** Bounds of every element in board coordinates, or null for an empty board. */
  boardBounds(): { x: number; y: number; width: number; height: number } | null;
  /** The DOM element holding the rendered board (for PNG/SVG export). */
  viewportElement(): HTMLElement | null;
}

let current: FlowBridge | null = null;

export function registerFlowBridge(bridge: FlowBridge | null): void {
  current = bridge;
}

export function flowBridge(): FlowBridge | null {
  return current;
}
