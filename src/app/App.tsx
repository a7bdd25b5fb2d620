// The application shell: toolbar on top, palette (with the overview map under it), board and
// inspector below, the simulation dock, one message area.
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
import { SimulationDock } from './sim/SimulationDock';
import { StickyMenu } from './StickyMenu';
import { Toolbar } from './toolbar/Toolbar';

const OVERVIEW_MAP_SIZE = { width: 150, height: 96 };

export function App() {
  useShortcuts();
  const status = useBoardsStore((s) => s.status);
  const empty = useBoardStore((s) => s.board !== null && s.board.elements.length === 0);
  return (
    <div className="sb-app">
      <Toolbar />
      <ReactFlowProvider>
        <main className="sb-main">
          {/* The overview map sits under the palette, beside the board, so it never hides stickies. */}
          <div className="sb-side">
            <Palette />
            <OverviewMap width={OVERVIEW_MAP_SIZE.width} height={OVERVIEW_MAP_SIZE.height} className="sb-side-map" />
          </div>
          <div className="sb-canvas-area" style={{ position: 'relative', minWidth: 0 }}>
            <BoardCanvas colorMode="system" miniMap={false} />
            <PresenceOverlay />
            <SessionBar />
            <ShareButton />
            {empty ? <EmptyBoardHint /> : null}
            {status === 'loading' ? (
              <div className="sb-empty-board" role="status">
                <div>Opening your boards…</div>
              </div>
            ) : null}
          </div>
          <Inspector />
        </main>
      </ReactFlowProvider>
      <SimulationDock />
      <NoticeBar />
      <StickyMenu />
    </div>
  );
}
