// The React Flow node and edge shapes used by the board. Node data holds the element itself
// (plain serialisable data, no callbacks), so a node re-renders exactly when its element
// changes in the document.
import type { Edge, Node } from '@xyflow/react';
import type { BoardElement, ElementKind } from '../model';

export type StickyData = { element: BoardElement };
export type FlowNode = Node<StickyData, ElementKind>;
export type FlowEdgeData = { freeForm: boolean };
export type FlowEdge = Edge<FlowEdgeData, 'flow'>;
