// A connection between stickies, routed round the stickies in its way (routeLink.ts). A
// free-form link (outside the grammar, kept because the board allows it) is drawn dashed with a
// warning marker: it is left out of the topology.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useBoardStore } from '../../store/boardStore';
import type { FlowEdge as FlowEdgeType } from '../flowTypes';
import { obstaclesFor, obstaclesOf } from './obstacles';
import { routeLink } from './routeLink';

/** Above this many stickies connections keep React Flow's plain curve (routing is per edge). */
export const ROUTE_MAX_STICKIES = 400;

// Inline styles (not only classes) so that PNG/SVG export, which copies inline styles of SVG
// shapes but not stylesheet rules, draws the connections too.
const GRAMMAR_STYLE = { stroke: 'var(--sb-edge)', strokeWidth: 2 };
const FREE_FORM_STYLE = { stroke: 'var(--sb-warning)', strokeWidth: 2, strokeDasharray: '7 5' };

export const FlowEdge = memo(function FlowEdge(props: EdgeProps<FlowEdgeType>) {
  const board = useBoardStore((s) => s.board);
  const elementsById = useBoardStore((s) => s.elementsById);
  const { sourceX, sourceY, targetX, targetY, source, target } = props;
  const [path, labelX, labelY] = useMemo(() => {
    if (!board || board.elements.length > ROUTE_MAX_STICKIES) return getBezierPath(props);
    const route = routeLink({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, obstaclesFor(obstaclesOf(board, elementsById), source, target));
    return [route.path, route.labelX, route.labelY] as const;
  }, [board, elementsById, sourceX, sourceY, targetX, targetY, source, target]);
  const freeForm = props.data?.freeForm ?? false;
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        className={freeForm ? 'sb-edge-freeform' : 'sb-edge'}
        style={freeForm ? FREE_FORM_STYLE : GRAMMAR_STYLE}
        interactionWidth={16}
      />
      {freeForm ? (
        <EdgeLabelRenderer>
          <span
            className="sb-edge-warning nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title="Free-form connection: outside the EventStorming grammar, left out of the topology"
            role="img"
            aria-label="Free-form connection warning"
          >
            ⚠
          </span>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});

export const edgeTypes = { flow: FlowEdge };
