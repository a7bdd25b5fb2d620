// Stress page for bench/canvas.browser.mjs: ?mode=board renders the real board canvas with a
// generated board (stickies, links, contexts); ?mode=bare renders a bare React Flow board of
// plain memoised nodes, the baseline. window.canvasBench lets the benchmark move the view
// and measure frames inside the page.
import '@xyflow/react/dist/style.css';
import '../src/canvas/canvas.css';
import '../src/app/app.css';
import { ReactFlow, ReactFlowProvider, useReactFlow, type Node, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardCanvas } from '../src/canvas/BoardCanvas';
import { createBoardDoc } from '../src/model';
import { generateBoard } from '../src/model/testing/generateBoard';
import { useBoardStore } from '../src/store/boardStore';

interface Viewport {
  x: number;
  y: number;
  zoom: number;
}
interface CanvasBench {
  ready: boolean;
  openMs: number;
  /** Time spent generating the test board (not part of opening a board in the app). */
  generateMs: number;
  nodesInDom(): number;
  /** Pans by dx per frame for `frames` frames from the given viewport; resolves with frame times (ms). */
  pan(start: Viewport, dx: number, frames: number): Promise<number[]>;
  /** The viewport that shows the whole board. */
  overview(): Viewport;
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'board';
const stickies = Number(params.get('n') ?? 2000);
const links = Number(params.get('links') ?? 2500);
const out = globalThis as unknown as { canvasBench?: CanvasBench };

function BenchBridge({ boundsOf }: { boundsOf: () => { x: number; y: number; width: number; height: number } }) {
  const flow = useReactFlow();
  useLayoutEffect(() => {
    out.canvasBench = {
      ready: false,
      openMs: 0,
      generateMs,
      nodesInDom: () => document.querySelectorAll('.react-flow__node').length,
      pan(start, dx, frames) {
        return new Promise((resolve) => {
          const times: number[] = [];
          let last = 0;
          let i = 0;
          void flow.setViewport(start);
          const step = (t: number) => {
            if (last) times.push(t - last);
            last = t;
            if (i++ >= frames) return resolve(times.slice(1));
            void flow.setViewport({ x: start.x - dx * i, y: start.y, zoom: start.zoom });
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        });
      },
      overview() {
        const b = boundsOf();
        const zoom = Math.min(window.innerWidth / b.width, window.innerHeight / b.height) * 0.95;
        return { x: -b.x * zoom + (window.innerWidth - b.width * zoom) / 2, y: -b.y * zoom + (window.innerHeight - b.height * zoom) / 2, zoom };
      },
    };
  }, [flow, boundsOf]);
  useEffect(() => {
    // Opened = the first frame painted after the board is mounted.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!out.canvasBench) return;
        out.canvasBench.openMs = performance.now();
        out.canvasBench.ready = true;
      }),
    );
  }, []);
  return null;
}

const PlainNode = memo(function PlainNode({ data }: NodeProps<Node<{ label: string }>>) {
  return <div style={{ width: 160, height: 110, background: '#ffa94d', padding: 8, boxSizing: 'border-box' }}>{data.label}</div>;
});
const plainTypes = { plain: PlainNode };

function Bare() {
  const nodes: Node<{ label: string }>[] = Array.from({ length: stickies }, (_, i) => ({
    id: `n${i}`,
    type: 'plain',
    position: { x: (i % 80) * 220, y: Math.floor(i / 80) * 280 },
    data: { label: `node ${i}` },
  }));
  const bounds = () => ({ x: 0, y: 0, width: 80 * 220, height: Math.ceil(stickies / 80) * 280 });
  return (
    <ReactFlowProvider>
      <div style={{ width: '100vw', height: '100vh' }}>
        <ReactFlow nodes={nodes} nodeTypes={plainTypes} onlyRenderVisibleElements minZoom={0.02} proOptions={{ hideAttribution: true }}>
          <BenchBridge boundsOf={bounds} />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}

function Board() {
  const bounds = () => {
    const els = useBoardStore.getState().board?.elements.filter((e) => e.kind === 'boundedContext') ?? [];
    const xs = els.map((e) => (e.kind === 'boundedContext' ? [e.x, e.y, e.x + e.width, e.y + e.height] : [0, 0, 0, 0]));
    const minX = Math.min(...xs.map((r) => r[0]!));
    const minY = Math.min(...xs.map((r) => r[1]!));
    return { x: minX, y: minY, width: Math.max(...xs.map((r) => r[2]!)) - minX, height: Math.max(...xs.map((r) => r[3]!)) - minY };
  };
  return (
    <ReactFlowProvider>
      <div style={{ width: '100vw', height: '100vh', display: 'grid' }}>
        <BoardCanvas colorMode="light" miniMap={params.get('minimap') !== '0'} />
        <BenchBridge boundsOf={bounds} />
      </div>
    </ReactFlowProvider>
  );
}

let generateMs = 0;
if (mode === 'board') {
  const t0 = performance.now();
  const board = generateBoard({ stickies, links, seed: 7 });
  generateMs = performance.now() - t0;
  useBoardStore.getState().attach(createBoardDoc(board));
}
createRoot(document.getElementById('root')!).render(mode === 'bare' ? <Bare /> : <Board />);
