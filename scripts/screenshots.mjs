// Screenshots of the workshop views at 1280×720 for docs/screenshots/ (board at the opening
// zoom, fit view of both examples, the simulation dock, the sticky menu, large text, the SVG
// export in a browser). Builds the app, serves it on a free port, drives Chromium:
//   node scripts/screenshots.mjs
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', '.tmp/dist-shots'], { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', '.tmp/dist-shots'], { stdio: 'ignore', detached: true });
const executablePath = execFileSync('node', ['scripts/findChromium.mjs']).toString().trim().split('\n').pop();
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await page.waitForTimeout(200);
    }
  }
  const palette = page.getByRole('navigation', { name: 'Sticky palette' });
  await palette.getByRole('button', { name: 'Domain event', exact: true }).waitFor();
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
} finally {
  await browser.close();
  process.kill(-server.pid);
}
console.log(`screenshots in ${out}/`);
