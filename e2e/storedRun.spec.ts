// A run survives a reload (the one-engine issue): the simulation's replicas are durable logs in
// the browser's IndexedDB and the rest of the run is checkpointed beside them, so reloading the
// page brings the run back paused with the same partitions, offsets and counters, and "Resume
// simulation" continues it with no acknowledged record lost. Stop offers to discard it.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const counter = async (page: Page, name: string) => Number((await page.getByRole('status', { name, exact: true }).textContent())!.replace(/[^0-9]/g, ''));
/** Every partition row of the Partitions table (topic, leader, ISR, offsets), sorted. */
const partitionRows = async (page: Page) =>
  (await page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '').join(' | ')))).sort();

test('a run survives a reload: same offsets and counters, paused; it resumes losing nothing; Stop offers to discard it', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await button(page, 'Run simulation').click();
  await expect(page.getByLabel('Stored run')).toBeVisible();
  await expect.poll(() => counter(page, 'Acknowledged records'), { timeout: 60_000 }).toBeGreaterThan(200);
  // Paused: the clock holds.
  const at = await board.pauseRun();
  await page.getByRole('tab', { name: 'Cluster' }).click();
  // The pause's checkpoint is written: the note says a reload brings the run back to this instant.
  await expect(page.getByLabel('Stored run')).toHaveText(`Saved at t = ${at.toFixed(2)} s`, { timeout: 30_000 });
  const rows = await partitionRows(page);
  const acked = await counter(page, 'Acknowledged records');
  expect(rows.length).toBeGreaterThan(5);

  await page.reload();
  await expect(button(page, 'Resume simulation')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => board.simClock()).toBe(at);
  // The controls show the restored run's own settings.
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('10');
  await page.getByRole('tab', { name: 'Cluster' }).click();
  await expect.poll(() => partitionRows(page)).toEqual(rows);
  expect(await counter(page, 'Acknowledged records')).toBe(acked);
  await page.screenshot({ path: '.tmp/stored-run-after-reload.png' });

  await button(page, 'Resume simulation').click();
  await expect.poll(() => board.simClock()).toBeGreaterThan(at + 2);
  await expect.poll(() => counter(page, 'Acknowledged records')).toBeGreaterThan(acked);
  expect(await counter(page, 'Lost acknowledged records')).toBe(0);

  // Stop, then discard: a reload has nothing to bring back.
  await button(page, 'Stop').click();
  const dialog = page.getByRole('dialog', { name: 'Keep the stopped run?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Discard stored run' }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(button(page, 'Run simulation')).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(button(page, 'Resume simulation')).toHaveCount(0);
});
