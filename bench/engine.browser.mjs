// Browser benchmark of the engine in a Web Worker on IndexedDB (headless Chromium):
//   node bench/engine.browser.mjs [records=1000000] [baselineRecords=50000]
// Durable append (1 and 4 sends in flight) vs one put per record with 1,000 puts per
// transaction, measured in the same run; reopen time of the large database; worker heap.
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/findChromium.mjs';
import { attachWorkerHeap } from './lib/workerHeap.mjs';

const records = Number(process.argv[2] ?? 1_000_000);
const baselineRecords = Number(process.argv[3] ?? 50_000);
const port = Number(process.env.BENCH_PORT ?? 4194);
const server = await createServer({ server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null }, logLevel: 'error' });
await server.listen();
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${port}/harness/engine-bench.html`);
  await page.waitForFunction(() => globalThis.engineBench !== undefined);
  const worker = await attachWorkerHeap(page);
  const workerHeap = () => worker.heap();
  const mib = (b) => (b === null ? 'n/a' : typeof b === 'object' ? `${(b.used / 2 ** 20).toFixed(1)} MiB JS heap + ${b.buffers === null ? 'n/a' : (b.buffers / 2 ** 20).toFixed(1) + ' MiB'} ArrayBuffers` : `${(b / 2 ** 20).toFixed(1)} MiB`);
  const run = (expr, arg) => page.evaluate(expr, arg);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fmt = (n) => Math.round(n).toLocaleString('en-US');

  const base = [];
  const seq = [];
  const piped = [];
  for (let i = 0; i < 3; i++) {
    base.push(await run(([n]) => globalThis.engineBench.baseline(n, 1000), [baselineRecords]));
    const a = await run(([n, name]) => globalThis.engineBench.durableAppend(name, n, 1), [Math.min(records, 300_000), `seq-${i}`]);
    seq.push(a.rate);
    await run((name) => globalThis.engineBench.deleteDb(name), `seq-${i}`);
    const b = await run(([n, name]) => globalThis.engineBench.durableAppend(name, n, 4), [Math.min(records, 300_000), `piped-${i}`]);
    piped.push(b.rate);
    await run((name) => globalThis.engineBench.deleteDb(name), `piped-${i}`);
  }
  const big = await run(([n]) => globalThis.engineBench.durableAppend('big', n, 4, true), [records]);
  const heapAfterAppend = await workerHeap();
  await run(() => globalThis.engineBench.closeOpen());
  const reopened = await run(() => globalThis.engineBench.reopen('big'));
  const heapAfterScan = await workerHeap();
  await run(() => globalThis.engineBench.closeOpen());
  const again = await run(() => globalThis.engineBench.keyReadAfterReopen('big'));
  await run(() => globalThis.engineBench.deleteDb('big'));

  const rows = [
    ['baseline: one put per record, 1,000 puts per transaction', `${fmt(median(base))} records/s`, ''],
    ['durable append, batches of 1,000, 1 send in flight', `${fmt(median(seq))} records/s (${(median(seq) / median(base)).toFixed(1)}× baseline)`, '≥ 250,000 and ≥ 20×'],
    ['durable append, batches of 1,000, 4 sends in flight', `${fmt(median(piped))} records/s (${(median(piped) / median(base)).toFixed(1)}× baseline)`, '≥ 250,000 and ≥ 20×'],
    [`durable append of ${fmt(records)} records (4 in flight)`, `${fmt(big.rate)} records/s; worker heap after (GC'd, log open) ${mib(heapAfterAppend)}, resident chunk bytes ${mib(big.residentBytes)}`, '≤ 100 MB heap'],
    [`reopen ${fmt(reopened.records)}-record database: open / ready to produce+consume`, `${reopened.openMs.toFixed(0)} ms / ${reopened.readyMs.toFixed(0)} ms`, '≤ 1.5 s'],
    [`one key's events after reopen (IndexedDB): first read (builds the index) / next read (another key, its chunks already cached)`, `${reopened.firstKeyReadMs.toFixed(0)} ms / ${reopened.keyReadMs.toFixed(2)} ms`, '≤ 5 ms (next read)'],
    [`reopen again: one key's ${again.events} events, first read (saved index)`, `${again.firstKeyReadMs.toFixed(1)} ms (open ${again.openMs.toFixed(0)} ms)`, '≤ 5 ms'],
    ['full scan after reopen (paged chunks)', `${fmt(reopened.records / (reopened.consumedMs / 1000))} records/s; worker heap after it and the key index (GC'd, log open) ${mib(heapAfterScan)}`, '≤ 100 MB heap'],
  ];
  console.log('| benchmark (headless Chromium, Web Worker, IndexedDB) | result (median of 3 where repeated) | target |');
  console.log('| --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`records=${records} baselineRecords=${baselineRecords} ${new Date().toISOString()}`);
} finally {
  await browser.close();
  await server.close();
}
