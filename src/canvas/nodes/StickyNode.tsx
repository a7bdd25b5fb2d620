// A sticky note on the board. Each kind gets its own memoised component (see nodeTypes.ts);
// below the level-of-detail zoom it renders as a plain coloured rectangle so an overview of
// thousands of stickies stays cheap. Handles stay mounted (invisible) so edges keep anchors.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type { ElementId, ElementKind } from '../../model';
import { KIND_LABELS } from '../../model';
import { useUiStore } from '../../store/uiStore';
import type { FlowNode } from '../flowTypes';
import { KIND_STYLES } from '../kindStyles';
import { HintBadge } from './HintBadge';
import { ProblemPins } from './ProblemPins';
import { StickyEditor } from './StickyEditor';
import { useLowDetail } from './useLowDetail';
import { useNamingHint } from './useNamingHint';

export function StickyNode({ id, data, selected, kind }: NodeProps<FlowNode> & { kind: ElementKind }) {
  const element = data.element;
  const lowDetail = useLowDetail();
  const editing = useUiStore((s) => s.editingId === id);
  const style = KIND_STYLES[kind];
  const css = { '--sticky': style.color, '--ink': style.ink } as CSSProperties;

  if (lowDetail && !editing) {
    return (
      <div className={`sb-sticky sb-${kind} sb-lod`} style={css}>
        <StaticHandles />
      </div>
    );
  }
  const label = KIND_LABELS[kind];
  return (
    <div className={`sb-sticky sb-${kind}${selected ? ' sb-selected' : ''}`} style={css}>
      <Handle type="target" position={Position.Left} className="sb-handle" aria-label={`${label} input`} />
      <span className="sb-kind-label" aria-hidden="true">
        {label}
      </span>
      {editing ? (
        <StickyEditor id={element.id} text={element.text} label={label} />
      ) : (
        <div className={`sb-text${element.text ? '' : ' sb-empty'}`}>{element.text || 'Double-click to write'}</div>
      )}
      <span className="sb-badges">
        <NamingHint id={element.id} />
        <ProblemPins id={element.id} />
      </span>
      <Handle type="source" position={Position.Right} className="sb-handle" aria-label={`${label} output`} />
    </div>
  );
}

// Zoomed out, nobody connects stickies, but React Flow still measures handle positions when a
// sticky mounts (edges hang on them). Plain markup with the classes it looks for gives the same
// anchors without the store subscription each <Handle> carries, thousands of them on a big board.
function StaticHandles() {
  return (
    <>
      <div className="react-flow__handle react-flow__handle-left target sb-handle" data-handlepos="left" />
      <div className="react-flow__handle react-flow__handle-right source sb-handle" data-handlepos="right" />
    </>
  );
}

function NamingHint({ id }: { id: ElementId }) {
  return <HintBadge hint={useNamingHint(id)} />;
}
