// Other participants on the board: a cursor with their name where their pointer is, and an
// outline with their name around the sticky they are editing. Drawn over the canvas in screen
// coordinates from React Flow's viewport, so the canvas itself is untouched; names are text.
// Also reports this participant's pointer position (in board coordinates) to the room.
import { useReactFlow, useViewport } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { absoluteRect, type ElementId } from '../../model';
import { useBoardStore } from '../../store/boardStore';
import { useCollabStore } from '../../store/collabStore';

export function PresenceOverlay() {
  const ref = useRef<HTMLDivElement>(null);
  const { x, y, zoom } = useViewport();
  const flow = useReactFlow();
  const room = useCollabStore((s) => s.room);
  const others = useCollabStore((s) => s.participants).filter((p) => !p.self);
  const elementsById = useBoardStore((s) => s.elementsById);

  useEffect(() => {
    const area = ref.current?.parentElement;
    if (!area || !room) return;
    // A presentation screen's pointer points at nothing for the room.
    const move = (e: PointerEvent) => {
      if (!useCollabStore.getState().presenting) useCollabStore.getState().setCursor(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    };
    const leave = () => useCollabStore.getState().setCursor(null);
    area.addEventListener('pointermove', move);
    area.addEventListener('pointerleave', leave);
    return () => {
      area.removeEventListener('pointermove', move);
      area.removeEventListener('pointerleave', leave);
    };
  }, [flow, room]);

  return (
    <div ref={ref} className="sb-presence" aria-hidden={others.length === 0}>
      {others.map((p) => {
        const editing = p.editing ? elementsById.get(p.editing as ElementId) : undefined;
        const rect = editing ? absoluteRect(editing, elementsById) : undefined;
        return (
          <div key={p.clientId}>
            {rect ? (
              <div
                className="sb-presence-editing"
                style={{ left: rect.x * zoom + x, top: rect.y * zoom + y, width: rect.width * zoom, height: rect.height * zoom, borderColor: p.color }}
              >
                <span style={{ background: p.color }}>{p.name} is editing</span>
              </div>
            ) : null}
            {p.cursor ? (
              <div className="sb-presence-cursor" role="img" aria-label={`${p.name}'s cursor`} style={{ transform: `translate(${p.cursor.x * zoom + x}px, ${p.cursor.y * zoom + y}px)` }}>
                <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
                  <path d="M1 1 L1 15 L5 11 L8 17 L10 16 L7 10 L13 10 Z" fill={p.color} stroke="#fff" strokeWidth="1" />
                </svg>
                <span style={{ background: p.color }}>{p.name}</span>
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
