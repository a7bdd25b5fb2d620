// Following someone's view. Each participant publishes the part of the board they see (a
// rectangle in board coordinates, through presence: numbers only, no board content); a
// follower shows that rectangle whole and centred on its own screen, whatever its size, so a
// projector shows what the facilitator's laptop shows, larger. Pure: React Flow's viewport in,
// React Flow's viewport out.
import type { Rect, Size, Viewport } from '../model';
import type { Participant } from './presence';

export type { Viewport };

/** The visible part of the board, in board coordinates. */
export type ViewRect = Rect;

export type PaneSize = Size;

/** Whom a participant follows: the facilitator (presentation mode) or one named person. */
export type FollowTarget = { kind: 'facilitator' } | { kind: 'participant'; clientId: number; name: string };

/** Views are published at most this often. */
export const VIEW_INTERVAL_MS = 100;

export function viewRectOf(viewport: Viewport, pane: PaneSize): ViewRect {
  return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: pane.width / viewport.zoom, height: pane.height / viewport.zoom };
}

/** The viewport that shows `rect` whole, centred on a pane of this size, within the zoom limits. */
export function viewportShowing(rect: ViewRect, pane: PaneSize, limits: { minZoom: number; maxZoom: number }): Viewport {
  const fit = Math.min(pane.width / rect.width, pane.height / rect.height);
  const zoom = Math.min(limits.maxZoom, Math.max(limits.minZoom, fit));
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  return { x: pane.width / 2 - cx * zoom, y: pane.height / 2 - cy * zoom, zoom };
}

/** Whether two viewports draw the board alike to within a pixel and a thousandth of zoom. */
export function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 0.001;
}

/** Whether a published view is worth sending again (moved by a pixel's worth at its zoom). */
export function sameViewRect(a: ViewRect | null, b: ViewRect | null): boolean {
  if (!a || !b) return a === b;
  const tolerance = Math.max(a.width, b.width) / 2000;
  return Math.abs(a.x - b.x) < tolerance && Math.abs(a.y - b.y) < tolerance && Math.abs(a.width - b.width) < tolerance && Math.abs(a.height - b.height) < tolerance;
}

/**
 * The participant a target names, among the others in the room (never oneself). For the
 * facilitator: the first facilitator in list order who is not a projector; null when none is here.
 */
export function leaderOf(participants: readonly Participant[], target: FollowTarget): Participant | null {
  const others = participants.filter((p) => !p.self);
  if (target.kind === 'participant') return others.find((p) => p.clientId === target.clientId) ?? null;
  return others.find((p) => p.facilitator && !p.presenting) ?? null;
}
