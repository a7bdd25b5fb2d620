// Turns a board snapshot into React Flow nodes and edges while keeping what only the view
// knows (measured size, selection, a position being dragged). Unchanged elements keep their
// node object, so React Flow re-renders only the stickies that changed. Nodes come in reading
// order (readingOrder.ts): the DOM follows it, and so does the Tab order through the stickies.
import { Position } from '@xyflow/react';
import type { Board, BoardElement, ElementId } from '../model';
import { KIND_LABELS, elementTitle, readingOrder } from '../model';
import type { FlowEdge, FlowNode } from './flowTypes';
import { KIND_STYLES } from './kindStyles';

/** Size of a connection handle in board units (matches canvas.css). */
export const HANDLE_PX = 12;

export function syncNodes(board: Board, previous: readonly FlowNode[]): FlowNode[] {
  const prevById = new Map(previous.map((n) => [n.id, n]));
  // React Flow needs a parent before its children, which reading order keeps.
  const next = readingOrder(board.elements).map((element) => toNode(element, prevById.get(element.id)));
  if (next.length === previous.length && next.every((n, i) => n === previous[i])) return previous as FlowNode[];
  return next;
}

function toNode(element: BoardElement, prev: FlowNode | undefined): FlowNode {
  if (prev && prev.data.element === element) return prev;
  const node: FlowNode = {
    ...(prev ?? {}),
    id: element.id,
    type: element.kind,
    position: { x: element.x, y: element.y },
    data: { element },
    parentId: element.parentId,
    ariaLabel: `${KIND_LABELS[element.kind]}: ${element.text || 'untitled'}`,
    // A group also when not focusable (a read-only board), so a sticky keeps its role and name.
    ariaRole: 'group',
  };
  if (!element.parentId) delete node.parentId;
  // Sizes are known up front, so React Flow need not mount a sticky to measure it: culling,
  // fit view and edges work for stickies that were never on screen.
  if (element.kind === 'boundedContext') {
    node.width = element.width;
    node.height = element.height;
    node.measured = { width: element.width, height: element.height };
    node.zIndex = -1;
    node.className = 'sb-context-node';
  } else {
    const { width, height } = KIND_STYLES[element.kind];
    node.width = width;
    node.height = height;
    node.measured = { width, height };
    // Declared handles let edges draw before (or without) the sticky being measured, which
    // culling and level-of-detail rendering rely on.
    node.handles = [
      { id: null, type: 'target', position: Position.Left, x: -HANDLE_PX / 2, y: height / 2 - HANDLE_PX / 2, width: HANDLE_PX, height: HANDLE_PX },
      { id: null, type: 'source', position: Position.Right, x: width - HANDLE_PX / 2, y: height / 2 - HANDLE_PX / 2, width: HANDLE_PX, height: HANDLE_PX },
    ];
  }
  return node;
}

export function syncEdges(board: Board, previous: readonly FlowEdge[], elementsById: ReadonlyMap<ElementId, BoardElement>): FlowEdge[] {
  const prevById = new Map(previous.map((e) => [e.id, e]));
  const next = board.links.map((link): FlowEdge => {
    const prev = prevById.get(link.id);
    const source = elementsById.get(link.source);
    const target = elementsById.get(link.target);
    // Named after what it joins (React Flow's default names the ids).
    const ariaLabel = source && target ? `Connection from ${elementTitle(source)} to ${elementTitle(target)}` : 'Connection';
    if (prev && prev.source === link.source && prev.target === link.target && prev.data?.freeForm === link.freeForm && prev.ariaLabel === ariaLabel) {
      return prev;
    }
    return {
      ...(prev ?? {}),
      id: link.id,
      source: link.source,
      target: link.target,
      type: 'flow',
      data: { freeForm: link.freeForm },
      ariaLabel,
    };
  });
  if (next.length === previous.length && next.every((e, i) => e === previous[i])) return previous as FlowEdge[];
  return next;
}
