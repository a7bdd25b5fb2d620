// Screenshots of the simulation's explaining views at 1280×720 for docs/screenshots/: the
// Help tab and the lag chart's note, a run stuck on min.insync.replicas (status line, partition
// rows, run settings), the timeline's incidents, the consumer groups' assignment table, live
// badges on the board and the topology view. Builds the app, serves it, drives Chromium:
//   node scripts/simScreenshots.mjs
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
  await page.getByRole('button', { name: 'Open example' }).click();
  await button('Banking').click();
  await page.waitForTimeout(800);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
  await button('Run simulation').click();
  await page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first().waitFor();
  await page.waitForTimeout(2500);
  await shot('sim-badges-on-board');

  // A stuck run: two of three brokers stopped, acks=all with min.insync.replicas 2.
  await button('Stop broker 1').click();
  await page.waitForTimeout(500);
  await button('Stop broker 2').click();
  await page.waitForTimeout(1500);
  await button('Pause simulation').click();
  await page.waitForTimeout(300);
  await shot('sim-stuck-min-insync');
  await page.locator('.sb-timeline details').first().locator('summary').click();
  await page.waitForTimeout(200);
  await page.locator('.sb-timeline').scrollIntoViewIfNeeded();
  await shot('sim-timeline-incidents');

  await button('Run settings').click();
  await page.getByRole('spinbutton', { name: 'Brokers' }).fill('5');
  await page.waitForTimeout(300);
  await shot('sim-run-settings');
  await button('Close run settings').click();

  await tab('Help').click();
  await shot('sim-help');
  await tab('Offsets and lag').click();
  await page.waitForTimeout(500);
  await shot('sim-lag-chart-note');

  await button('Start broker 1').click().catch(() => undefined);
  await tab('Consumer groups').click();
  await button('Resume simulation').click().catch(() => button('Run simulation').click());
  await page.waitForTimeout(1500);
  await shot('sim-groups-assignment');

  await tab('Topology').click();
  await page.waitForTimeout(2500);
  await shot('sim-topology');
});
console.log(`screenshots in ${out}/`);
