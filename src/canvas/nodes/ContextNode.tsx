// A bounded context: a named, resizable frame. Stickies inside are React Flow child nodes, so
// moving the frame moves them. A resize is written to the document once, when it ends, together
// with any child positions React Flow adjusted (one undo step).
import { NodeResizer, useReactFlow, type NodeProps, type ResizeParams } from '@xyflow/react';
import { memo, useCallback } from 'react';
import type { ElementId, ElementMove } from '../../model';
import { useBoardStore } from '../../store/boardStore';
import { useUiStore } from '../../store/uiStore';
import type { FlowNode } from '../flowTypes';
import { ProblemPins } from './ProblemPins';
import { StickyEditor } from './StickyEditor';
import { useLowDetail } from './useLowDetail';

const MIN_CONTEXT = { width: 200, height: 140 };

export const ContextNode = memo(function ContextNode({ id, data, selected }: NodeProps<FlowNode>) {
  const element = data.element;
  const lowDetail = useLowDetail();
  const editing = useUiStore((s) => s.editingId === id);
  const flow = useReactFlow<FlowNode>();
  const onResizeEnd = useCallback(
    (_: unknown, p: ResizeParams) => {
      const doc = useBoardStore.getState().doc;
      if (!doc) return;
      const children: ElementMove[] = flow
        .getNodes()
        .filter((n) => n.parentId === id)
        .map((n) => ({ id: n.id as ElementId, x: n.position.x, y: n.position.y }));
      doc.transact(() => {
        doc.updateElement(id as ElementId, { x: p.x, y: p.y, width: Math.round(p.width), height: Math.round(p.height) });
        if (children.length > 0) doc.moveElements(children);
      });
    },
    [flow, id],
  );
  const service = element.kind === 'boundedContext' ? element.serviceName : '';
  return (
    <div className={`sb-context${selected ? ' sb-selected' : ''}${lowDetail ? ' sb-lod' : ''}`}>
      <NodeResizer
        isVisible={selected && !lowDetail}
        minWidth={MIN_CONTEXT.width}
        minHeight={MIN_CONTEXT.height}
        onResizeEnd={onResizeEnd}
        color="var(--sb-accent)"
      />
      <div className="sb-context-title">
        {editing ? (
          <StickyEditor id={element.id} text={element.text} label="Bounded context" />
        ) : (
          <>
            <span className="sb-context-kind">Bounded context</span>
            <span className={`sb-context-name${element.text ? '' : ' sb-empty'}`}>{element.text || 'Unnamed context'}</span>
            {service ? <span className="sb-context-service">service: {service}</span> : null}
            <ProblemPins id={element.id} />
          </>
        )}
      </div>
    </div>
  );
});
