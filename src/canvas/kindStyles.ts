// How each kind looks on the canvas: size and shape follow the paper notation (EVENTSTORMING.md:
// two kinds share yellow and differ by size; systems are wide; hotspots are tilted). Sizes are
// shared with the model (geometry.ts) so containment and layout agree with what is drawn.
import type { ElementKind } from '../model';
import { KIND_COLORS } from '../model';
import { DEFAULT_CONTEXT_SIZE } from '../model/elements';
import { STICKY_SIZES } from '../model/geometry';

export interface KindStyle {
  width: number;
  height: number;
  color: string;
  /** Dark text on light paper; the magenta hotspot needs white. */
  ink: string;
}

export const KIND_STYLES: Record<ElementKind, KindStyle> = {
  event: { ...STICKY_SIZES.event, color: KIND_COLORS.event, ink: '#1f1300' },
  command: { ...STICKY_SIZES.command, color: KIND_COLORS.command, ink: '#06223a' },
  policy: { ...STICKY_SIZES.policy, color: KIND_COLORS.policy, ink: '#241238' },
  aggregate: { ...STICKY_SIZES.aggregate, color: KIND_COLORS.aggregate, ink: '#2b2100' },
  readModel: { ...STICKY_SIZES.readModel, color: KIND_COLORS.readModel, ink: '#0c2a12' },
  externalSystem: { ...STICKY_SIZES.externalSystem, color: KIND_COLORS.externalSystem, ink: '#3a0a25' },
  actor: { ...STICKY_SIZES.actor, color: KIND_COLORS.actor, ink: '#2b2600' },
  hotspot: { ...STICKY_SIZES.hotspot, color: KIND_COLORS.hotspot, ink: '#ffffff' },
  boundedContext: { ...DEFAULT_CONTEXT_SIZE, color: KIND_COLORS.boundedContext, ink: 'inherit' },
};

/** Snap grid of the board, in board units. */
export const GRID_SIZE = 10;

/** Sticky names in board units at text size 1 (× 0.9, the opening zoom, = 16.2 px on screen). */
export const NAME_FONT_PX = 18;
/** From this zoom up stickies are drawn in full (name ≥ ~10 px on screen); below it, compact. */
export const FULL_DETAIL_ZOOM = 0.55;
/**
 * Below this zoom stickies are plain rectangles: the largest name text a sticky can hold
 * (about a third of its 110-unit height) would be under MIN_SCREEN_TEXT_PX on screen.
 */
export const SHAPE_ZOOM = 0.17;
/** The smallest text drawn on the board, in screen px; smaller is not drawn at all. */
export const MIN_SCREEN_TEXT_PX = 6;
/** What compact stickies and context titles aim for on screen when the name fits. */
export const TARGET_SCREEN_TEXT_PX = 14;
