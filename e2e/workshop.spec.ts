// Board behaviour a workshop relies on: nothing typed right after adding a sticky is lost,
// "Lay out as timeline" lines up unlinked stickies, a sticky can be deleted, duplicated, moved
// into a context and edited with the mouse alone, long names are shown whole, and examples or
// imports opened twice get names of their own.
import { expect, test } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

test.beforeEach(async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.newBoard();
  await expect(board.stickies()).toHaveCount(0);
});

test('typing right after each of four quick adds keeps every character, spaces included', async ({ page }) => {
  const board = new BoardPage(page);
  // A slow machine (a projector laptop) widens the gap between the click and the editor's focus.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const names = ['A happened here', 'B happened there', 'C was done', 'D happened at last'];
  const button = (await board.paletteButton('Domain event').boundingBox())!;
  for (const name of names) {
    // No waiting for the editor: a facilitator clicks and types at once.
    await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // The board's sticky names as a whole: a failure shows what was typed where.
  const shown = () => page.locator('.react-flow__node[aria-label^="Domain event: "]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!.slice('Domain event: '.length)).sort());
  await expect.poll(shown).toEqual([...names].sort());
  for (const name of names) await expect(board.sticky('Domain event', name)).toBeVisible();
  await expect(board.stickies()).toHaveCount(4);
});

test('a sticky finished with Enter does not take the focus from an editor opened right after it', async ({ page }) => {
  const board = new BoardPage(page);
  await board.addSticky('Domain event', 'First');
  await board.addSticky('Domain event', 'Second');
  await board.sticky('Domain event', 'First').dblclick();
  const editor = page.getByRole('textbox', { name: 'Domain event text' });
  await expect(editor).toBeFocused();
  // Enter on the first sticky's editor, then a double click on the second, with no frame between
  // them: the first hands the focus back to its sticky on the next frame, and must not take it
  // from the second's editor by then.
  await page.evaluate(() => {
    document.querySelector('textarea.sb-editor')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    const second = document.querySelector('.react-flow__node[aria-label="Domain event: Second"]')!;
    second.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true, detail: 2 }));
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' and more');
  await page.keyboard.press('Enter');
  await expect(board.sticky('Domain event', 'Second and more')).toBeVisible();
  await expect(board.sticky('Domain event', 'First')).toBeVisible();
});

test('"Lay out as timeline" lines up unlinked events left to right by position, one row per lane', async ({ page }) => {
  const board = new BoardPage(page);
  // Chaotic exploration: events written anywhere, nothing linked; two lanes.
  const spots: [string, number, number][] = [
    ['Order placed', 700, 160],
    ['Cart filled', 320, 180],
    ['Order paid', 1000, 150],
    ['Parcel packed', 820, 470],
    ['Parcel sent', 1050, 480],
  ];
  for (const [name, x, y] of spots) {
    const sticky = await board.addSticky('Domain event', name);
    await board.dragTo(sticky, x, y);
  }
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+a');
  await page.getByRole('button', { name: 'Lay out as timeline' }).click();
  const box = async (name: string) => (await board.sticky('Domain event', name).boundingBox())!;
  await expect.poll(async () => (await box('Cart filled')).x < (await box('Order placed')).x).toBe(true);
  const [cart, placed, paid, packed, sent] = await Promise.all(['Cart filled', 'Order placed', 'Order paid', 'Parcel packed', 'Parcel sent'].map(box));
  // First lane in x order on one row; the second lane one row below, starting at the same left edge.
  expect(cart!.x).toBeLessThan(placed!.x);
  expect(placed!.x).toBeLessThan(paid!.x);
  expect(new Set([cart!.y, placed!.y, paid!.y]).size).toBe(1);
  expect(packed!.y).toBe(sent!.y);
  expect(packed!.y).toBeGreaterThan(cart!.y + cart!.height);
  expect(packed!.x).toBe(cart!.x);
  expect(packed!.x).toBeLessThan(sent!.x);
  // Nothing left the screen: the view shows every one.
  for (const b of [cart, placed, paid, packed, sent]) expect(b!.x + b!.width).toBeLessThan(1280);
});

