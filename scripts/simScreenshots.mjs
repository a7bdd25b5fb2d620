// Screenshots of the simulation's explaining views at 1280×720 for docs/screenshots/: live
// badges on the board, a run stuck on min.insync.replicas (status line, partition rows), the
// timeline's incidents, run settings, the Help tab, the lag chart's note, the consumer groups'
// assignment table, the topology in the board's place, and a fault experiment stepped through.
// Builds the app, serves it, drives Chromium:
//   node scripts/simScreenshots.mjs [name filter]
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
  /** The dock as tall as the board allows (Home on its resize handle), or back to small (End). */
  const dockHeight = async (key) => {
    await page.getByRole('separator', { name: 'Resize simulation panel' }).focus();
    await page.keyboard.press(key);
    await page.waitForTimeout(200);
  };

  await openExample('E-commerce');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
  await button('Run simulation').click();
  await page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first().waitFor();
  await tab('Topology').click();
  await page.waitForTimeout(3000);
  await shot('sim-topology-ecommerce');
  await tab('Cluster').click();
  await button('Stop').click();

  await openExample('Banking');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
  await button('Run simulation').click();
  await page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first().waitFor();
  await page.waitForTimeout(3000);
  await shot('sim-badges-on-board');
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(1500);
  await shot('sim-badges-fit-view');

  // A stuck run: two of three brokers stopped, acks=all with min.insync.replicas 2.
  await dockHeight('Home');
  await button('Stop broker 1').click();
  await page.waitForTimeout(500);
  await button('Stop broker 2').click();
  await page.waitForTimeout(1500);
  await button('Pause simulation').click();
  await page.waitForTimeout(300);
  await page.getByRole('table', { name: 'Partitions' }).scrollIntoViewIfNeeded();
  await shot('sim-stuck-min-insync');
  await page.locator('.sb-timeline details').first().locator('summary').click();
  await page.locator('.sb-timeline').scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  await shot('sim-timeline-incidents');

  await button('Run settings').click();
  await page.getByRole('spinbutton', { name: 'Brokers' }).fill('5');
  await page.waitForTimeout(300);
  await shot('sim-run-settings');
  await page.getByRole('spinbutton', { name: 'Brokers' }).fill('3');
  await button('Close run settings').click();

  await tab('Help').click();
  await shot('sim-help');
  await tab('Cluster').click();
  await button('Start broker 1').click();
  await button('Start broker 2').click();
  await button('Run simulation').click();
  await tab('Offsets and lag').click();
  await page.waitForTimeout(4000);
  await shot('sim-lag-chart-note');

  await tab('Consumer groups').click();
  const service = page.getByRole('group', { name: 'Service account-service' });
  await service.getByRole('button', { name: 'Crash account-service-2', exact: true }).click();
  await page.waitForTimeout(500);
  await shot('sim-groups-assignment');

  await tab('Topology').click();
  await page.waitForTimeout(2500);
  await shot('sim-topology');

  await tab('Fault experiments').click();
  await page.getByRole('button', { name: /^Run experiment: acks=1: a leader crash/ }).click();
  for (let i = 0; i < 4; i++) {
    await button('Next step').click();
    await page.waitForTimeout(200);
  }
  await page.getByRole('region', { name: 'Experiment in progress' }).evaluate((el) => el.scrollIntoView());
  await shot('sim-experiment-step');
});
console.log(`screenshots in ${out}/`);
