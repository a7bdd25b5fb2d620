// Exact replay (issue "See why"): a run of each example with a broker stopped, paused at an instant,
// run on and stored, comes back after a reload; its replay, scrubbed to the end and then back to
// that instant, shows the same counters and partitions the run showed there. The replay is
// read-only until "Continue from here"; "Close replay" goes back to the run. Lag over the whole
// run and the rebalance history come back with the stored run.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';
import { ReplayBar } from './pages/ReplayBar';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const COUNTERS = ['Acknowledged records', 'Lost acknowledged records', 'Duplicates delivered'];
const counters = (page: Page) => Promise.all(COUNTERS.map(async (name) => (await page.getByRole('status', { name, exact: true }).textContent())!.replace(/[^0-9]/g, '')));
const partitionRows = async (page: Page) =>
  (await page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '').join(' | ')))).sort();

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`${example}: run, stop a broker, run on, reload, replay and scrub back: the same counters and partitions as at that instant`, async ({ page }) => {
    const board = new BoardPage(page);
    await board.runExample(example, '5');
    await expect.poll(() => board.simClock(), { timeout: 60_000 }).toBeGreaterThan(3);
    await button(page, 'Stop broker 1').click();
    await expect.poll(() => board.simClock(), { timeout: 60_000 }).toBeGreaterThan(8);
    const at = await board.pauseRun();
    const seen = { counters: await counters(page), rows: await partitionRows(page) };
    expect(Number(seen.counters[0])).toBeGreaterThan(50);

    await button(page, 'Resume simulation').click();
    await expect.poll(() => board.simClock(), { timeout: 60_000 }).toBeGreaterThan(at + 3);
    const end = await board.pauseRun();
    await expect(page.getByLabel('Stored run')).toHaveText(`Saved at t = ${end.toFixed(2)} s`, { timeout: 30_000 });
    await expect(page.getByRole('group', { name: 'Run timeline' })).toContainText('1 action');
    await page.screenshot({ path: '.tmp/replay-live-timeline.png' });

    // The insight views read what the run kept: lag over the whole run and the rebalance history.
    const insights = async () => {
      await page.getByRole('tab', { name: 'Offsets and lag', exact: true }).click();
      const samples = await page.getByRole('figure', { name: 'Lag over the whole run' }).getAttribute('data-samples');
      await page.getByRole('tab', { name: 'Rebalances', exact: true }).click();
      const rebalances = await page.getByRole('table', { name: /^Rebalances of / }).locator('tbody tr').count();
      const owners = await page.getByRole('img', { name: /^Ownership of / }).locator('rect[fill]').count();
      await page.getByRole('tab', { name: 'Cluster', exact: true }).click();
      return { samples: Number(samples), rebalances, owners };
    };
    const kept = await insights();
    expect(kept.samples).toBeGreaterThan(10);
    expect(kept.rebalances).toBeGreaterThan(0);
    expect(kept.owners).toBeGreaterThan(0);

    await page.reload();
    await expect(button(page, 'Resume simulation')).toBeVisible({ timeout: 30_000 });
    await expect.poll(insights).toEqual(kept);
    const replay = new ReplayBar(page);
    await replay.open();
    expect(await replay.at()).toEqual({ at: 0, end });
    await expect(page.getByRole('button', { name: /^Go to Stop broker 1 at t = / })).toBeVisible();
    // Read-only: the run's controls wait.
    await expect(button(page, 'Resume simulation')).toBeDisabled();

    await replay.scrubTo(end);
    await replay.scrubTo(at);
    expect(await counters(page)).toEqual(seen.counters);
    await page.getByRole('tab', { name: 'Cluster' }).click();
    await expect.poll(() => partitionRows(page)).toEqual(seen.rows);
    await expect(button(page, 'Crash broker 2')).toBeDisabled();
    await page.screenshot({ path: '.tmp/replay-scrubbed-back.png' });

    await button(page, 'Step 10 ms').click();
    await expect.poll(async () => (await replay.at()).at).toBe(Number((at + 0.01).toFixed(2)));

    await button(page, 'Close replay').click();
    await expect(replay.bar).toHaveCount(0);
    await expect(button(page, 'Resume simulation')).toBeEnabled();
    await expect.poll(() => board.simClock()).toBe(end);
  });
}
