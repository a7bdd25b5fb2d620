// The event-storming board: React Flow with one node component per kind, grammar-checked
// connections, drag positions committed once on drag stop, culling of off-screen elements and
// level-of-detail stickies when zoomed out. Tab goes through the stickies in reading order;
// connections are not in the Tab order (React Flow's edges come before every node in the DOM, so
// a facilitator would tab through all of them first): a sticky's inspector lists its connections
// instead, and the mouse still selects them. Read-only (presentation mode): nothing can be
// selected, dragged, connected, added or edited; the view can still move.
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MarkerType,
  ReactFlow,
  useReactFlow,
  type Connection,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
  type NodeMouseHandler,
  type OnNodeDrag,
} from '@xyflow/react';
import { useCallback, useEffect, useRef, type DragEvent, type MouseEvent } from 'react';
import type { ElementId, ElementKind, ElementMove } from '../model';
import { ELEMENT_KINDS } from '../model';
import { useBoardStore } from '../store/boardStore';
import { addSticky, commitDrag, connect, canConnect } from '../store/boardCommands';
import { useUiStore } from '../store/uiStore';
import { ConnectionHint } from './ConnectionHint';
import { OverviewMap } from './OverviewMap';
import { LinkOverview } from './LinkOverview';
import { edgeTypes } from './edges/FlowEdge';
import { registerFlowBridge } from './flowBridge';
import type { FlowEdge, FlowNode } from './flowTypes';
import { GRID_SIZE, KIND_STYLES } from './kindStyles';
import { nodeTypes } from './nodes/nodeTypes';
import { useShapesOnly } from './nodes/useDetail';
import { useFlowElements } from './useFlowElements';
import { boundsOf, initialViewport } from './initialViewport';
import { absoluteRect } from '../model/geometry';

/** dataTransfer type the palette uses when a sticky is dragged onto the board. */
export const PALETTE_DRAG_TYPE = 'application/x-stormbench-kind';

const SNAP_GRID: [number, number] = [GRID_SIZE, GRID_SIZE];
const DEFAULT_EDGE_OPTIONS = { type: 'flow', markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } } as const;
const PRO_OPTIONS = { hideAttribution: true };
const NO_EDGES: FlowEdge[] = [];
/** Fit view leaves this fraction of the board's size around it: small, so names stay large. */
const FIT_PADDING = 0.04;

export interface BoardCanvasProps {
  /** Colours when the theme follows the system; a theme picked in the settings wins. */
  colorMode?: 'light' | 'dark' | 'system';
  /** The overview map in the corner (on by default). */
  miniMap?: boolean;
  /** The person moved the view (pan, zoom, zoom buttons), as opposed to the app moving it. */
  onUserMove?: () => void;
}

