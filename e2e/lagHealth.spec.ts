// Lag health on both examples: every consumer group shows Burrow's status (OK while its service
// keeps up), each partition row its own, and crashing every instance of a service turns its
// groups ERR (STOP: no more commits while records wait) on the groups tab and on the topology;
// the lag over the whole run is charted.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

const run = (page: Page, example: 'Banking' | 'E-commerce') => new BoardPage(page).runExample(example, '25');

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`${example}: lag health per group and partition, ERR when a service is down, on the topology too`, async ({ page }) => {
    test.setTimeout(120_000);
    await run(page, example);
    await page.getByRole('tab', { name: 'Consumer groups', exact: true }).click();
    const health = page.getByRole('status', { name: /^Lag health of / });
    await expect(health.first()).toBeVisible({ timeout: 20_000 });
    await expect(health.first()).toHaveText(/^(OK|WARN|ERR)$/);
    // Running normally, every group is OK once its windows have commits.
    await expect.poll(async () => (await health.allTextContents()).every((t) => t === 'OK'), { timeout: 30_000 }).toBe(true);
    const service = page.getByRole('group', { name: /^Service / }).first();
    const groupIds = await service.getByRole('status', { name: /^Lag health of / }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!.replace('Lag health of ', '')));
    expect(groupIds.length).toBeGreaterThan(0);
    const table = page.getByRole('table', { name: `Partitions of ${groupIds[0]}` });
    await expect(table.getByRole('columnheader', { name: 'Health', exact: true })).toHaveAccessibleDescription(/Burrow/);
    await expect(table.locator('tbody tr').first().locator('td').last()).toHaveText(/^(OK|WARN|STOP|STALL|REWIND|—)$/);

    const crashButtons = service.getByRole('button', { name: /^Crash / });
    // Each crash turns its button into "Restart …": crash the first one left until none is.
    for (let n = await crashButtons.count(); n > 0; n--) {
      await crashButtons.first().click();
      await expect(crashButtons).toHaveCount(n - 1);
    }
    const first = page.getByRole('status', { name: `Lag health of ${groupIds[0]}`, exact: true });
    await expect(first).toHaveText('ERR', { timeout: 60_000 });
    await expect(table.locator('tbody')).toContainText('STOP');
    await expect(first.locator('..')).toContainText('not consuming');

    await page.getByRole('tab', { name: 'Offsets and lag', exact: true }).click();
    await expect(page.getByRole('figure', { name: 'Lag over the whole run' })).toHaveAttribute('data-samples', /^[1-9]\d*$/);

    await page.getByRole('tab', { name: 'Topology', exact: true }).click();
    await expect(page.getByRole('img', { name: 'Topology' })).toContainText('lag ERR', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Back to the board' }).click();
  });
}
