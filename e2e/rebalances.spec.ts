// Rebalance history on both examples: adding an instance of a service shows a rebalance
// triggered by a join in the group's table and swimlane; after switching to cooperative
// rebalancing the next rebalances say so, with their rounds and pauses.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

const run = (page: Page, example: 'Banking' | 'E-commerce') => new BoardPage(page).runExample(example, '25');

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`${example}: who owned which partition when, and each rebalance's trigger, protocol and pause`, async ({ page }) => {
    test.setTimeout(120_000);
    await run(page, example);
    await page.getByRole('tab', { name: 'Consumer groups', exact: true }).click();
    const service = page.getByRole('group', { name: /^Service / }).first();
    const groupId = (await service.getByRole('status', { name: /^Lag health of / }).first().getAttribute('aria-label', { timeout: 20_000 }))!.replace('Lag health of ', '');
    await service.getByRole('button', { name: /^Add instance of / }).click();

    await page.getByRole('tab', { name: 'Rebalances', exact: true }).click();
    await page.getByRole('combobox', { name: 'Group' }).selectOption(groupId);
    const table = page.getByRole('table', { name: `Rebalances of ${groupId}` });
    // The initial join, then the new instance's join, finished.
    await expect(table.locator('tbody tr')).toHaveCount(2, { timeout: 30_000 });
    await expect(table.locator('tbody tr').first().getByRole('rowheader')).toHaveText('join');
    await expect(table.locator('tbody tr').first()).toContainText('eager');
    await expect(table.locator('tbody tr').first()).not.toContainText('in progress', { timeout: 30_000 });
    const lanes = page.getByRole('img', { name: `Ownership of ${groupId}` });
    await expect(lanes).toBeVisible();
    // Each member has a colour in the legend and bars in the lanes.
    const members = page.getByRole('list', { name: `Members of ${groupId} over time` }).getByRole('listitem');
    expect(await members.count()).toBeGreaterThanOrEqual(2);
    expect(await lanes.locator('rect[fill]').count()).toBeGreaterThanOrEqual(2);

    await page.getByRole('tab', { name: 'Consumer groups', exact: true }).click();
    await page.getByRole('radio', { name: 'Cooperative' }).click();
    await page.getByRole('tab', { name: 'Rebalances', exact: true }).click();
    await page.getByRole('combobox', { name: 'Group' }).selectOption(groupId);
    // The rolling restart rebalances the group with the cooperative protocol.
    await expect(table.locator('tbody tr').first()).toContainText('cooperative', { timeout: 60_000 });
    await expect(page.getByText(/cooperative: \d+ rebalances?, median longest pause/)).toBeVisible({ timeout: 60_000 });
  });
}
