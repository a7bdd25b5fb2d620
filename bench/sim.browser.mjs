// UI smoothness of a live simulation in headless Chromium (1280×720): the real simulation
// dock and worker running a board with 64 partitions and 8 consumer groups at about 5,000
// simulated records per second. Prints, per view, the median and 95th-percentile frame time,
// long tasks over 50 ms (PerformanceObserver), worker messages vs store updates, and the
// simulated speed achieved; then the page's and the worker's heap after the first minute and
// at the end of a long run (garbage collected first).
//   node bench/sim.browser.mjs [--minutes 10] [--rate 420] [--speed 1] [--memory] [--view-seconds 15] [--trace-last-minutes 0]
// (--speed 100 asks for more than the worker can give: "simulated s per s" is then its ceiling;
// in the browser every run is stored in IndexedDB, so this is the durable run's speed).
// Builds into .tmp/dist-bench-sim and serves it on BENCH_PORT (default: a free port).
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { findChromium } from '../scripts/findChromium.mjs';
import { startPreview } from '../scripts/lib/previewServer.mjs';
import { attachWorkerHeap } from './lib/workerHeap.mjs';
import { describeLongTasks } from './lib/longTaskTrace.mjs';
import { writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const MINUTES = opt('minutes', 10);
const RATE = opt('rate', 420);
const SPEED = opt('speed', 1);
// --memory: the run is not stored (memory storage), to compare with the stored (IndexedDB) run.
const STORED = !args.includes('--memory');
const VIEW_SECONDS = opt('view-seconds', 15);
// Records a Chromium trace over the last N minutes of the long run and attributes its long tasks.
const TRACE_MINUTES = opt('trace-last-minutes', 0);
const OUT = '.tmp/dist-bench-sim';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
/** Long animation frames over 50 ms (Chromium's attribution of long tasks): when, and what ran. */
function printSlowFrames(where, frames) {
  if (frames.length === 0) return;
  console.log(`Animation frames over 50 ms in ${where} (ms since page load; blocking, rendering, style+layout; scripts):`);
  for (const f of frames) console.log(`- at ${f.at}: ${f.duration} ms (blocking ${f.blocking}, render ${f.render}, style+layout ${f.styleAndLayout}) ${f.scripts.join('; ') || 'no script'}`);
}
/** Long tasks over 50 ms with their start, to match against the slow frames above. */
function printLongTasks(where, r) {
  const list = r.longTasks.map((d, i) => [r.longTaskStarts?.[i] ?? NaN, d]).filter(([, d]) => d > 50);
  if (list.length === 0) return;
  console.log(`Long tasks over 50 ms in ${where} (start ms since page load: duration ms): ${list.map(([at, d]) => `${at}: ${Math.round(d)}`).join(', ')}`);
}
const mib = (b) => (b === null || b === undefined ? 'n/a' : `${(b / 2 ** 20).toFixed(1)} MiB`);
const fmt = (n) => Math.round(n).toLocaleString('en-US');

execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', OUT], { stdio: 'inherit' });
const server = await startPreview({ outDir: OUT, port: process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined, path: '/harness/sim.html' });
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const worker = await attachWorkerHeap(page, { preferUrl: 'sim.worker' });
  const cdp = worker.cdp;
  const heaps = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const pageHeap = await page.evaluate(() => globalThis.simBench.heap());
    const workerHeap = (await worker.heap())?.used ?? null;
    return { pageHeap, workerHeap };
  };

  await page.goto(`${server.url}/harness/sim.html`);
  await page.waitForFunction(() => globalThis.simBench?.ready === true);
  const slowSeen = [];
  const row = (name, r) => {
    if (r.slowFrames?.length || r.longTasks.some((d) => d > 50)) slowSeen.push([name, r]);
    const long = r.longTasks.filter((d) => d > 50);
    console.log(
      `| ${name} | ${quantile(r.frames, 0.5).toFixed(1)} | ${quantile(r.frames, 0.95).toFixed(1)} | ${long.length} | ${long.length ? Math.max(...long).toFixed(0) : '-'} | ${r.messages} | ${r.applied} | ${(r.simMs / 1000 / (r.wallMs / 1000)).toFixed(2)} | ${fmt(r.simMs > 0 ? r.produced / (r.simMs / 1000) : 0)} |`,
    );
  };
  console.log(`Simulation smoothness: 64 partitions, 8 groups, ${RATE} commands/s at ${SPEED}×, ${STORED ? 'stored in IndexedDB' : 'memory only'} (headless Chromium, 1280×720); load average before: ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
  console.log('| view | median frame ms | p95 frame ms | long tasks > 50 ms | longest task ms | worker messages | store updates | simulated s per s | produced records per simulated s |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  // The same page with no run: what the machine itself costs (other processes share the cores).
  row('no run (baseline)', { ...(await page.evaluate((ms) => globalThis.simBench.measure(ms), 5_000)), wallMs: 5_000 });
  const started = Date.now();
  await page.evaluate(([rate, speed, stored]) => globalThis.simBench.start(rate, speed, stored), [RATE, SPEED, STORED]);
  await page.waitForTimeout(5_000);
  for (const tab of ['cluster', 'lag', 'topology', 'groups', 'rebalances', 'readModels']) {
    await page.evaluate((t) => globalThis.simBench.tab(t), tab);
    await page.waitForTimeout(1_000);
    const r = await page.evaluate((ms) => globalThis.simBench.measure(ms), VIEW_SECONDS * 1000);
    row(tab, { ...r, wallMs: VIEW_SECONDS * 1000 });
  }

  for (const [name, r] of slowSeen) {
    printSlowFrames(name, r.slowFrames ?? []);
    printLongTasks(name, r);
  }

  await page.evaluate(() => globalThis.simBench.tab('lag'));
  const untilMinute = 60_000 - (Date.now() - started);
  if (untilMinute > 0) await page.waitForTimeout(untilMinute);
  const first = await heaps();
  const firstAt = (Date.now() - started) / 60_000;
  const rest = MINUTES * 60_000 - (Date.now() - started);
  let long = { frames: [], longTasks: [] };
  let tracing = null;
  if (TRACE_MINUTES > 0 && rest > 0) {
    const startIn = Math.max(0, rest - TRACE_MINUTES * 60_000);
    tracing = new Promise((r) => setTimeout(r, startIn)).then(() =>
      browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.gc'] }),
    );
  }
  if (rest > 0) long = await page.evaluate((ms) => globalThis.simBench.measure(ms), rest);
  if (tracing) {
    await tracing;
    const buf = await browser.stopTracing();
    writeFileSync('.tmp/sim-bench-trace.json', buf);
    const tasks = describeLongTasks(JSON.parse(buf.toString('utf8')));
    console.log(`Traced the last ${TRACE_MINUTES} min (.tmp/sim-bench-trace.json): ${tasks.length} main-thread tasks over 50 ms`);
    for (const t of tasks) console.log(`- ${t.wallMs.toFixed(0)} ms wall, ${t.cpuMs === null ? '?' : t.cpuMs.toFixed(0)} ms CPU: ${t.what.join('; ')}`);
  }
  const end = await heaps();
  const endAt = (Date.now() - started) / 60_000;
  console.log('');
  console.log(`Long run on the "Offsets and lag" view (${MINUTES} min)`);
  console.log('| measure | after first minute | at the end | growth |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| wall minutes | ${firstAt.toFixed(1)} | ${endAt.toFixed(1)} | |`);
  console.log(`| page JS heap | ${mib(first.pageHeap)} | ${mib(end.pageHeap)} | ${mib(end.pageHeap - first.pageHeap)} |`);
  console.log(`| worker JS heap | ${mib(first.workerHeap)} | ${mib(end.workerHeap)} | ${mib(end.workerHeap - first.workerHeap)} |`);
  const lt = long.longTasks.filter((d) => d > 50);
  console.log(`| frames in the long run: median / p95 ms | | ${quantile(long.frames, 0.5).toFixed(1)} / ${quantile(long.frames, 0.95).toFixed(1)} | long tasks > 50 ms: ${lt.length} |`);
  printSlowFrames('long run', long.slowFrames ?? []);
  printLongTasks('long run', long);
} finally {
  await browser.close();
  server.stop();
}
