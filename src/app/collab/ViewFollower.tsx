// Keeps this page's view in step with presence: publishes the part of the board it shows (the
// store throttles it), and while following someone, shows the part of the board they show,
// whole and centred, whatever the two screens' sizes. Renders nothing.
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { sameViewport, sameViewRect, viewportShowing, viewRectOf, type ViewRect } from '../../collab';
import { useCollabStore } from '../../store/collabStore';
import { useLeader } from '../../store/followStore';

/** A followed view glides to the next one over about one presence interval. */
const FOLLOW_GLIDE_MS = 90;

const paneWidth = (s: ReactFlowState) => s.width;
const paneHeight = (s: ReactFlowState) => s.height;
const panX = (s: ReactFlowState) => s.transform[0];
const panY = (s: ReactFlowState) => s.transform[1];
const zoomOf = (s: ReactFlowState) => s.transform[2];
const minZoomOf = (s: ReactFlowState) => s.minZoom;
const maxZoomOf = (s: ReactFlowState) => s.maxZoom;

export function ViewFollower() {
  const flow = useReactFlow();
  const width = useStore(paneWidth);
  const height = useStore(paneHeight);
  const x = useStore(panX);
  const y = useStore(panY);
  const zoom = useStore(zoomOf);
  const minZoom = useStore(minZoomOf);
  const maxZoom = useStore(maxZoomOf);
  const leaderView = useLeader()?.view ?? null;
  const published = useRef<ViewRect | null>(null);

  useEffect(() => {
    if (width <= 0 || height <= 0) return;
    const view = viewRectOf({ x, y, zoom }, { width, height });
    if (sameViewRect(view, published.current)) return;
    published.current = view;
    useCollabStore.getState().setView(view);
  }, [x, y, zoom, width, height]);

  useEffect(() => {
    if (!leaderView || width <= 0 || height <= 0) return;
    const target = viewportShowing(leaderView, { width, height }, { minZoom, maxZoom });
    if (!sameViewport(target, flow.getViewport())) void flow.setViewport(target, { duration: FOLLOW_GLIDE_MS });
  }, [leaderView, width, height, minZoom, maxZoom, flow]);

  return null;
}
