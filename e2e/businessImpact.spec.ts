// Business-level impact of faults on both examples: with two of three brokers stopped (acks=all,
// min.insync.replicas 2) the board itself shows which commands and events stall and for how
// long (a red ring and badge on the sticky, its cause in the badge's name); once the brokers
// are back, the stickies say how long the stall lasted.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

const run = (page: Page, example: 'Banking' | 'E-commerce') => new BoardPage(page).runExample(example, '5');

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`${example}: stickies that stall while brokers are down, and for how long`, async ({ page }) => {
    test.setTimeout(90_000);
    await run(page, example);
    const impacts = page.getByRole('img', { name: /^Impact: / });
    await expect(page.getByRole('img', { name: /^Live: / }).first()).toBeVisible();
    await expect(impacts).toHaveCount(0);
    await page.getByRole('button', { name: 'Stop broker 1', exact: true }).click();
    await page.getByRole('button', { name: 'Stop broker 2', exact: true }).click();
    const stalled = page.getByRole('img', { name: /^Impact: stalled \d+ s: .*(refused|no leader)/ });
    await expect(stalled.first()).toBeVisible({ timeout: 20_000 });
    // The duration grows while the fault lasts.
    const seconds = async () => Number((await stalled.first().textContent())!.match(/(\d+) s/)![1]);
    const first = await seconds();
    await expect.poll(seconds, { timeout: 20_000 }).toBeGreaterThan(first);
    await page.getByRole('button', { name: 'Start broker 1', exact: true }).click();
    await page.getByRole('button', { name: 'Start broker 2', exact: true }).click();
    await expect(page.getByRole('img', { name: /^Impact: was stalled \d+ s: Recovered/ }).first()).toBeVisible({ timeout: 30_000 });
  });
}