export function BoardCanvas({ colorMode, miniMap = true, onUserMove }: BoardCanvasProps) {
  const board = useBoardStore((s) => s.board);
  const boardId = board?.id;
  const snap = useBoardStore((s) => s.board?.settings.snapToGrid ?? true);
  const { nodes, edges, onNodesChange: applyLocal, onEdgesChange, onSelectionChange } = useFlowElements(board);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const lowDetail = useShapesOnly();
  const theme = useUiStore((s) => s.theme);
  const readOnly = useUiStore((s) => s.readOnly);
  // A move the app makes (setViewport, fitView) has no input event; a gesture has one.
  const onMoveStart = useCallback((event: unknown) => void (event && onUserMove?.()), [onUserMove]);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    registerFlowBridge({
      centre() {
        const rect = wrapper.current?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      },
      screenToFlow: (p) => flow.screenToFlowPosition(p),
      visibleArea() {
        const rect = wrapper.current?.getBoundingClientRect();
        if (!rect) return null;
        const margin = 24;
        const a = flow.screenToFlowPosition({ x: rect.left + margin, y: rect.top + margin });
        const b = flow.screenToFlowPosition({ x: rect.right - margin, y: rect.bottom - margin });
        return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
      },
      fitView: () => void flow.fitView({ padding: FIT_PADDING, duration: 200, includeHiddenNodes: true }),
      absolutePosition(id) {
        const n = flow.getInternalNode(id);
        return n ? { ...n.internals.positionAbsolute } : null;
      },
      async showAll() {
        const before = flow.getViewport();
        // Everything in view (so culling mounts it), drawn in full whatever the zoom.
        useUiStore.getState().setExportingImage(true);
        await flow.fitView({ padding: 0.05, maxZoom: 1, includeHiddenNodes: true });
        await nextFrames(2);
        return () => {
          useUiStore.getState().setExportingImage(false);
          void flow.setViewport(before);
        };
      },
      boardBounds() {
        const all = flow.getNodes();
        return all.length === 0 ? null : flow.getNodesBounds(all);
      },
      viewportElement: () => wrapper.current?.querySelector<HTMLElement>('.react-flow__viewport') ?? null,
    });
    return () => registerFlowBridge(null);
  }, [flow]);

  // A freshly opened board starts readable: whole if it fits, else at the start of its timeline.
  useEffect(() => {
    if (!boardId) return;
    const t = requestAnimationFrame(() => {
      const { board: current, elementsById } = useBoardStore.getState();
      const rect = wrapper.current?.getBoundingClientRect();
      if (!current || !rect) return;
      const bounds = boundsOf(current.elements.map((e) => absoluteRect(e, elementsById)));
      void flow.setViewport(initialViewport(bounds, { width: rect.width, height: rect.height }));
    });
    return () => cancelAnimationFrame(t);
  }, [boardId, flow]);

  // A drag stays local until it ends; a keyboard nudge (arrow keys) has no drag and is written
  // at once.
  const dragging = useRef(false);
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      applyLocal(changes);
      const nudges: ElementMove[] = [];
      for (const c of changes) {
        if (c.type !== 'position' || !c.position) continue;
        if (c.dragging) dragging.current = true;
        else if (!dragging.current) nudges.push({ id: c.id as ElementId, x: Math.round(c.position.x), y: Math.round(c.position.y) });
      }
      if (nudges.length > 0) useBoardStore.getState().doc?.moveElements(nudges);
    },
    [applyLocal],
  );

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_event, _node, dragged) => {
      dragging.current = false;
      commitDrag(
        dragged.map((n) => {
          const internal = flow.getInternalNode(n.id);
          const abs = internal?.internals.positionAbsolute ?? n.position;
          return { id: n.id as ElementId, x: abs.x, y: abs.y };
        }),
      );
    },
    [flow],
  );

  const isValidConnection: IsValidConnection<FlowEdge> = useCallback(
    (c) => canConnect(c.source as ElementId, c.target as ElementId),
    [],
  );
  const onConnect = useCallback((c: Connection) => connect(c.source as ElementId, c.target as ElementId), []);
  // Released on a sticky the grammar refuses: say why after the drag too, not only during it.
  const onConnectEnd: OnConnectEnd = useCallback((_event, state) => {
    if (state.isValid !== false || !state.fromNode || !state.toNode || state.fromNode.id === state.toNode.id) return;
    connect(state.fromNode.id as ElementId, state.toNode.id as ElementId);
  }, []);
  const onNodeDoubleClick: NodeMouseHandler<FlowNode> = useCallback((_e, node) => {
    useUiStore.getState().startEditing(node.id as ElementId);
  }, []);
  const noContextMenu: NodeMouseHandler<FlowNode> = useCallback((e) => e.preventDefault(), []);
  // Right click (or a long press on a touch screen) opens the sticky's menu: delete, duplicate,
  // move into a context, edit — everything a mouse or a finger needs without keys.
  const onNodeContextMenu: NodeMouseHandler<FlowNode> = useCallback((e, node) => {
    e.preventDefault();
    const ui = useUiStore.getState();
    if (!ui.selectedElementIds.includes(node.id as ElementId)) ui.setSelection([node.id as ElementId], []);
    ui.openContextMenu({ id: node.id as ElementId, x: e.clientX, y: e.clientY });
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_DRAG_TYPE) as ElementKind;
      if (!(ELEMENT_KINDS as readonly string[]).includes(kind) || useUiStore.getState().readOnly) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const { width, height } = KIND_STYLES[kind];
      addSticky(kind, { x: p.x - width / 2, y: p.y - height / 2 });
    },
    [flow],
  );

  // Double-clicking empty board adds a domain event there: events are the base layer.
  const onDoubleClick = useCallback(
    (e: MouseEvent) => {
      if (!(e.target as Element).classList?.contains('react-flow__pane') || useUiStore.getState().readOnly) return;
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const { width, height } = KIND_STYLES.event;
      addSticky('event', { x: p.x - width / 2, y: p.y - height / 2 });
    },
    [flow],
  );

  return (
    <div className={`sb-canvas${readOnly ? ' sb-read-only' : ''}`} ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} onDoubleClick={onDoubleClick}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={lowDetail ? NO_EDGES : edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDoubleClick={onNodeDoubleClick}
        onNodeContextMenu={readOnly ? noContextMenu : onNodeContextMenu}
        onMoveStart={onMoveStart}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        nodesFocusable={!readOnly}
        edgesFocusable={false}
        elementsSelectable={!readOnly}
        connectionLineType={ConnectionLineType.Bezier}
        connectionRadius={40}
        onlyRenderVisibleElements
        snapToGrid={snap}
        snapGrid={SNAP_GRID}
        minZoom={0.05}
        maxZoom={3}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        zoomOnDoubleClick={false}
        colorMode={theme === 'system' ? (colorMode ?? 'system') : theme}
        proOptions={PRO_OPTIONS}
        elevateNodesOnSelect={false}
        autoPanOnNodeFocus={false}
      >
        <GridBackground />
        {lowDetail ? <LinkOverview /> : null}
        {miniMap ? <OverviewMap /> : null}
        <Controls showInteractive={false} showFitView={false} aria-label="Zoom controls" onZoomIn={onUserMove} onZoomOut={onUserMove} />
        <ConnectionHint />
      </ReactFlow>
    </div>
  );
}

// The dot grid helps placing stickies; far out it would be a dot every pixel or two, costly
// to paint and useless, so it is left out when stickies are drawn as plain shapes.
function GridBackground() {
  return useShapesOnly() ? null : <Background variant={BackgroundVariant.Dots} gap={GRID_SIZE * 4} size={1.6} />;
}


function nextFrames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
}
