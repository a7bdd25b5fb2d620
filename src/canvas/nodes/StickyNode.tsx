// A sticky note on the board. Each kind gets its own memoised component (see nodeTypes.ts).
// What is drawn follows what can be read at the current zoom (useDetail): in full, the kind
// label and the whole name (the sticky grows downwards for a long name, up to MAX_NAME_LINES,
// then ends with an ellipsis and shows the whole name as a tooltip); zoomed out, the name alone
// sized to fill the sticky; far out, a plain coloured rectangle. Handles stay mounted
// (invisible when not in full) so edges keep their anchors.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo, type CSSProperties } from 'react';
import type { ElementId, ElementKind } from '../../model';
import { KIND_LABELS } from '../../model';
import { useUiStore } from '../../store/uiStore';
import type { FlowNode } from '../flowTypes';
import { KIND_STYLES, MIN_SCREEN_TEXT_PX, NAME_FONT_PX, TARGET_SCREEN_TEXT_PX } from '../kindStyles';
import { MAX_NAME_LINES } from '../text/limits';
import { measureStickyText } from '../text/measureText';
import { fitText, wrapLines } from '../text/textFit';
import { HintBadge } from './HintBadge';
import { LiveBadge, hasLiveBadge } from './LiveBadge';
import { ProblemPins } from './ProblemPins';
import { RuleModeBadge } from './RuleModeBadge';
import { ScenarioBadge } from './ScenarioBadge';
import { StickyEditor } from './StickyEditor';
import { useDetail } from './useDetail';
import { useNamingHint } from './useNamingHint';

/** Inner padding of a sticky in board units (matches canvas.css). */
const PAD_X = 10;
const COMPACT_PAD = 6;
const LINE_HEIGHT = 1.15;

export function StickyNode({ id, data, selected, kind }: NodeProps<FlowNode> & { kind: ElementKind }) {
  const element = data.element;
  const detail = useDetail();
  const editing = useUiStore((s) => s.editingId === id);
  const style = KIND_STYLES[kind];
  const css = { '--sticky': style.color, '--ink': style.ink } as CSSProperties;
  const label = KIND_LABELS[kind];

  if (detail.level !== 'full' && !editing) {
    return (
      <div className={`sb-sticky sb-${kind} sb-lod${selected ? ' sb-selected' : ''}`} style={css} title={element.text || undefined}>
        {detail.level === 'compact' ? <CompactName text={element.text} kind={kind} zoom={detail.zoom} /> : null}
        {detail.level === 'compact' && hasLiveBadge(kind) ? <LiveBadge id={element.id} kind={kind} zoom={detail.zoom} /> : null}
        <StaticHandles />
      </div>
    );
  }
  return (
    <div className={`sb-sticky sb-${kind}${selected ? ' sb-selected' : ''}`} style={css}>
      <Handle type="target" position={Position.Left} className="sb-handle" aria-label={`${label} input`} />
      <span className="sb-kind-label" aria-hidden="true">
        {label}
      </span>
      {editing ? <StickyEditor id={element.id} text={element.text} label={label} /> : <FullName text={element.text} kind={kind} />}
      <span className="sb-badges">
        <NamingHint id={element.id} />
        {kind === 'command' ? <RuleModeBadge id={element.id} /> : null}
        <ScenarioBadge id={element.id} />
        <ProblemPins id={element.id} />
      </span>
      {hasLiveBadge(kind) ? <LiveBadge id={element.id} kind={kind} /> : null}
      <Handle type="source" position={Position.Right} className="sb-handle" aria-label={`${label} output`} />
    </div>
  );
}

function FullName({ text, kind }: { text: string; kind: ElementKind }) {
  const scale = useUiStore((s) => s.textScale);
  // The whole name as a tooltip only when it is cut (more lines than the sticky shows).
  const cut = useMemo(() => {
    if (!text) return false;
    const width = KIND_STYLES[kind].width - 2 * PAD_X;
    return wrapLines(text, width, NAME_FONT_PX * scale, measureStickyText).length > MAX_NAME_LINES;
  }, [text, kind, scale]);
  return (
    <div className={`sb-text${text ? '' : ' sb-empty'}`} title={cut ? text : undefined}>
      {text || 'Double-click to write'}
    </div>
  );
}

// The name alone, as large as fits the sticky up to what reads well on screen, and never
// smaller than the smallest readable size (then its first words and an ellipsis).
const CompactName = memo(function CompactName({ text, kind, zoom }: { text: string; kind: ElementKind; zoom: number }) {
  const scale = useUiStore((s) => s.textScale);
  const fit = useMemo(() => {
    const { width, height } = KIND_STYLES[kind];
    return fitText(
      text,
      {
        width: width - 2 * COMPACT_PAD,
        height: height - 2 * COMPACT_PAD,
        minPx: (MIN_SCREEN_TEXT_PX * scale) / zoom,
        maxPx: Math.max(NAME_FONT_PX * scale, (TARGET_SCREEN_TEXT_PX * scale) / zoom),
        lineHeight: LINE_HEIGHT,
      },
      measureStickyText,
    );
  }, [text, kind, zoom, scale]);
  if (fit.lines.length === 0) return null;
  return (
    <div className="sb-compact-name" style={{ fontSize: `${fit.fontPx}px` }}>
      {fit.lines.map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </div>
  );
});

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
