// A connection between stickies. A free-form link (outside the grammar, kept because the
// board allows it) is drawn dashed with a warning marker: it is left out of the topology.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge as FlowEdgeType } from '../flowTypes';

export const FlowEdge = memo(function FlowEdge(props: EdgeProps<FlowEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const freeForm = props.data?.freeForm ?? false;
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        className={freeForm ? 'sb-edge-freeform' : 'sb-edge'}
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
