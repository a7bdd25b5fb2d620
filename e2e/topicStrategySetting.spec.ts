// The board's topic strategy chosen in Settings: on Banking, "One topic per aggregate instance"
// asks a running simulation to restart; after the restart the Topics tab lists one topic per
// account. Undo puts the board back to one topic per aggregate type, which the next restart runs.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

const strategyRadio = (page: Page, name: string) => page.getByRole('group', { name: 'Topic strategy' }).getByRole('radio', { name });

async function topicNames(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: 'Topics', exact: true }).click();
  const picker = page.getByRole('region', { name: 'Topics' }).getByRole('combobox', { name: 'Topic', exact: true });
  return picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
}

test('Banking: one topic per aggregate instance chosen in Settings, run, seen in the Topics tab, then undone', async ({ page }) => {
  test.setTimeout(120_000);
  const board = new BoardPage(page);
  await board.runExample('Banking', '10');
  const perType = await topicNames(page);
  expect(perType).toContain('account-service.account.events');
  expect(perType.filter((t) => t.startsWith('account-service.account.events.'))).toEqual([]);

  await page.getByRole('button', { name: 'Board settings' }).click();
  await expect(strategyRadio(page, 'One topic per aggregate type')).toBeChecked();
  const perInstance = strategyRadio(page, 'One topic per aggregate instance');
  await expect(perInstance).toHaveAccessibleDescription(/many topics/);
  await perInstance.check();
  await expect(perInstance).toBeChecked();
  await page.keyboard.press('Escape');

  const status = page.getByRole('status', { name: 'Run status' });
  await expect(status).toContainText('The board changed since the run started: restart to apply.');
  await status.getByRole('button', { name: 'Restart to apply', exact: true }).click();
  await expect(status).not.toContainText('restart to apply');
  // Each account's events get a topic of their own once the account has one.
  await expect.poll(async () => (await topicNames(page)).filter((t) => t.startsWith('account-service.account.events.')).length, { timeout: 60_000 }).toBeGreaterThan(1);
  expect(await topicNames(page)).not.toContain('account-service.account.events');

  await board.undo();
  await page.getByRole('button', { name: 'Board settings' }).click();
  await expect(strategyRadio(page, 'One topic per aggregate type')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(status).toContainText('The board changed since the run started: restart to apply.');
});
