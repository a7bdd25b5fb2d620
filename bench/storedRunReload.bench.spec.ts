// How long a reload takes to bring back a stored run of about 200,000 records (Banking at 5,000
// commands/s, 100×), how long the run took to get there, and the worker's heap with that run
// paused (after a forced GC; array buffers counted apart). A benchmark, not a test:
//   E2E_PORT=4111 scripts/e2e.sh --config bench/playwright.bench.config.ts
import { expect, test } from '@playwright/test';
import { BoardPage } from '../e2e/pages/BoardPage';
// @ts-expect-error a plain ES module shared with the other browser benchmarks
import { attachWorkerHeap } from './lib/workerHeap.mjs';

test('a stored run of 200,000 records: reload until it is back, paused', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  const worker = await attachWorkerHeap(page);
  await board.openExample('Banking');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await page.getByRole('spinbutton', { name: 'Commands/s' }).fill('5000');
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  const counter = async (name: string) => Number((await page.getByRole('status', { name, exact: true }).textContent())!.replace(/[^0-9]/g, ''));
  const t0 = Date.now();
  await expect.poll(() => counter('Produced records'), { timeout: 500_000, intervals: [2000] }).toBeGreaterThan(200_000);
  console.log(`produced 200k in ${Date.now() - t0} ms`);
  await page.getByRole('button', { name: 'Pause simulation' }).click();
  await expect(page.getByRole('button', { name: 'Resume simulation', exact: true })).toBeVisible();
  // The checkpoint writes every replica's log; give it time to finish before reloading.
  await page.waitForTimeout(60_000);
  const produced = await counter('Produced records');
  const heap = await worker.heap();
  const mib = (n: number | null) => (n === null ? '?' : (n / 2 ** 20).toFixed(1));
  console.log(`worker heap with the run paused: ${mib(heap?.used ?? null)} MiB, array buffers ${mib(heap?.buffers ?? null)} MiB`);
  await worker.cdp.detach();
  const r0 = Date.now();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume simulation', exact: true })).toBeVisible({ timeout: 120_000 });
  await expect.poll(() => counter('Produced records'), { timeout: 120_000, intervals: [50] }).toBe(produced);
  console.log(`reload of a run with ${produced} produced records ready in ${Date.now() - r0} ms`);
});
