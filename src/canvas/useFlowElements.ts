// Local React Flow state for the open board: nodes and edges follow the document snapshot,
// while drags, resizes and selection stay local until they end (so a drag is one undo step
// and no document write happens per frame). Selection is mirrored both ways with the UI store.
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import type { Board, ElementId, LinkId } from '../model';
import { useBoardStore } from '../store/boardStore';
import { useUiStore } from '../store/uiStore';
import type { FlowEdge, FlowNode } from './flowTypes';
import { syncEdges, syncNodes } from './syncFlow';
import { applySelection } from './applySelection';

export function useFlowElements(board: Board | null) {
  const [nodes, setNodes] = useState<FlowNode[]>([]);
  const [edges, setEdges] = useState<FlowEdge[]>([]);
  const selectedElements = useUiStore((s) => s.selectedElementIds);
  const selectedLinks = useUiStore((s) => s.selectedLinkIds);

  useEffect(() => {
    if (!board) {
      setNodes([]);
      setEdges([]);
      return;
    }
    const ui = useUiStore.getState();
    setNodes((prev) => applySelection(syncNodes(board, prev), ui.selectedElementIds));
    const { elementsById } = useBoardStore.getState();
    setEdges((prev) => applySelection(syncEdges(board, prev, elementsById), ui.selectedLinkIds));
  }, [board]);

  useEffect(() => {
    setNodes((prev) => applySelection(prev, selectedElements));
    setEdges((prev) => applySelection(prev, selectedLinks));
  }, [selectedElements, selectedLinks]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    // Removal goes through the document (the "delete" action), never through React Flow.
    const kept = changes.filter((c) => c.type !== 'remove');
    if (kept.length > 0) setNodes((prev) => applyNodeChanges(kept, prev));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const kept = changes.filter((c) => c.type !== 'remove');
    if (kept.length > 0) setEdges((prev) => applyEdgeChanges(kept, prev));
  }, []);
  const onSelectionChange = useCallback(({ nodes: n, edges: e }: { nodes: FlowNode[]; edges: FlowEdge[] }) => {
    useUiStore.getState().setSelection(
      n.map((x) => x.id as ElementId),
      e.map((x) => x.id as LinkId),
    );
  }, []);

  return { nodes, edges, onNodesChange, onEdgesChange, onSelectionChange };
}
