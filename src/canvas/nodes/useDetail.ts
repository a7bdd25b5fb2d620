// How much of a sticky the board draws at the current zoom, chosen by what can be read on
// screen rather than by a fixed zoom (docs/board.md, "Level of detail"):
// - full: kind label, name, badges and handles, while the name is at least ~10 px on screen;
// - compact: the name alone, sized to fill the sticky so it stays readable (as large as fits,
//   never under MIN_SCREEN_TEXT_PX), first words and an ellipsis when the whole name cannot fit;
// - shape: a plain coloured rectangle, only when even the largest text a sticky can hold would
//   be unreadably small (boards of hundreds of stickies seen whole).
// The selector returns one number that changes only when the level or (in compact) a 10 %
// zoom step changes, so zooming does not re-render stickies on every frame.
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useUiStore } from '../../store/uiStore';
import { FULL_DETAIL_ZOOM, SHAPE_ZOOM } from '../kindStyles';

export type DetailLevel = 'full' | 'compact' | 'shape';

export interface Detail {
  level: DetailLevel;
  /** The zoom rounded to 10 % steps (1 at full detail, where nothing depends on it). */
  zoom: number;
}

const STEP = Math.log(1.1);

/** 1 = full detail, 0 = shape, otherwise the zoom rounded to a 10 % step (compact). */
export function detailKey(zoom: number): number {
  if (zoom >= FULL_DETAIL_ZOOM) return 1;
  if (zoom < SHAPE_ZOOM) return 0;
  return Math.exp(Math.round(Math.log(zoom) / STEP) * STEP);
}

const selectKey = (s: ReactFlowState) => detailKey(s.transform[2]);

export function detailOf(key: number): Detail {
  if (key === 1) return { level: 'full', zoom: 1 };
  if (key === 0) return { level: 'shape', zoom: 0 };
  return { level: 'compact', zoom: key };
}

export function useDetail(): Detail {
  const key = useStore(selectKey);
  // An image export draws everything in full, whatever the zoom on screen.
  const exporting = useUiStore((s) => s.exportingImage);
  return detailOf(exporting ? 1 : key);
}

/** True when stickies are drawn as plain shapes (no text at all). */
export function useShapesOnly(): boolean {
  return useDetail().level === 'shape';
}
