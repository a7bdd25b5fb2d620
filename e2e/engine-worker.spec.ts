import { expect, test } from '@playwright/test';

// The engine in a real Chromium Web Worker on IndexedDB: produce, consume with a committed
// group, terminate the worker, reopen in a new one: every acknowledged record and commit is back.
test('engine worker produces, consumes and reopens from IndexedDB', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/harness/engine.html');
  await page.waitForFunction(() => (globalThis as unknown as { engineResult?: unknown }).engineResult !== undefined, undefined, { timeout: 30_000 });
  const r = await page.evaluate(() => (globalThis as unknown as { engineResult: Record<string, unknown> }).engineResult);
  expect(r.error).toBeUndefined();
  expect(r.consumedFirst).toBe(1000);
  expect(r.highAfterReopen).toBe(1010);
  expect(r.committedAfterReopen).toBe(1000);
  expect(r.consumedAfterReopen).toEqual(Array.from({ length: 10 }, (_, i) => `late-${i}`).sort());
  expect(r.topicsAfterReopen).toContain('orders');
  // Worker terminated with sends in flight: every acknowledged batch survives, no torn batch appears.
  const crash = r.crash as { acked: number; highAfterReopen: number; denseAndWhole: boolean };
  expect(crash.highAfterReopen).toBeGreaterThanOrEqual(crash.acked * 1000);
  expect(crash.denseAndWhole).toBe(true);
  test.info().annotations.push({ type: 'crash', description: `acked ${crash.acked * 1000} records before terminating; ${crash.highAfterReopen} after reopening` });
  expect(errors).toEqual([]);
});
