// Smoothness page for bench/sim.browser.mjs: the real simulation dock, fed by the real worker,
// running the benchmark board (64 partitions, 8 groups). window.simBench starts a run, switches
// tabs, and measures frame times and long tasks on this main thread.
import '../src/app/app.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { SimulationDock } from '../src/app/sim/SimulationDock';
import { benchBoard } from '../src/sim/testing/benchBoard';
import { simMessagesReceived, useSimStore, type SimTab } from '../src/store/simStore';

interface Window {
  frames: number[];
  longTasks: number[];
}

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });

const simBench = {
  ready: false,
  start(commandsPerSecond: number, speed: number) {
    useSimStore.setState({ options: { commandsPerSecond, speed, aggregateIds: 200 } });
    useSimStore.getState().run(benchBoard());
  },
  tab(tab: SimTab) {
    useSimStore.getState().setTab(tab);
  },
  /** Records rAF frame intervals and long tasks for `ms` of wall time. */
  measure(ms: number): Promise<Window & { messages: number; applied: number; simMs: number; produced: number }> {
    return new Promise((resolve) => {
      const frames: number[] = [];
      const firstLong = longTasks.length;
      const m0 = simMessagesReceived();
      const a0 = useSimStore.getState().applied;
      const s0 = useSimStore.getState().snapshot;
      const t0 = performance.now();
      let last = t0;
      const frame = (now: number) => {
        frames.push(now - last);
        last = now;
        if (now - t0 < ms) requestAnimationFrame(frame);
        else {
          const s1 = useSimStore.getState().snapshot;
          resolve({
            frames: frames.slice(1),
            longTasks: longTasks.slice(firstLong),
            messages: simMessagesReceived() - m0,
            applied: useSimStore.getState().applied - a0,
            simMs: (s1?.at ?? 0) - (s0?.at ?? 0),
            produced: (s1?.counters.produced ?? 0) - (s0?.counters.produced ?? 0),
          });
        }
      };
      requestAnimationFrame(frame);
    });
  },
  heap(): number | null {
    const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return m ? m.usedJSHeapSize : null;
  },
};
(globalThis as unknown as { simBench: typeof simBench }).simBench = simBench;

createRoot(document.getElementById('root')!).render(createElement(SimulationDock));
simBench.ready = true;
