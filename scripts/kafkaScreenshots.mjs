// Screenshots of the dock's Topics tab at 1280×720 for docs/screenshots/: the message browser,
// a test message being produced and found again, a group's offsets reset refused while it has
// members and done once it has none, and a topic's configs. Builds the app, serves it, drives
// Chromium:
//   node scripts/kafkaScreenshots.mjs [name filter]
import { mkdirSync } from 'node:fs';
import { withApp } from './lib/screenshotApp.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const only = process.argv[2] ?? '';
const EVENTS = 'account-service.account.events';
const PROJECTOR = 'account-service.balance.projector';
await withApp(async (page) => {
  const shot = async (name) => {
    if (!only || name.includes(only)) await page.screenshot({ path: `${out}/${name}.png` });
  };
  const topics = page.getByRole('region', { name: 'Topics' });
  const view = (name) => topics.getByRole('tablist', { name: 'Topic views' }).getByRole('tab', { name, exact: true }).click();
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByRole('button', { name: 'Banking', exact: true }).click();
  await page.waitForTimeout(800);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  await page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first().waitFor();
  await page.waitForTimeout(4000);
  // The dock as tall as the board allows: a message browser wants rows.
  await page.getByRole('separator', { name: 'Resize simulation panel' }).focus();
  await page.keyboard.press('Home');
  await page.getByRole('tab', { name: 'Topics', exact: true }).click();
  await topics.getByRole('combobox', { name: 'Topic', exact: true }).selectOption(EVENTS);
  await page.getByRole('button', { name: 'Pause simulation' }).click();
  await page.getByRole('table', { name: 'Messages' }).locator('tbody tr').first().waitFor();
  await page.waitForTimeout(300);
  await shot('kafka-message-browser');

  await topics.getByRole('combobox', { name: 'Partition', exact: true }).selectOption('2');
  await topics.getByRole('combobox', { name: 'Start from' }).selectOption({ label: 'Offset' });
  await topics.getByRole('textbox', { name: 'Offset', exact: true }).fill('5');
  await topics.getByRole('searchbox', { name: 'Text contains' }).fill('withdraw');
  await topics.getByRole('button', { name: 'Show messages' }).click();
  await page.waitForTimeout(500);
  await page.getByRole('table', { name: 'Messages' }).locator('tbody tr').nth(2).click();
  await page.waitForTimeout(200);
  await shot('kafka-message-browser-filtered');

  await view('Produce');
  await topics.getByRole('textbox', { name: 'Key', exact: true }).fill('workshop-test');
  await topics.getByRole('textbox', { name: 'Value', exact: true }).fill('{"note":"hello from the workshop","amount":12.5}');
  await topics.getByRole('button', { name: 'Add header' }).click();
  await topics.getByRole('textbox', { name: 'Header name 1' }).fill('trace');
  await topics.getByRole('textbox', { name: 'Header value 1' }).fill('t-42');
  await topics.getByRole('button', { name: 'Produce message' }).click();
  await page.getByRole('status', { name: 'Produce result' }).waitFor();
  await shot('kafka-produce');

  await view('Groups and offsets');
  await topics.getByRole('combobox', { name: 'Group', exact: true }).selectOption(PROJECTOR);
  await topics.getByRole('button', { name: 'Reset offsets' }).click();
  await page.getByRole('alert', { name: 'Reset result' }).waitFor();
  await shot('kafka-reset-refused');
  await topics.getByRole('button', { name: 'Remove every instance of account-service' }).click();
  await page.getByRole('button', { name: 'Resume simulation' }).click();
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: 'Pause simulation' }).click();
  await topics.getByRole('combobox', { name: 'Reset to' }).selectOption({ label: 'Time' });
  await topics.getByRole('textbox', { name: 'Time (s into the run)' }).fill('20');
  await topics.getByRole('button', { name: 'Reset offsets' }).click();
  // The commit reaches __consumer_offsets (acks=all) as simulated time moves: a step finishes it.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('status', { name: 'Reset result' }).filter({ hasText: 'reset (' }).waitFor();
  await page.waitForTimeout(400);
  await shot('kafka-reset-done');

  await view('Configs');
  await page.getByRole('table', { name: 'Topic configs' }).waitFor();
  await shot('kafka-topic-configs');
});
