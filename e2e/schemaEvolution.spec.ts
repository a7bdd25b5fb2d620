// Evolving an event on the Banking board: the inspector shows the registry's verdict on the
// drafted fields before a version is registered (a new required field breaks BACKWARD; made
// optional, it keeps it; a rename keeps it through an alias of the old name), registers
// versions, and compares two versions field by field. At 1280×720, as in a workshop.
import { expect, test } from '@playwright/test';
import { COLLAB_URL } from './collabServer';
import { BoardPage } from './pages/BoardPage';
import { EventSchema } from './pages/EventSchema';

test.use({ viewport: { width: 1280, height: 720 } });

test('evolving Money deposited: the verdict before registering, versions, and their diff', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await board.sticky('Domain event', 'Money deposited').click();
  const schema = new EventSchema(page);
  await expect(schema.verdict()).toHaveText('Not registered yet: these fields become version 1.');
  await schema.register(1);
  await expect(schema.verdict()).toHaveText('The fields are version 1, as registered.');

  // A new required field: records written with version 1 lack it, so BACKWARD refuses.
  const added = await schema.addField();
  await schema.rename(added, 'channel');
  await expect(schema.verdict()).toContainText('✗ Version 2 breaks BACKWARD.');
  await expect(schema.verdict()).toContainText("channel — READER_FIELD_MISSING_DEFAULT_VALUE: the new schema reads field 'channel', which version 1 does not write, and has no default for it (version 1).");
  await expect(schema.panel.getByRole('button', { name: 'Register version 2' })).toBeDisabled();
  // Optional (a null default): compatible.
  await schema.field(6).getByRole('checkbox', { name: 'Optional' }).check();
  await expect(schema.verdict()).toHaveText('✓ Version 2 is compatible under BACKWARD.');
  // Under FULL, the same change is checked both ways: still compatible.
  await schema.level().selectOption('FULL');
  await expect(schema.verdict()).toHaveText('✓ Version 2 is compatible under FULL.');
  await schema.register(2);
  await expect(schema.verdict()).toHaveText('The fields are version 2, as registered.');

  // Renaming a registered field keeps its old name as an alias: readers still find it.
  await schema.rename(schema.field(4), 'memo');
  await expect(schema.field(4)).toContainText('Renamed from reference');
  await expect(schema.verdict()).toHaveText('✓ Version 3 is compatible under FULL.');

  const diff = await schema.compare('Version 1', 'Draft');
  await expect(diff.getByRole('row')).toHaveText([/Field\s*Change\s*Detail/, /memo\s*renamed\s*reference → memo/, /channel\s*added\s*string, optional/]);
  const exported = (await board.exportBoard()).board.elements.find((e) => e.text === 'Money deposited') as unknown as { schemaVersions: { fields: { name: string }[] }[]; compatibility: string };
  expect(exported.schemaVersions.map((v) => v.fields.map((f) => f.name).join(','))).toEqual(['accountId,amount,balance,reference,depositedAt', 'accountId,amount,balance,reference,depositedAt,channel']);
  expect(exported.compatibility).toBe('FULL');
});

test('faxNumber → email: old and new producers side by side, old consumers keep reading', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await board.sticky('Domain event', 'Money deposited').click();
  const schema = new EventSchema(page);
  // Version 1 carries an optional faxNumber.
  const fax = await schema.addField();
  await schema.rename(fax, 'faxNumber');
  await fax.getByRole('checkbox', { name: 'Optional' }).check();
  await schema.register(1);
  // Version 2: faxNumber goes, an optional email comes. Both optional: compatible both ways.
  await schema.level().selectOption('FULL');
  const email = await schema.addField();
  await schema.rename(email, 'email');
  await email.getByRole('checkbox', { name: 'Optional' }).check();
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Remove faxNumber' }).click();
  await expect(schema.verdict()).toHaveText('✓ Version 2 is compatible under FULL.');
  await schema.register(2);

  await page.getByRole('button', { name: 'Run settings', exact: true }).click();
  await page.getByRole('group', { name: 'Run settings' }).getByRole('checkbox', { name: 'Old and new producers side by side' }).check();
  await page.getByRole('button', { name: 'Close run settings' }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  const counters = page.getByRole('group', { name: 'Counters' });
  await expect(counters.getByRole('status', { name: 'Written by old producers', exact: true })).toHaveText(/^[1-9]/, { timeout: 30_000 });
  await expect(counters.getByRole('status', { name: 'Read by old consumers', exact: true })).toHaveText(/^[1-9]/, { timeout: 30_000 });
  await expect(counters.getByRole('status', { name: 'Unreadable to old consumers', exact: true })).toHaveText('0');
});

test("the verdict on the workshop server, whose page policy forbids Avro's code generation", async ({ page }) => {
  // The workshop server (npm run collab) sends a Content-Security-Policy without 'unsafe-eval':
  // the verdict is computed in the simulation worker, which that policy does not govern.
  const response = await page.goto(`${COLLAB_URL}/`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  // Code run from a timer is the page's own (code evaluated by the test itself is exempt from the policy).
  const evalOnPage = () => new Promise<string>((resolve) => setTimeout(() => { try { resolve(typeof new Function('return 1')); } catch { resolve('refused'); } }, 0));
  expect(await page.evaluate(evalOnPage)).toBe('refused');
  const board = new BoardPage(page);
  await board.ready();
  await board.openExample('Banking');
  await board.sticky('Domain event', 'Money deposited').click();
  const schema = new EventSchema(page);
  await schema.register(1);
  await expect(schema.verdict()).toHaveText('The fields are version 1, as registered.');
  const added = await schema.addField();
  await schema.rename(added, 'channel');
  await expect(schema.verdict()).toContainText('✗ Version 2 breaks BACKWARD.');
  await expect(schema.verdict()).toContainText("channel — READER_FIELD_MISSING_DEFAULT_VALUE: the new schema reads field 'channel', which version 1 does not write, and has no default for it (version 1).");
  await schema.field(6).getByRole('checkbox', { name: 'Optional' }).check();
  await expect(schema.verdict()).toHaveText('✓ Version 2 is compatible under BACKWARD.');
});
