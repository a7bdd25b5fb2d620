// The application shell: toolbar on top, palette, board and inspector below, one message bar.
// Keyboard shortcuts are routed from here to the action table.
import { ReactFlowProvider } from '@xyflow/react';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { useBoardStore } from '../store/boardStore';
import { useBoardsStore } from '../store/boardsStore';
import { useShortcuts } from './actions/useShortcuts';
import { EmptyBoardHint } from './EmptyBoardHint';
import { Inspector } from './inspector/Inspector';
import { NoticeBar } from './NoticeBar';
import { Palette } from './Palette';
import { SimulationDock } from './sim/SimulationDock';
import { Toolbar } from './toolbar/Toolbar';

export function App() {
  useShortcuts();
  const status = useBoardsStore((s) => s.status);
  const empty = useBoardStore((s) => s.board !== null && s.board.elements.length === 0);
  return (
    <div className="sb-app">
      <Toolbar />
      <main className="sb-main">
        <Palette />
        <ReactFlowProvider>
          <div className="sb-canvas-area" style={{ position: 'relative', minWidth: 0 }}>
            <BoardCanvas colorMode="system" />
            {empty ? <EmptyBoardHint /> : null}
            {status === 'loading' ? (
              <div className="sb-empty-board" role="status">
                <div>Opening your boards…</div>
              </div>
            ) : null}
          </div>
        </ReactFlowProvider>
        <Inspector />
      </main>
      <SimulationDock />
      <NoticeBar />
    </div>
  );
}
