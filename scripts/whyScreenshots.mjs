// Screenshots of the views that explain why at 1280×720 for docs/screenshots/: the board's
// stickies stalled by a fault, lag health on the consumer groups and the topology, the lag over
// the whole run, rebalance history and compaction. Builds the app, serves
// it, drives Chromium:
//   node scripts/whyScreenshots.mjs [name filter]
import { mkdirSync } from 'node:fs';
import { withApp } from './lib/screenshotApp.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const only = process.argv[2] ?? '';
await withApp(async (page) => {
  const shot = async (name) => {
    if (!only || name.includes(only)) await page.screenshot({ path: `${out}/${name}.png` });
  };
  const button = (name) => page.getByRole('button', { name, exact: true });
  const tab = (name) => page.getByRole('tab', { name, exact: true });
  const openExample = async (name) => {
    await page.getByRole('button', { name: 'Open example' }).click();
    await button(name).click();
    await page.waitForTimeout(800);
  };
  const dockHeight = async (key) => {
    await page.getByRole('separator', { name: 'Resize simulation panel' }).focus();
    await page.keyboard.press(key);
    await page.waitForTimeout(200);
  };

  await openExample('Banking');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('25');
  await button('Run simulation').click();
  await page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first().waitFor();
  // Business impact: two of three brokers down, acks=all with min.insync.replicas 2.
  await page.waitForTimeout(2000);
  await button('Stop broker 1').click();
  await button('Stop broker 2').click();
  await page.getByRole('img', { name: /^Impact: stalled/ }).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(2500);
  await shot('why-impact-board');
  await button('Start broker 1').click();
  await button('Start broker 2').click();
  await page.getByRole('img', { name: /^Impact: was stalled/ }).first().waitFor({ timeout: 30_000 });
  await dockHeight('Home');
  await tab('Consumer groups').click();
  await page.waitForTimeout(4000);
  // Every instance of the first service crashes: its groups stop committing while commands keep coming.
  const service = page.getByRole('group', { name: /^Service / }).first();
  const crashButtons = service.getByRole('button', { name: /^Crash / });
  for (let n = await crashButtons.count(); n > 0; n--) {
    await crashButtons.first().click();
    await crashButtons.nth(n - 1).waitFor({ state: 'detached' });
  }
  await page.getByRole('status', { name: /^Lag health of / }).filter({ hasText: 'ERR' }).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  await shot('why-lag-health-groups');
  await tab('Offsets and lag').click();
  await page.waitForTimeout(2000);
  await shot('why-lag-over-run');
  await tab('Topology').click();
  await page.waitForTimeout(3000);
  await shot('why-lag-health-topology');
  // Rebalances: add an instance (a join), then switch to cooperative and add another.
  await tab('Consumer groups').click();
  const second = page.getByRole('group', { name: /^Service / }).first();
  await second.getByRole('button', { name: /^Add instance of / }).click();
  await page.waitForTimeout(2500);
  await page.getByRole('radio', { name: 'Cooperative' }).click();
  await page.waitForTimeout(3000);
  await second.getByRole('button', { name: /^Add instance of / }).click();
  await page.waitForTimeout(2500);
  await tab('Rebalances').click();
  await page.getByRole('combobox', { name: 'Group' }).selectOption({ index: 0 });
  await page.waitForTimeout(1500);
  await shot('why-rebalances');

  // Compaction of a read model's table topic.
  await tab('Topics').click();
  const topicBox = page.getByRole('combobox', { name: 'Topic' });
  const tableTopic = await topicBox.locator('option').evaluateAll((os) => os.map((o) => o.value).find((v) => v.endsWith('.table')));
  await topicBox.selectOption(tableTopic);
  await page.getByRole('tab', { name: 'Compaction' }).click();
  await page.waitForTimeout(1500);
  await button('Run the cleaner now').click();
  await page.waitForTimeout(1500);
  await shot('why-compaction');
  await button('Stop').click();
});