test('with the mouse alone: the context menu edits, duplicates, moves into a context and deletes; the inspector deletes', async ({ page }) => {
  const board = new BoardPage(page);
  const context = await board.addSticky('Bounded context', 'Orders');
  await board.dragTo(context, 700, 420);
  const event = await board.addSticky('Domain event', 'Order placed');
  await board.dragTo(event, 330, 200);

  const menu = page.getByRole('menu');
  await event.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(board.sticky('Domain event', 'Order placed')).toHaveCount(2);

  // The copy lies on top of the original, 40 px down and right.
  await board.sticky('Domain event', 'Order placed').last().click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Edit text' }).click();
  const editor = page.getByRole('textbox', { name: 'Domain event text' });
  await expect(editor).toBeFocused();
  await editor.fill('Order confirmed');
  await page.keyboard.press('Enter');
  const confirmed = board.sticky('Domain event', 'Order confirmed');
  await expect(confirmed).toBeVisible();

  await confirmed.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Move into Orders' }).click();
  await expect(menu).toHaveCount(0);
  let exported = (await board.exportBoard()).board;
  const ctx = exported.elements.find((e) => e.kind === 'boundedContext')!;
  expect(exported.elements.find((e) => e.text === 'Order confirmed')!.parentId).toBe(ctx.id);
  const frame = (await context.boundingBox())!;
  const moved = (await confirmed.boundingBox())!;
  expect(moved.x).toBeGreaterThanOrEqual(frame.x);
  expect(moved.x + moved.width).toBeLessThanOrEqual(frame.x + frame.width);

  await confirmed.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(confirmed).toHaveCount(0);

  // The inspector's delete control.
  await board.sticky('Domain event', 'Order placed').click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Delete sticky' }).click();
  await expect(board.sticky('Domain event', 'Order placed')).toHaveCount(0);
  exported = (await board.exportBoard()).board;
  expect(exported.elements.map((e) => e.text)).toEqual(['Orders']);
  // One undo brings the last deletion back.
  await board.undo();
  await expect(board.sticky('Domain event', 'Order placed')).toBeVisible();
});

test('a long name is shown whole: the sticky grows; past six lines it ends with an ellipsis and a tooltip', async ({ page }) => {
  const board = new BoardPage(page);
  const long = 'Whenever a payment fails three times in a row, notify the customer';
  const policy = await board.addSticky('Policy', long);
  const text = policy.locator('.sb-text');
  const clipped = () => text.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
  expect(await clipped()).toBe(false);
  const box = (await policy.locator('.sb-sticky').boundingBox())!;
  const node = (await policy.boundingBox())!;
  expect(box.height).toBeGreaterThan(node.height);
  expect(await text.getAttribute('title')).toBeNull();

  const tooLong = `${long}. ${long}. ${long}.`;
  await board.renameByDoubleClick(policy, 'Policy', tooLong);
  const capped = board.sticky('Policy', tooLong).locator('.sb-text');
  await expect(capped).toHaveAttribute('title', tooLong);
  const lines = await capped.evaluate((el) => Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)));
  expect(lines).toBe(6);
});

test('an example opened twice and a board imported twice get names of their own', async ({ page }) => {
  const board = new BoardPage(page);
  await board.openExample('Banking');
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByRole('button', { name: 'Banking', exact: true }).click();
  await expect(board.boardName()).toContainText('Banking (2)');
  const exported = await board.exportBoard();
  await board.importBoard('banking.json', exported.text);
  await expect(board.boardName()).toContainText('Banking (2) (2)');
  await page.getByRole('button', { name: 'Boards' }).click();
  const saved = page.getByRole('list', { name: 'Saved boards' });
  for (const name of ['Banking', 'Banking (2)', 'Banking (2) (2)']) await expect(saved.getByRole('button', { name, exact: true })).toHaveCount(1);
});

test('a board that cannot run says why in one message that covers no control', async ({ page }) => {
  const board = new BoardPage(page);
  await board.addSticky('Policy', 'Whenever nothing, do nothing');
  await board.addSticky('Command', 'Do something');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const alerts = page.getByRole('alert');
  await expect(alerts).toHaveCount(1);
  await expect(alerts).toContainText('before running');
  const notice = (await alerts.boundingBox())!;
  for (const name of ['Run simulation', 'Step', 'Restart', 'Stop']) {
    const b = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    const overlaps = notice.x < b.x + b.width && b.x < notice.x + notice.width && notice.y < b.y + b.height && b.y < notice.y + notice.height;
    expect(overlaps, name).toBe(false);
  }
});
