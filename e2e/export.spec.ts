// "Export services" on the Banking example: the preview shows the project's files and code,
// and "Download zip" saves a zip with the expected layout.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { BoardPage } from './pages/BoardPage';

test('exports the Banking example as services: file tree, code view, zip download', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');

  await page.getByRole('button', { name: 'Export services' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export services' });
  await expect(dialog).toBeVisible();
  const files = dialog.getByRole('navigation', { name: 'Exported files' });
  await expect(files.getByRole('button', { name: 'package.json', exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Contents of README.md')).toContainText('npm run typecheck');

  await files.getByRole('button', { name: 'account.ts', exact: true }).click();
  const code = dialog.getByLabel('Contents of services/account-service/src/aggregates/account.ts');
  await expect(code).toContainText('export function decide(');
  await expect(code).toContainText('"WithdrawalRejected"');
  await page.screenshot({ path: '.tmp/export-dialog.png' });

  // The Kafka client is chosen here: Confluent's by default, kafkajs the other.
  const clients = dialog.getByRole('group', { name: 'Kafka client' });
  await expect(clients.getByRole('radio', { name: "Confluent's client (librdkafka) (default)" })).toBeChecked();
  await files.getByRole('button', { name: 'package.json', exact: true }).click();
  await expect(dialog.getByLabel('Contents of package.json')).toContainText('"@confluentinc/kafka-javascript"');
  await clients.getByRole('radio', { name: 'kafkajs' }).check();
  await expect(dialog.getByLabel('Contents of package.json')).toContainText('"kafkajs": "2.2.4"');
  await expect(dialog.getByLabel('Contents of package.json')).not.toContainText('@confluentinc');

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download zip' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('banking.zip');
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  const zip = unzipSync(new Uint8Array(bytes));
  for (const path of [
    'banking/package.json',
    'banking/asyncapi.json',
    'banking/openapi.json',
    'banking/src/main.ts',
    'banking/docker-compose.yml',
    'banking/scripts/create-topics.ts',
    'banking/src/runtime/aggregate.ts',
    'banking/services/account-service/src/aggregates/account.ts',
    'banking/services/account-service/test/account.test.ts',
    'banking/services/account-service/schemas/money-deposited.avsc',
  ]) {
    expect(Object.keys(zip), path).toContain(path);
  }
  expect(JSON.parse(strFromU8(zip['banking/asyncapi.json']!)).asyncapi).toBe('3.0.0');
  expect(JSON.parse(strFromU8(zip['banking/openapi.json']!)).openapi).toBe('3.1.0');
  // The zip holds the client chosen in the dialog.
  expect(JSON.parse(strFromU8(zip['banking/package.json']!)).dependencies).toEqual({ kafkajs: '2.2.4', '@kafkajs/confluent-schema-registry': '3.9.0', avsc: '5.7.9' });

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test('the E-commerce export lists its warnings without blocking the download', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('E-commerce');
  await page.getByRole('button', { name: 'Export services' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export services' });
  await dialog.getByText(/1 warning/).click();
  await expect(dialog.getByText(/cannot find "shipmentId" in event 'Payment succeeded'/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Download zip' })).toBeEnabled();
  await expect(dialog.getByRole('navigation', { name: 'Exported files' }).getByRole('button', { name: 'payment-provider.ts', exact: true })).toBeVisible();
});

test('a board with compile errors is not exported: the dialog lists what to fix', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.newBoard();
  await board.addSticky('Policy', 'Ship when paid');

  await page.getByRole('button', { name: 'Export services' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export services' });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText("Policy 'Ship when paid' issues no command");
  await expect(alert).toContainText("Policy 'Ship when paid' is triggered by no event");
  await expect(dialog.getByRole('button', { name: 'Download zip' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
