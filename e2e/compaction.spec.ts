// Compaction made visible on both examples: a read model's table topic (compacted) shows its
// segments (the active one, dirty or cleaned ones), the clean/dirty boundary and dirty ratio,
// the latest record per key, and "Run the cleaner now" reports what the pass did, with the log
// by key before and after.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

const run = (page: Page, example: 'Banking' | 'E-commerce') => new BoardPage(page).runExample(example, '25');

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`${example}: a compacted table topic's segments, boundary, latest per key, and a cleaner pass on request`, async ({ page }) => {
    test.setTimeout(120_000);
    await run(page, example);
    await page.getByRole('tab', { name: 'Topics', exact: true }).click();
    const topic = page.getByRole('combobox', { name: 'Topic' });
    const table = await topic.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v.endsWith('.table')));
    expect(table).toBeTruthy();
    await topic.selectOption(table!);
    await page.getByRole('tab', { name: 'Compaction', exact: true }).click();
    const region = page.getByRole('region', { name: 'Compaction' });
    await expect(region.getByLabel('Compaction state')).toContainText('compacted');
    await expect(region.getByLabel('Compaction state')).toContainText('clean/dirty boundary');
    const segments = region.getByRole('list', { name: 'Segments' }).getByRole('listitem');
    await expect(segments.last()).toContainText('active');
    // Rows accumulate as the run goes: the latest record of each key.
    await expect.poll(async () => region.getByRole('table', { name: 'Latest per key' }).locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await region.getByRole('button', { name: 'Run the cleaner now' }).click();
    await expect(region.getByRole('status', { name: 'Cleaner pass' })).toHaveText(/removed \d+ records?|Nothing to clean here: (dirty ratio|nothing cleanable)/);
    await expect(region.getByRole('table', { name: 'Log by key' }).locator('tbody tr').first()).toBeVisible();
  });
}
