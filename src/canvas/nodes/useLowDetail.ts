// One boolean per sticky from React Flow's store: it flips only when the zoom crosses the
// level-of-detail threshold, so zooming does not re-render stickies on every frame.
import { useStore, type ReactFlowState } from '@xyflow/react';
import { LOD_ZOOM } from '../kindStyles';

const lowDetail = (s: ReactFlowState) => s.transform[2] < LOD_ZOOM;

export function useLowDetail(): boolean {
  return useStore(lowDetail);
}
