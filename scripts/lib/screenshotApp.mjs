// Builds the app, serves it on a free port and opens it in Chromium at 1280×720 for the
// screenshot scripts; stops the server and the browser when `work` ends.
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { startPreview } from './previewServer.mjs';

export async function withApp(work) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', '.tmp/dist-shots'], { stdio: 'inherit' });
  const server = await startPreview({ outDir: '.tmp/dist-shots' });
  let browser;
  try {
    const executablePath = execFileSync('node', ['scripts/findChromium.mjs']).toString().trim().split('\n').pop();
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Sticky palette' }).getByRole('button', { name: 'Domain event', exact: true }).waitFor();
    await work(page, browser);
  } finally {
    await browser?.close();
    server.stop();
  }
}
