// Connections when zoomed out (level of detail): one SVG path holding every link as a straight
// segment, drawn inside the viewport so panning only moves it. React Flow's edges each keep a
// store subscription that recomputes their end points on every pan frame; with thousands of
// links that is most of the cost of the overview, and their curves and arrows are invisible
// at that zoom anyway.
import { ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import { absoluteRect } from '../model';
import { useBoardStore } from '../store/boardStore';

export function LinkOverview() {
  const board = useBoardStore((s) => s.board);
  const elementsById = useBoardStore((s) => s.elementsById);
  const { path, freeFormPath } = useMemo(() => {
    let solid = '';
    let dashed = '';
    if (!board) return { path: solid, freeFormPath: dashed };
    for (const link of board.links) {
      const a = elementsById.get(link.source);
      const b = elementsById.get(link.target);
      if (!a || !b) continue;
      const ra = absoluteRect(a, elementsById);
      const rb = absoluteRect(b, elementsById);
      const segment = `M${ra.x + ra.width} ${ra.y + ra.height / 2}L${rb.x} ${rb.y + rb.height / 2}`;
      if (link.freeForm) dashed += segment;
      else solid += segment;
    }
    return { path: solid, freeFormPath: dashed };
  }, [board, elementsById]);
  return (
    <ViewportPortal>
      <svg className="sb-link-overview" width="1" height="1" aria-hidden="true">
        {path ? <path d={path} className="sb-link-overview-path" /> : null}
        {freeFormPath ? <path d={freeFormPath} className="sb-link-overview-path sb-freeform" /> : null}
      </svg>
    </ViewportPortal>
  );
}
