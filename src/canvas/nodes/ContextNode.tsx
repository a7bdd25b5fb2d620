// A bounded context: a named, resizable frame. Stickies inside are React Flow child nodes, so
// moving the frame moves them. A resize is written to the document once, when it ends, together
// with any child positions React Flow adjusted (one undo step).
import { NodeResizer, useReactFlow, useStore, type NodeProps, type ReactFlowState, type ResizeParams } from '@xyflow/react';
import { memo, useCallback, useMemo } from 'react';
import type { ElementId, ElementMove } from '../../model';
import { useBoardStore } from '../../store/boardStore';
import { useUiStore } from '../../store/uiStore';
import type { FlowNode } from '../flowTypes';
import { ProblemPins } from './ProblemPins';
import { StickyEditor } from './StickyEditor';
import { MIN_SCREEN_TEXT_PX, TARGET_SCREEN_TEXT_PX } from '../kindStyles';
import { measureStickyText } from '../text/measureText';
import { fitText } from '../text/textFit';
import { useDetail } from './useDetail';

const MIN_CONTEXT = { width: 200, height: 140 };
/** A context's name in board units at full detail (at text size 1). */
const CONTEXT_NAME_PX = 20;
const TITLE_INSET = 10;

// Zoomed out, a context's name grows in board units so it stays readable on screen (there are
// few contexts, so each follows the zoom in 10 % steps, whatever the stickies' level).
const STEP = Math.log(1.1);
const selectZoomStep = (s: ReactFlowState) => Math.exp(Math.round(Math.log(s.transform[2]) / STEP) * STEP);

function ZoomedOutTitle({ text, width, height }: { text: string; width: number; height: number }) {
  const zoom = useStore(selectZoomStep);
  const scale = useUiStore((s) => s.textScale);
  const fit = useMemo(
    () =>
      fitText(
        text,
        {
          width: width - 2 * TITLE_INSET,
          height: Math.max(CONTEXT_NAME_PX, height * 0.25),
          minPx: (MIN_SCREEN_TEXT_PX * scale) / zoom,
          maxPx: Math.max(CONTEXT_NAME_PX * scale, (TARGET_SCREEN_TEXT_PX * 1.3 * scale) / zoom),
          lineHeight: 1.15,
        },
        measureStickyText,
      ),
    [text, width, height, zoom, scale],
  );
  if (fit.lines.length === 0) return null;
  return (
    <div className="sb-context-name sb-context-name-zoomed" style={{ fontSize: `${fit.fontPx}px` }}>
      {fit.lines.map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </div>
  );
}

export const ContextNode = memo(function ContextNode({ id, data, selected }: NodeProps<FlowNode>) {
  const element = data.element;
  const lowDetail = useDetail().level !== 'full';
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
        {lowDetail && !editing ? (
          <ZoomedOutTitle text={element.text} width={element.kind === 'boundedContext' ? element.width : 0} height={element.kind === 'boundedContext' ? element.height : 0} />
        ) : editing ? (
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
