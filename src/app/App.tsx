// The application shell: toolbar on top, palette (with the overview map under it), board and
// inspector below, the simulation dock, one message area. In presentation mode only the board
// shows (read-only, following the facilitator) under a bar in large type.
// Keyboard shortcuts are routed from here to the action table.
import { ReactFlowProvider } from '@xyflow/react';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { OverviewMap } from '../canvas/OverviewMap';
import { useBoardStore } from '../store/boardStore';
import { useBoardsStore } from '../store/boardsStore';
import { useShortcuts } from './actions/useShortcuts';
import { EmptyBoardHint } from './EmptyBoardHint';
import { Inspector } from './inspector/Inspector';
import { NoticeBar } from './NoticeBar';
import { Palette } from './Palette';
import { PresenceOverlay } from './collab/PresenceOverlay';
import { SessionBar } from './collab/SessionBar';
import { ShareButton } from './collab/ShareButton';
import { FollowBar } from './collab/FollowBar';
import { PresentationBar } from './collab/PresentationBar';
import { ViewFollower } from './collab/ViewFollower';
import { SimulationDock } from './sim/SimulationDock';
import { useFollowStore } from '../store/followStore';
import { StickyMenu } from './StickyMenu';
import { Toolbar } from './toolbar/Toolbar';

const OVERVIEW_MAP_SIZE = { width: 150, height: 96 };
const stopFollowing = () => useFollowStore.getState().stopFollowing();

export function App() {
  useShortcuts();
  const status = useBoardsStore((s) => s.status);
  const empty = useBoardStore((s) => s.board !== null && s.board.elements.length === 0);
  const presenting = useFollowStore((s) => s.presenting);
  return (
    <div className={`sb-app${presenting ? ' sb-presenting' : ''}`}>
      {presenting ? <PresentationBar /> : <Toolbar />}
      <ReactFlowProvider>
        <main className="sb-main">
          {/* The overview map sits under the palette, beside the board, so it never hides stickies. */}
          {presenting ? null : (
            <div className="sb-side">
              <Palette />
              <OverviewMap width={OVERVIEW_MAP_SIZE.width} height={OVERVIEW_MAP_SIZE.height} className="sb-side-map" />
            </div>
          )}
          <div className="sb-canvas-area" style={{ position: 'relative', minWidth: 0 }}>
            <BoardCanvas colorMode="system" miniMap={false} onUserMove={stopFollowing} />
            <ViewFollower />
            <PresenceOverlay />
            <SessionBar />
            {presenting ? null : <ShareButton />}
            {presenting ? null : <FollowBar />}
            {empty && !presenting ? <EmptyBoardHint /> : null}
            {status === 'loading' ? (
              <div className="sb-empty-board" role="status">
                <div>Opening your boards…</div>
              </div>
            ) : null}
          </div>
          {presenting ? null : <Inspector />}
        </main>
      </ReactFlowProvider>
      {presenting ? null : <SimulationDock />}
      <NoticeBar />
      <StickyMenu />
    </div>
  );
}
