// Topics with their consumers on both examples: the Topics tab names the groups reading the
// topic with their lag, and each topic box of the topology says how many groups read it and
// their lag.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

const run = (page: Page, example: 'Banking' | 'E-commerce') => new BoardPage(page).runExample(example, '10');

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`${example}: wherever a topic is shown, which groups read it and their lag`, async ({ page }) => {
    await run(page, example);
    await page.getByRole('tab', { name: 'Topics', exact: true }).click();
    const topic = await page.getByRole('combobox', { name: 'Topic' }).inputValue();
    await expect(page.getByRole('note', { name: `Readers of ${topic}` })).toHaveText(/^Read by (no group|.+ \(\w+\): lag [\d,]+)/);

    await page.getByRole('tab', { name: 'Topology', exact: true }).click();
    await expect(page.getByRole('img', { name: 'Topology' })).toContainText(/read by \d+ groups? · lag/, { timeout: 20_000 });
  });
}
