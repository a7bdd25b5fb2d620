// The three topic strategies compared, on both examples: "Compare topic strategies" runs the
// board once per strategy in its own worker, shows progress, then the three columns with the
// measured figures and the event-store capability table with each demonstration's evidence;
// "Use this strategy" under a column makes it the board's.
import { expect, test } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

const STRATEGIES = ['One topic per aggregate type', 'One topic per aggregate instance', 'One shared topic'];

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`${example}: the three topic strategies side by side, with figures and demonstrations`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const board = new BoardPage(page);
    await board.goto();
    await board.openExample(example);
    await page.getByRole('button', { name: 'Show simulation panel' }).click();
    await page.getByRole('button', { name: 'Compare topic strategies' }).click();
    const dialog = page.getByRole('dialog', { name: 'Topic strategies compared' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('progressbar', { name: 'Comparison progress' })).toBeVisible();
    await expect(dialog.getByRole('status')).toContainText(/Running “One topic per aggregate type” \(1 of 3\)/);

    const costs = dialog.getByRole('table', { name: 'Strategy costs' });
    await expect(costs).toBeVisible({ timeout: 200_000 });
    await expect(costs.getByRole('columnheader')).toHaveText(['Figure', ...STRATEGIES]);
    const figure = (label: string) => costs.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) }).getByRole('cell');
    const topics = (await figure('Topics created').allTextContents()).map(Number);
    expect(topics).toHaveLength(3);
    // One topic per aggregate instance creates more topics than one per type; one shared topic no more.
    expect(topics[1]).toBeGreaterThan(topics[0]!);
    expect(topics[2]).toBeLessThanOrEqual(topics[0]!);
    const scanned = (await figure('Records scanned to rehydrate one aggregate').allTextContents()).map((t) => Number(/^([\d,]+) \(the whole partition\)/.exec(t)![1]!.replace(/,/g, '')));
    expect(scanned[0]).toBeGreaterThan(scanned[1]!);
    await expect(figure('Rebalances caused')).toHaveText([/^\d+ \(\d+ by new topics\)/, /^\d+ \(\d+ by new topics\)/, /^\d+ \(\d+ by new topics\)/]);
    await expect(figure('Records/s produced')).toHaveText([/^[1-9][\d,]*$/, /^[1-9][\d,]*$/, /^[1-9][\d,]*$/]);

    const capabilities = dialog.getByRole('table', { name: 'Event-store capabilities' });
    await expect(capabilities.getByRole('columnheader')).toHaveText(['Capability', ...STRATEGIES]);
    await expect(capabilities.locator('tbody tr')).toHaveCount(11);
    const row = (label: string) => capabilities.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) }).getByRole('cell');
    await expect(row('Consistent writes')).toHaveText([/^Yes.*was refused/, /^Yes.*was refused/, /^Yes.*was refused/]);
    await expect(row('Snapshots')).toHaveText([/^Yes.*loaded the snapshot/, /^Yes.*loaded the snapshot/, /^Yes.*loaded the snapshot/]);
    await expect(row('Full sequential read').nth(1)).toHaveText(/^Yes, at a cost.*one topic per aggregate/);
    await page.screenshot({ path: testInfo.outputPath(`strategies-${example}.png`) });

    // Under each column, "Use this strategy" makes it the board's (a board edit, undone with Undo);
    // the figures stay, the comparison does not run again.
    const use = (strategy: string) => costs.getByRole('button', { name: `Use this strategy: ${strategy}` });
    const footer = costs.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'This board’s strategy' }) }).getByRole('cell');
    await expect(footer).toHaveText(['In use', 'Use this strategy', 'Use this strategy']);
    await use('One shared topic').click();
    await expect(footer).toHaveText(['Use this strategy', 'Use this strategy', 'In use']);
    await expect(figure('Topics created')).toHaveText(topics.map(String));
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Board settings' }).click();
    await expect(page.getByRole('radio', { name: 'One shared topic' })).toBeChecked();
    await page.keyboard.press('Escape');
    await board.undo();
    await page.getByRole('button', { name: 'Board settings' }).click();
    await expect(page.getByRole('radio', { name: 'One topic per aggregate type' })).toBeChecked();
  });
}

test('the comparison runs again under a load chosen in the dialog, and refuses a load it cannot run', async ({ page }) => {
  test.setTimeout(240_000);
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await page.getByRole('button', { name: 'Show simulation panel' }).click();
  await page.getByRole('button', { name: 'Compare topic strategies' }).click();
  const dialog = page.getByRole('dialog', { name: 'Topic strategies compared' });
  const load = dialog.getByRole('form', { name: 'Comparison load' });
  const again = load.getByRole('button', { name: 'Compare again' });
  const costs = dialog.getByRole('table', { name: 'Strategy costs' });
  await expect(costs).toBeVisible({ timeout: 200_000 });
  await expect(dialog).toContainText('40 commands/s over 50 aggregates, 20 simulated seconds each');
  await expect(again).toBeDisabled(); // nothing changed
  const produced = async () => Number((await costs.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Records\/s produced/ }) }).getByRole('cell').first().textContent())!.replace(/,/g, ''));
  const before = await produced();

  await load.getByRole('spinbutton', { name: 'Commands/s' }).fill('0');
  await expect(load.getByRole('alert')).toHaveText('Commands/s: a whole number from 1 to 500');
  await expect(again).toBeDisabled();
  await load.getByRole('spinbutton', { name: 'Commands/s' }).fill('80');
  await load.getByRole('spinbutton', { name: 'Simulated seconds' }).fill('5');
  await expect(load.getByRole('alert')).toHaveCount(0);
  await again.click();
  await expect(dialog.getByRole('progressbar', { name: 'Comparison progress' })).toBeVisible();
  await expect(dialog).toContainText('80 commands/s over 50 aggregates, 5 simulated seconds each');
  await expect(costs).toBeVisible({ timeout: 200_000 });
  // Twice the commands a second: about twice the records a second.
  await expect.poll(produced).toBeGreaterThan(before * 1.5);
});
