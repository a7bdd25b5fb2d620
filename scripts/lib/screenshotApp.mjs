// Builds the app, serves it on a free port and opens it in Chromium at 1280×720 for the
// screenshot scripts; stops the server and the browser when `work` ends.
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { freePort } from './freePorts.mjs';

export async function withApp(work) {
  const port = await freePort();
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
    await page.getByRole('navigation', { name: 'Sticky palette' }).getByRole('button', { name: 'Domain event', exact: true }).waitFor();
    await work(page, browser);
  } finally {
    await browser.close();
    process.kill(-server.pid);
  }
}
