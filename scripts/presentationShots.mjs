// Screenshots of presentation mode and of following a view, at 1280×720, for docs/screenshots/:
// builds the app, starts the workshop server (`npm run collab`) on a free port with a fresh data
// folder, and drives two browsers on one shared board (a facilitator and a projector).
//   node scripts/presentationShots.mjs
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { freePort } from './lib/freePorts.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const port = await freePort();
const dist = '.tmp/dist-presentation-shots';
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist], { stdio: 'inherit' });
const data = mkdtempSync(join(tmpdir(), 'stormbench-shots-'));
const server = spawn(process.execPath, ['scripts/collab.mjs'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: data, DIST_DIR: dist }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  let text = '';
  server.stdout.on('data', (d) => (text += d) && text.includes('collaboration server on') && resolve());
  server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const url = `http://127.0.0.1:${port}/`;
const executablePath = execFileSync('node', ['scripts/findChromium.mjs']).toString().trim().split('\n').pop();
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const viewport = { width: 1280, height: 720 };
try {
  const open = async (link, name) => {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(link);
    await page.getByRole('navigation', { name: 'Sticky palette' }).getByRole('button', { name: 'Domain event', exact: true }).waitFor();
    return page;
  };
  const named = async (page, name) => {
    const dialog = page.getByRole('dialog', { name: 'Your name' });
    await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
    await dialog.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('status', { name: 'Connection' }).filter({ hasText: 'Live' }).waitFor();
  };
  const ada = await open(url);
  await ada.getByRole('button', { name: 'Open example' }).click();
  await ada.getByRole('button', { name: 'Banking', exact: true }).click();
  await ada.waitForTimeout(800);
  await ada.getByRole('button', { name: 'Share board' }).click();
  const link = await ada.getByRole('textbox', { name: 'Board link' }).inputValue();
  await ada.getByRole('button', { name: 'Close' }).click();
  await named(ada, 'Ada');

  const projector = await open(link);
  await named(projector, 'Projector');
  await projector.getByRole('button', { name: 'Present' }).click();
  await projector.waitForTimeout(600);
  await projector.screenshot({ path: `${out}/presentation-no-facilitator.png` });

  await ada.getByRole('button', { name: 'Facilitate' }).click();
  const panel = ada.getByRole('group', { name: 'Facilitation' });
  await panel.getByRole('spinbutton', { name: 'Timer minutes' }).fill('10');
  await panel.getByRole('button', { name: 'Start timer' }).click();
  await panel.getByRole('button', { name: 'Start phases' }).click();
  await panel.getByRole('button', { name: 'Next phase' }).click();
  await ada.getByRole('button', { name: 'Facilitate' }).click();
  // Ada zooms in on the withdrawals (wheel) and points at one; the projector follows.
  const pane = await ada.locator('.react-flow__renderer').boundingBox();
  await ada.mouse.move(pane.x + pane.width * 0.45, pane.y + pane.height * 0.75);
  await ada.mouse.wheel(0, -250);
  await ada.waitForTimeout(400);
  await ada.mouse.move(pane.x + pane.width * 0.5, pane.y + pane.height * 0.55, { steps: 4 });
  await projector.waitForTimeout(1200);
  await projector.screenshot({ path: `${out}/presentation-following-facilitator.png` });
  await ada.screenshot({ path: `${out}/presentation-facilitator-laptop.png` });

  const bo = await open(link);
  await named(bo, 'Bo');
  await bo.getByRole('button', { name: 'Follow Ada' }).click();
  await bo.waitForTimeout(1000);
  await bo.screenshot({ path: `${out}/follow-participant.png` });
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(data, { recursive: true, force: true });
}
console.log(`screenshots in ${out}/`);
