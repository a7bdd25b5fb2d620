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
  longTaskStarts: number[];
  slowFrames: SlowFrame[];
}

const longTasks: number[] = [];
/** When each long task started (ms since page load), to line them up with slow frames. */
const longTaskStarts: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    longTasks.push(e.duration);
    longTaskStarts.push(Math.round(e.startTime));
  }
}).observe({ type: 'longtask', buffered: true });

/** What a long animation frame spent its time on: the scripts it ran and its rendering. */
interface SlowFrame {
  at: number;
  duration: number;
  blocking: number;
  render: number;
  styleAndLayout: number;
  scripts: string[];
}
interface LoafScript {
  invoker: string;
  sourceURL: string;
  sourceFunctionName: string;
  sourceCharPosition: number;
  duration: number;
  forcedStyleAndLayoutDuration: number;
}
interface LoafEntry extends PerformanceEntry {
  blockingDuration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: LoafScript[];
}
const slowFrames: SlowFrame[] = [];
// Long animation frames name the scripts behind a long task (long tasks alone do not).
if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as LoafEntry[]) {
      if (e.duration <= 50) continue;
      const end = e.startTime + e.duration;
      slowFrames.push({
        at: Math.round(e.startTime),
        duration: Math.round(e.duration),
        blocking: Math.round(e.blockingDuration),
        render: e.renderStart > 0 ? Math.round(end - e.renderStart) : 0,
        styleAndLayout: e.styleAndLayoutStart > 0 ? Math.round(end - e.styleAndLayoutStart) : 0,
        scripts: e.scripts.map((x) => `${x.invoker} ${x.sourceFunctionName || '?'}@${x.sourceURL.split('/').pop()}:${x.sourceCharPosition} ${Math.round(x.duration)} ms (forced layout ${Math.round(x.forcedStyleAndLayoutDuration)} ms)`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

const simBench = {
  ready: false,
  start(commandsPerSecond: number, speed: number, stored = true) {
    useSimStore.setState({ options: { commandsPerSecond, speed, aggregateIds: 200 } });
    useSimStore.getState().run(benchBoard(), stored);
  },
  tab(tab: SimTab) {
    useSimStore.getState().setTab(tab);
  },
  /** Records rAF frame intervals and long tasks for `ms` of wall time. */
  measure(ms: number): Promise<Window & { messages: number; applied: number; simMs: number; produced: number }> {
    return new Promise((resolve) => {
      const frames: number[] = [];
      const firstLong = longTasks.length;
      const firstSlow = slowFrames.length;
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
            longTaskStarts: longTaskStarts.slice(firstLong),
            slowFrames: slowFrames.slice(firstSlow),
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
