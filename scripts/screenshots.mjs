// Screenshots of the workshop views at 1280×720 for docs/screenshots/ (board at the opening
// zoom, fit view of both examples, the simulation dock, the sticky menu, large text, the SVG
// export in a browser). Builds the app, serves it on a free port, drives Chromium:
//   node scripts/screenshots.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { withApp } from './lib/screenshotApp.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
await withApp(async (page, browser) => {
  const open = async (name) => {
    await page.getByRole('button', { name: 'Open example' }).click();
    await page.getByRole('button', { name, exact: true }).click();
    await page.waitForTimeout(800);
  };
  const shot = (name) => page.screenshot({ path: `${out}/${name}.png` });
  const fit = async () => {
    await page.getByRole('button', { name: 'Fit view' }).click();
    await page.waitForTimeout(800);
  };

  await open('Banking');
  await shot('board-banking-opening-zoom');
  await fit();
  await shot('board-banking-fit-view');
  await page.getByRole('group', { name: 'Policy: Whenever the balance goes below zero, charge an overdraft fee' }).click({ button: 'right' });
  await page.waitForTimeout(200);
  await shot('board-sticky-menu');
  await page.keyboard.press('Escape');
  await open('E-commerce');
  await fit();
  await shot('board-ecommerce-fit-view');

  await page.getByRole('button', { name: 'Run simulation' }).click();
  await page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first().waitFor();
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Pause simulation' }).click();
  await shot('dock-open');
  await page.getByRole('button', { name: 'Run simulation' }).hover();
  await shot('dock-primary-button-hover');
  await page.getByRole('button', { name: 'Hide simulation panel' }).click();

  await page.getByRole('button', { name: 'Board settings' }).click();
  await page.getByLabel('Text size').selectOption({ label: 'Larger (presenting)' });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  await shot('board-larger-text');
  await page.getByRole('button', { name: 'Board settings' }).click();
  await page.getByLabel('Text size').selectOption({ label: 'Normal' });
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Export image' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
  const svg = readFileSync(await download.path(), 'utf8');
  const viewer = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await viewer.setContent(`<body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '').replace(/width="[\d.]+" height="[\d.]+"/, 'width="1280" height="720"')}</body>`);
  await viewer.screenshot({ path: `${out}/export-svg-ecommerce.png` });
});
console.log(`screenshots in ${out}/`);
