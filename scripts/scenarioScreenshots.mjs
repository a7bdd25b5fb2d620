// Screenshots of rules and scenarios at 1280×720 for docs/screenshots/: Banking's "Withdraw
// money" in the inspector (outcome rules and its scenarios, green), a scenario gone red, the
// Account's state, and the Balance read model's computed column. Builds the app, serves it,
// drives Chromium:
//   node scripts/scenarioScreenshots.mjs [name filter]
import { mkdirSync } from 'node:fs';
import { withApp } from './lib/screenshotApp.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const only = process.argv[2] ?? '';
await withApp(async (page) => {
  const shot = async (name) => {
    if (!only || name.includes(only)) await page.screenshot({ path: `${out}/${name}.png` });
  };
  const sticky = (kind, text) => page.locator(`.sb-sticky.sb-${kind}`).filter({ hasText: text }).first();
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByRole('button', { name: 'Banking', exact: true }).click();
  await page.waitForTimeout(1500);
  await sticky('command', 'Withdraw money').click();
  await page.getByRole('group', { name: 'Scenario Within the balance' }).getByRole('status').filter({ hasText: 'Passes' }).waitFor();
  await shot('scenarios-withdraw-rules');
  // Scroll the inspector itself (scrollIntoView would scroll the page too).
  const scrollTo = (locator) => locator.evaluate((el) => {
    const panel = el.closest('.sb-inspector');
    panel.scrollTop = el.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop - 8;
  });
  await scrollTo(page.getByRole('region', { name: 'Scenarios' }));
  await shot('scenarios-withdraw-green');
  const guard = page.getByRole('textbox', { name: 'Guard for Withdrawal rejected' });
  await guard.fill('amount > balance + 100');
  await guard.press('Enter');
  await page.getByRole('group', { name: 'Scenario Beyond the balance' }).getByRole('status').filter({ hasText: 'Fails' }).waitFor();
  await scrollTo(page.getByRole('group', { name: 'Scenario Beyond the balance' }));
  await shot('scenarios-withdraw-red');
  await page.keyboard.press('Control+z');
  await sticky('aggregate', 'Account').click();
  await page.waitForTimeout(300);
  await shot('scenarios-account-state');
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(500);
  await sticky('readModel', 'Balance').click();
  await page.waitForTimeout(500);
  await shot('scenarios-balance-read-model');
});
