// Screenshots of an event's schema in the inspector at 1280×720 for docs/screenshots/: the
// verdict on a breaking draft (a new required field under BACKWARD), the history comparing
// two versions, and a run with old and new producers side by side. Builds the app, serves it,
// drives Chromium:
//   node scripts/schemaScreenshots.mjs
import { mkdirSync } from 'node:fs';
import { withApp } from './lib/screenshotApp.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
await withApp(async (page) => {
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByRole('button', { name: 'Banking', exact: true }).click();
  await page.waitForTimeout(800);
  await page.getByRole('group', { name: 'Domain event: Money deposited', exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const panel = inspector.getByRole('region', { name: 'Schema' });
  await panel.getByRole('button', { name: 'Register version 1' }).click();
  await inspector.getByRole('button', { name: '+ Add field' }).click();
  const name = inspector.getByRole('group', { name: /^Field 6: / }).getByLabel('Field name');
  await name.fill('channel');
  await name.press('Enter');
  await panel.getByRole('status', { name: 'Compatibility verdict' }).getByText('breaks').waitFor();
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/schema-verdict-breaking.png` });
  await inspector.getByRole('group', { name: /^Field 6: / }).getByRole('checkbox', { name: 'Optional' }).check();
  await panel.getByRole('button', { name: 'Register version 2' }).click();
  const ref = inspector.getByRole('group', { name: /^Field 4: / }).getByLabel('Field name');
  await ref.fill('memo');
  await ref.press('Enter');
  await panel.getByText(/^Schema history/).click();
  await panel.getByLabel('From version').selectOption({ label: 'Version 1' });
  await panel.getByLabel('To version').selectOption({ label: 'Draft' });
  await panel.getByRole('table', { name: 'Schema changes' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/schema-history-diff.png` });
  // Old and new producers: version 2 registered (channel optional), the draft not yet.
  await panel.getByRole('button', { name: 'Register version 3' }).click();
  await page.getByRole('button', { name: 'Run settings', exact: true }).click();
  await page.getByRole('group', { name: 'Run settings' }).getByRole('checkbox', { name: 'Old and new producers side by side' }).check();
  await page.getByRole('button', { name: 'Close run settings' }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  await page.getByRole('group', { name: 'Counters' }).getByRole('status', { name: 'Read by old consumers', exact: true }).waitFor();
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `${out}/schema-old-and-new-producers.png` });
});
