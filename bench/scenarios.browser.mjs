// From an edit to its scenarios' result on screen, in headless Chromium at 1280×720: on Banking,
// the guard of "Withdrawal rejected" is changed back and forth in the inspector, and each time
// the time from Enter to "Beyond the balance" showing its new result (Fails / Passes) is taken.
// It holds the 300 ms pause after an edit, the worker's compile and scenario run, and the render.
//   node bench/scenarios.browser.mjs [edits=10]
// Builds the app into .tmp/dist-shots and serves it on a free port (scripts/lib/screenshotApp.mjs).
import { withApp } from '../scripts/lib/screenshotApp.mjs';

const edits = Number(process.argv[2] ?? 10);
await withApp(async (page) => {
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByRole('button', { name: 'Banking', exact: true }).click();
  await page.locator('.sb-sticky.sb-command').filter({ hasText: 'Withdraw money' }).click();
  const status = page.getByRole('group', { name: 'Scenario Beyond the balance', exact: true }).getByRole('status');
  await status.filter({ hasText: 'Passes' }).waitFor();
  const guard = page.getByRole('textbox', { name: 'Guard for Withdrawal rejected' });
  const times = [];
  for (let i = 0; i < edits; i++) {
    const breaking = i % 2 === 0;
    await guard.fill(breaking ? 'amount > balance + 100' : 'amount > balance');
    const t0 = await page.evaluate(() => performance.now());
    await guard.press('Enter');
    await page.waitForFunction(
      (want) => [...document.querySelectorAll('[role="group"][aria-label="Scenario Beyond the balance"] [role="status"]')].some((e) => e.textContent.includes(want)),
      breaking ? 'Fails' : 'Passes',
      { polling: 'raf' },
    );
    times.push((await page.evaluate(() => performance.now())) - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log('| edits | edit → result, median ms | p95 ms | max ms |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| ${edits} | ${q(0.5).toFixed(0)} | ${q(0.95).toFixed(0)} | ${sorted.at(-1).toFixed(0)} |`);
});
