// What hostile or unlucky input did to the app (issue 17), end to end in Chromium: a file of
// contexts nested 5,000 deep is refused without freezing the page, and a name typed without
// Enter outlives closing the tab.
import { expect, test } from '@playwright/test';
import { nestedContextsBoard } from '../src/model/testing/nestedContexts';
import { BoardPage } from './pages/BoardPage';

test('importing 5,000 contexts each inside the previous is refused, with no main-thread task of a second', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  const before = (await board.exportBoard()).text;
  // The file is made in the page and handed to the file input there: Playwright's own
  // setInputFiles decodes a megabyte of base64 in one task of its own, which is not the app's.
  const from = await page.evaluate((text) => {
    const input = document.querySelector<HTMLInputElement>('[role="group"][aria-label="Board file"] input[type="file"]')!;
    const files = new DataTransfer();
    files.items.add(new File([text], 'nested.json', { type: 'application/json' }));
    input.files = files.files;
    const t0 = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return t0;
  }, JSON.stringify(nestedContextsBoard(5000)));
  await expect(board.alert()).toContainText('at most 32 levels');
  await page.waitForTimeout(200);
  const longest = await page.evaluate(
    (t0) => Math.max(0, ...(window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((e) => e.start >= t0).map((e) => e.duration)),
    from,
  );
  console.log(`longest main-thread task during the import: ${longest.toFixed(0)} ms`);
  expect(longest).toBeLessThan(1000);
  expect((await board.alert().textContent())!.length).toBeLessThan(600);
  expect((await board.exportBoard()).text).toBe(before);
});

test('a name typed without Enter is kept when the page closes, and reopening shows it', async ({ context }) => {
  const page = await context.newPage();
  const board = new BoardPage(page);
  await board.goto();
  const stickies = await board.stickies().count();
  await board.paletteButton('Domain event').click();
  await expect(page.getByRole('textbox', { name: 'Domain event text' })).toBeFocused();
  await page.keyboard.type('Order placed');
  // Closed straight after typing: the page-hide commit has to save it.
  await page.close({ runBeforeUnload: true });

  const again = new BoardPage(await context.newPage());
  await again.goto();
  await expect(again.sticky('Domain event', 'Order placed')).toBeVisible();
  await expect(again.stickies()).toHaveCount(stickies + 1);
  const exported = (await again.exportBoard()).board;
  expect(exported.elements.filter((e) => e.text === '')).toEqual([]);
});

test('a name typed without Enter is saved within a moment, while the editor is still open', async ({ context }) => {
  const page = await context.newPage();
  const board = new BoardPage(page);
  await board.goto();
  await board.paletteButton('Command').click();
  const editor = page.getByRole('textbox', { name: 'Command text' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('Place order');

  // Another tab reads what is stored: a crash of the first one now would lose nothing.
  const other = new BoardPage(await context.newPage());
  await expect
    .poll(
      async () => {
        await other.goto();
        return other.sticky('Command', 'Place order').count();
      },
      { timeout: 5000 },
    )
    .toBe(1);
  await page.bringToFront();
  await expect(editor).toBeVisible();
});

test('edits after another tab deleted the board are not dropped: the tab says so and keeps a copy', async ({ context }) => {
  const a = new BoardPage(await context.newPage());
  await a.goto();
  // Renamed once it is on screen: before, the rename would go to the board opened at start.
  await a.newBoard();
  await a.page.getByRole('button', { name: 'Boards' }).click();
  await a.page.getByLabel('Board name').fill('Doomed');
  await a.page.getByRole('button', { name: 'Rename' }).click();
  await a.page.keyboard.press('Escape');
  await expect(a.boardName()).toContainText('Doomed');
  const b = new BoardPage(await context.newPage());
  await b.goto();
  await expect(b.boardName()).toContainText('Doomed');
  await b.page.getByRole('button', { name: 'Boards' }).click();
  await b.page.getByRole('button', { name: 'Delete board' }).click();
  await b.page.getByRole('dialog', { name: 'Delete this board?' }).getByRole('button', { name: 'Delete' }).click();
  // The delete is stored once the tab has moved on to the remaining board (the name goes blank
  // as soon as it starts); closing the tab before that could abort it, and then no delete
  // reaches the other tab (seen on a loaded machine: no notice in 30 s).
  await expect(b.boardName()).toContainText('My first board');
  await b.page.close();

  await a.page.bringToFront();
  for (const text of ['Kept one', 'Kept two', 'Kept three']) await a.addSticky('Hotspot', text);
  // The other tab's delete reaches this one through storage; a loaded machine takes seconds.
  await expect(a.alert()).toContainText('deleted in another tab', { timeout: 30_000 });
  await a.alert().getByRole('button', { name: 'Keep a copy' }).click();
  await expect(a.boardName()).toContainText('Doomed (copy)');
  await a.page.reload();
  await a.ready();
  await expect(a.boardName()).toContainText('Doomed (copy)');
  for (const text of ['Kept one', 'Kept two', 'Kept three']) await expect(a.sticky('Hotspot', text)).toBeVisible();
});

test('a run belongs to its board: switching boards pauses it, and "Run simulation" runs the board on screen', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const clock = async () => Number((await page.getByLabel('Simulated time').textContent())!.replace(/[^0-9.]/g, ''));
  await board.openExample('Banking');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await button('Run simulation').click();
  await expect(button('Pause simulation')).toBeVisible();
  await expect.poll(clock).toBeGreaterThan(1);

  // Switched away while running: the Banking run pauses.
  await board.openExample('E-commerce');
  await expect(button('Run simulation')).toBeVisible();
  await expect(button('Pause simulation')).toHaveCount(0);
  // E-commerce has no run of its own: once the worker has put Banking's away, the dock shows none.
  await expect.poll(clock).toBe(0);

  // Back on Banking, its run is back, paused (stored while E-commerce was on screen): its clock
  // holds still until "Resume simulation". Switched away again during the pause, "Run
  // simulation" runs E-commerce from the start, not Banking.
  await board.openBoard('Banking');
  await expect(button('Resume simulation')).toBeVisible();
  await expect.poll(clock).toBeGreaterThan(1);
  const held = await clock();
  await page.waitForTimeout(500);
  expect(await clock()).toBe(held);
  await button('Resume simulation').click();
  await expect.poll(clock).toBeGreaterThan(held);
  await button('Pause simulation').click();
  await board.openBoard('E-commerce');
  await button('Run simulation').click();
  await expect(button('Pause simulation')).toBeVisible();
  await page.getByRole('tab', { name: 'Read models' }).click();
  await expect(page.getByRole('table', { name: 'Read model Order status' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Read model Balance' })).toHaveCount(0);
});

test('a command rate above 20,000/s is clamped where it is typed, and says so', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  const rate = page.getByRole('spinbutton', { name: 'Commands/s' });
  await rate.fill('100000');
  await expect(rate).toHaveValue('20000');
  await expect(page.getByRole('status').filter({ hasText: 'at most 20,000 per second' })).toBeVisible();
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause simulation' })).toBeVisible();
  await rate.fill('250000');
  await expect(rate).toHaveValue('20000');
  // The run goes on at the limit and still pauses promptly.
  await page.waitForTimeout(1000);
  const started = Date.now();
  await page.getByRole('button', { name: 'Pause simulation' }).click();
  await expect(page.getByRole('button', { name: 'Resume simulation', exact: true })).toBeVisible();
  console.log(`pause at 20,000 commands/s took ${Date.now() - started} ms`);
});
