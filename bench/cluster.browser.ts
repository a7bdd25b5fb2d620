// The cluster throughput workload inside a Web Worker in headless Chromium:
//   npm run bench -- bench/cluster.browser.ts [records=1000000]
// Serves the project with Vite, opens a same-origin page, starts bench/cluster.bench.worker.ts
// as a module worker (Chromium from STORMBENCH_CHROMIUM, else /usr/bin/chromium) and prints the same table as bench/cluster.node.ts (heap: n/a in workers),
// then the table of bench/clusterEngine.node.ts (the kafkajs-shaped clients) from a worker.
import { createServer } from 'vite';
import { chromium } from '@playwright/test';
import { THROUGHPUT_HEAD, header, throughputRow, type ThroughputResult } from './clusterWorkload';
import { CLIENT_HEAD, clientRow, type ClientThroughput } from './clientWorkload';

export async function main(args: string[]): Promise<void> {
  const total = Number(args[0] ?? 1_000_000);
  const port = Number(process.env.BENCH_PORT ?? 4196);
  const server = await createServer({ server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null }, logLevel: 'error' });
  await server.listen();
  const browser = await chromium.launch({ executablePath: process.env.STORMBENCH_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${port}/harness/engine-bench.html`);
    console.log(`${header(total)} — in a Web Worker (Chromium)`);
    for (const line of THROUGHPUT_HEAD) console.log(line);
    // One fresh worker per run: it posts its result and is terminated.
    const inWorker = (message: { total: number; acks: -1 | 1; clients?: boolean }) =>
      page.evaluate(
        (m) =>
          new Promise<unknown>((resolve, reject) => {
            const w = new Worker('/bench/cluster.bench.worker.ts', { type: 'module' });
            w.onmessage = (e) => {
              resolve(e.data);
              w.terminate();
            };
            w.onerror = (e) => reject(new Error(e.message));
            w.postMessage(m);
          }),
        message,
      );
    for (const acks of [1, -1] as const) console.log(throughputRow((await inWorker({ total, acks })) as ThroughputResult));
    // The same workload through the kafkajs-shaped Producer and Consumers (acks=all).
    console.log('');
    console.log('Through the kafkajs-shaped clients (bench/clientWorkload.ts), acks=all, in a Web Worker (Chromium)');
    for (const line of CLIENT_HEAD) console.log(line);
    console.log(clientRow((await inWorker({ total, acks: -1, clients: true })) as ClientThroughput));
  } finally {
    await browser.close();
    await server.close();
  }
}
