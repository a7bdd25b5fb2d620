// The overview map in the corner. React Flow's MiniMap is an SVG of every node that repaints
// on each pan frame; with thousands of stickies that alone costs more than the board. This one
// paints the stickies into a <canvas> only when the board changes, and moves a rectangle for
// the visible area on pan. Click or drag in it to move the view there.
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { absoluteRect } from '../model';
import { useBoardStore } from '../store/boardStore';
import { useUiStore } from '../store/uiStore';
import { boundsOf, type Rect } from './initialViewport';
import { KIND_STYLES } from './kindStyles';

const PAD = 0.08;

interface MapFrame {
  bounds: Rect;
  scale: number;
  offsetX: number;
  offsetY: number;
}

function frameFor(bounds: Rect | null, WIDTH: number, HEIGHT: number): MapFrame | null {
  if (!bounds) return null;
  const padded = { x: bounds.x - bounds.width * PAD, y: bounds.y - bounds.height * PAD, width: bounds.width * (1 + 2 * PAD), height: bounds.height * (1 + 2 * PAD) };
  const scale = Math.min(WIDTH / padded.width, HEIGHT / padded.height);
  return { bounds: padded, scale, offsetX: (WIDTH - padded.width * scale) / 2, offsetY: (HEIGHT - padded.height * scale) / 2 };
}

const viewSelector = (s: ReactFlowState) => `${s.transform[0]}|${s.transform[1]}|${s.transform[2]}|${s.width}|${s.height}`;

/** Size in CSS px; the app shows it beside the board (under the palette), not over stickies. */
export function OverviewMap({ width: WIDTH = 180, height: HEIGHT = 120, className = '' }: { width?: number; height?: number; className?: string }) {
  const board = useBoardStore((s) => s.board);
  const elementsById = useBoardStore((s) => s.elementsById);
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const rects = useMemo(
    () => (board ? board.elements.map((e) => ({ kind: e.kind, ...absoluteRect(e, elementsById) })) : []),
    [board, elementsById],
  );
  const frame = useMemo(() => frameFor(boundsOf(rects), WIDTH, HEIGHT), [rects, WIDTH, HEIGHT]);
  const theme = useUiStore((s) => s.theme);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = WIDTH * dpr;
    c.height = HEIGHT * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    if (!frame) return;
    const toX = (x: number) => frame.offsetX + (x - frame.bounds.x) * frame.scale;
    const toY = (y: number) => frame.offsetY + (y - frame.bounds.y) * frame.scale;
    const lineColour = getComputedStyle(c).getPropertyValue('--sb-context-line').trim() || '#495057';
    for (const r of rects) {
      if (r.kind === 'boundedContext') {
        ctx.strokeStyle = lineColour;
        ctx.lineWidth = 1;
        ctx.strokeRect(toX(r.x), toY(r.y), r.width * frame.scale, r.height * frame.scale);
      } else {
        ctx.fillStyle = KIND_STYLES[r.kind].color;
        ctx.fillRect(toX(r.x), toY(r.y), Math.max(1, r.width * frame.scale), Math.max(1, r.height * frame.scale));
      }
    }
  }, [rects, frame, theme, WIDTH, HEIGHT]);

  const view = useStore(viewSelector);
  const [tx, ty, zoom, w, h] = view.split('|').map(Number) as [number, number, number, number, number];
  const visible = frame
    ? {
        left: frame.offsetX + (-tx / zoom - frame.bounds.x) * frame.scale,
        top: frame.offsetY + (-ty / zoom - frame.bounds.y) * frame.scale,
        width: (w / zoom) * frame.scale,
        height: (h / zoom) * frame.scale,
      }
    : null;

  const moveTo = (e: PointerEvent<HTMLDivElement>) => {
    if (!frame) return;
    const box = e.currentTarget.getBoundingClientRect();
    const x = frame.bounds.x + (e.clientX - box.left - frame.offsetX) / frame.scale;
    const y = frame.bounds.y + (e.clientY - box.top - frame.offsetY) / frame.scale;
    void flow.setCenter(x, y, { zoom });
  };

  if (!frame) return null;
  return (
    <div
      className={`sb-overview-map ${className}`}
      role="img"
      aria-label="Board overview: click to move the view"
      style={{ width: WIDTH, height: HEIGHT }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons === 1) moveTo(e);
      }}
    >
      <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT }} />
      {visible ? <div className="sb-overview-view" style={visible} /> : null}
    </div>
  );
}
