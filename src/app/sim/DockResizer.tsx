// The handle on the simulation dock's top edge: drag it (or focus it and press the arrow keys,
// Home, End) to give the dock more or less height. The height is a remembered preference, and
// it is clamped so the board always keeps MIN_BOARD_PX of the window.
import { useEffect, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useUiStore } from '../../store/uiStore';

export const MIN_DOCK_PX = 140;
/** The board (with toolbar) keeps at least this much of the window's height. */
export const MIN_BOARD_PX = 360;
const KEY_STEP_PX = 24;

export function maxDockHeight(windowHeight: number): number {
  return Math.max(MIN_DOCK_PX, windowHeight - MIN_BOARD_PX);
}

export function clampDockHeight(px: number, windowHeight: number): number {
  return Math.round(Math.min(maxDockHeight(windowHeight), Math.max(MIN_DOCK_PX, px)));
}

/** The dock's height in px for this window (follows window resizes). */
export function useDockHeight(): number {
  const stored = useUiStore((s) => s.dockHeight);
  const [windowHeight, setWindowHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setWindowHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return clampDockHeight(stored, windowHeight);
}

export function DockResizer({ height }: { height: number }) {
  const set = (px: number) => useUiStore.getState().setDockHeight(clampDockHeight(px, window.innerHeight));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const startY = e.clientY;
    const start = height;
    const target = e.currentTarget;
    const move = (ev: globalThis.PointerEvent) => set(start + (startY - ev.clientY));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowUp' ? height + KEY_STEP_PX : e.key === 'ArrowDown' ? height - KEY_STEP_PX : e.key === 'Home' ? maxDockHeight(window.innerHeight) : e.key === 'End' ? MIN_DOCK_PX : null;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    set(next);
  };
  return (
    <div
      className="sb-dock-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize simulation panel"
      aria-valuemin={MIN_DOCK_PX}
      aria-valuemax={maxDockHeight(window.innerHeight)}
      aria-valuenow={height}
      tabIndex={0}
      title="Drag to resize the simulation panel (or focus and use the arrow keys)"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
