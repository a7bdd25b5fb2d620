import { withApp } from './lib/screenshotApp.mjs';
import { attachWorkerHeap } from '../bench/lib/workerHeap.mjs';
const target = Number(process.argv[2] ?? 30000);
await withApp(async (page) => {
  const wh = await attachWorkerHeap(page);
  page.on('console', (m) => { if (m.text().startsWith('[t]')) console.log(m.text(), 'at', Date.now() % 100000); });
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByRole('button', { name: 'Banking', exact: true }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await page.getByRole('spinbutton', { name: 'Commands/s' }).fill('5000');
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  const counter = async (name) => Number((await page.getByRole('status', { name, exact: true }).textContent()).replace(/[^0-9]/g, ''));
  const t0 = Date.now();
  while ((await counter('Produced records')) < target) await page.waitForTimeout(500);
  console.log('produced', await counter('Produced records'), 'in', Date.now() - t0);
  await page.getByRole('button', { name: 'Pause simulation' }).click();
  await page.getByRole('button', { name: 'Resume simulation', exact: true }).waitFor();
  await page.waitForTimeout(Number(process.argv[3] ?? 20000));
  const produced = await counter('Produced records');
  const h = await wh.heap(); console.log('worker heap MiB', (h.used / 2**20).toFixed(1), 'buffers', h.buffers && (h.buffers / 2**20).toFixed(1));
  for (let i = 0; i < 2; i++) {
    const r0 = Date.now(); console.log('[t] reload', r0 % 100000);
    await page.reload({ waitUntil: 'commit' });
    await page.waitForLoadState('load');
    const load = Date.now() - r0;
    await page.getByRole('navigation', { name: 'Sticky palette' }).waitFor();
    const palette = Date.now() - r0;
    await page.getByRole('button', { name: 'Resume simulation', exact: true }).waitFor({ timeout: 120000 });
    const resume = Date.now() - r0;
    while ((await counter('Produced records')) !== produced) await page.waitForTimeout(20);
    console.log(`reload ${produced}: load ${load} palette ${palette} resume ${resume} counters ${Date.now() - r0}`);
    const nav = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation').map((e) => ({ dcl: Math.round(e.domContentLoadedEventEnd), load: Math.round(e.loadEventEnd) }))));
    console.log(nav);
  }
});
